/**
 * Issue #17, "Warm rebuilds": a build that takes everything it can from the build's cache (the
 * validated store, the release downloads: src/lib/cache) publishes the same dist/, byte for byte,
 * as a build from an empty cache. Two builds of the real data into two folders (about a minute).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'node_modules/.bin');

/** Every file under dir, relative, in path order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** validate:data then astro build, as `npm run build` runs them, with the given cache folder. */
function build(cache: string): string {
  const out = mkdtempSync(join(tmpdir(), 'nq57-warm-dist-'));
  // Without what Vitest sets for its own run (NODE_ENV=test would bundle React's development runtime).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
    PATH: `${bin}:${process.env.PATH}`,
    PORTAL_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  execFileSync(join(bin, 'node'), ['scripts/validate-data.ts'], { cwd: root, env, stdio: 'pipe' });
  execFileSync(join(bin, 'astro'), ['build', '--outDir', out], { cwd: root, env, stdio: 'pipe' });
  return out;
}

describe('a warm build', () => {
  it('writes the same files, byte for byte, as a build from an empty cache', () => {
    const cache = mkdtempSync(join(tmpdir(), 'nq57-warm-cache-'));
    const made = [cache];
    try {
      buildTwiceAndCompare(cache, made);
    } finally {
      // Two dists of the real data (≈ 180 MB each) and the cache: not left in the temporary folder.
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

/** A cold build, then a warm one from the same cache, compared file by file; every folder made is pushed to `made`. */
function buildTwiceAndCompare(cache: string, made: string[]): void {
  const cold = build(cache);
  made.push(cold);
  const stored = filesUnder(cache);
  // The store holds every table, the rules across tables and the release's downloads.
  expect(stored.some((f) => f.startsWith('nq57-tables/'))).toBe(true);
  expect(stored.some((f) => f.startsWith('nq57-cross-table/'))).toBe(true);
  expect(stored.some((f) => f.startsWith('nq57-release-downloads/'))).toBe(true);
  const warm = build(cache);
  made.push(warm);
  // Everything came from the cache: nothing new was stored.
  expect(filesUnder(cache)).toEqual(stored);
  const files = filesUnder(cold);
  expect(filesUnder(warm)).toEqual(files);
  const differ = files.filter((f) => !readFileSync(join(cold, f)).equals(readFileSync(join(warm, f))));
  expect(differ).toEqual([]);
}
