/**
 * Whether a built dist/ is older than what it is built from, so the browser tests rebuild it instead of
 * testing yesterday's site. Compares file modification times: the newest file under the sources against
 * dist/index.html (the build empties dist/ and writes every page anew).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build reads, relative to the project root. */
export const BUILD_SOURCES = ['src', 'data', 'public', 'astro.config.mjs', 'package-lock.json'] as const;

/** The newest file under `path` (a file or a folder, walked recursively), or undefined when there is none. */
export function newestFile(path: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return { file: path, mtimeMs: st.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(path)) {
    const n = newestFile(join(path, entry));
    if (n && (!newest || n.mtimeMs > newest.mtimeMs)) newest = n;
  }
  return newest;
}

export type DistState = { stale: false } | { stale: true; reason: string };

/** Missing, incomplete (no search index) or older than a source file: then it must be built again. */
export function distState(root: string, dist: string, sources: readonly string[] = BUILD_SOURCES): DistState {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return { stale: true, reason: `${index} does not exist` };
  if (!existsSync(join(dist, 'pagefind'))) return { stale: true, reason: `${dist} has no search index (pagefind/)` };
  const built = statSync(index).mtimeMs;
  for (const s of sources) {
    const n = newestFile(join(root, s));
    if (n && n.mtimeMs > built) return { stale: true, reason: `${n.file} is newer than ${index}` };
  }
  return { stale: false };
}
