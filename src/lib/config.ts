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
