/**
 * Serves a built site for the browser tests: PORTAL_DIST if set, else dist/ (built first with
 * `npm run build` when it is missing). Tests read the address with inject('baseUrl').
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const dist = resolve(process.env.PORTAL_DIST ?? join(root, 'dist'));
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'pagefind'))) {
    if (process.env.PORTAL_DIST) throw new Error(`PORTAL_DIST=${dist} holds no built site with a search index.`);
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  const server = await serveDist(dist);
  project.provide('baseUrl', server.url);
  project.provide('distDir', dist);
  return () => server.close();
}
