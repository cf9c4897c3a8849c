/**
 * Serves a built site for the browser tests: PORTAL_DIST if set, else dist/, built first with
 * `npm run build` when it is missing or older than its sources (scripts/lib/stale-dist.ts).
 * Tests read the address with inject('baseUrl').
 */
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from '../../scripts/lib/serve.ts';
import { distState } from '../../scripts/lib/stale-dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

/**
 * The environment without what Vitest sets for its own run: with NODE_ENV=test inherited, the build bundles
 * React's development runtime (dist/_astro/client.*.js 422 KB instead of 221 KB) and the tests would not see
 * the site that `npm run build` publishes.
 */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
}

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const dist = resolve(process.env.PORTAL_DIST ?? join(root, 'dist'));
  if (process.env.PORTAL_DIST) {
    // A site built elsewhere (e.g. from the hostile fixture) is tested as it is; only its completeness is checked.
    const state = distState(root, dist, []);
    if (state.stale) throw new Error(`PORTAL_DIST=${dist} holds no built site with a search index: ${state.reason}.`);
  } else {
    const state = distState(root, dist);
    if (state.stale) {
      console.log(`Building the site for the browser tests: ${state.reason}.`);
      execSync('npm run build', { cwd: root, stdio: 'inherit', env: buildEnv() });
    }
  }
  const server = await serveDist(dist);
  project.provide('baseUrl', server.url);
  project.provide('distDir', dist);
  return () => server.close();
}
