/**
 * Configuration of a build, read from the environment in this one module; everything else takes
 * the values as parameters.
 */
import { resolve } from 'node:path';

/** The data directory the site is built from, absolute: PORTAL_DATA_DIR (fixtures, benchmark, hostile data) or data/. */
export function dataDir(): string {
  return resolve(process.env.PORTAL_DATA_DIR ?? 'data');
}

/** PORTAL_ALLOW_SYNTHETIC=1: the benchmark may build the site from SYNTHETIC data. */
export function allowSynthetic(): boolean {
  return process.env.PORTAL_ALLOW_SYNTHETIC === '1';
}

/**
 * The build's on-disk cache (src/lib/cache): PORTAL_CACHE_DIR, by default node_modules/.cache/nq57
 * (npm ci empties it); "off" (or empty) turns the cache off: null.
 */
export function cacheDir(): string | null {
  const value = process.env.PORTAL_CACHE_DIR ?? 'node_modules/.cache/nq57';
  return value === '' || value === 'off' ? null : resolve(value);
}

/** Pagefind's settings from the environment (its PAGEFIND_* variables), as sorted `NAME=value` lines. */
export function pagefindEnvironment(): string[] {
  return Object.entries(process.env)
    .filter(([name]) => name.startsWith('PAGEFIND_'))
    .map(([name, value]) => `${name}=${value ?? ''}`)
    .sort();
}
