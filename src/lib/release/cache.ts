/**
 * The downloads of an immutable release, kept in the build's cache (src/lib/cache), keyed by the
 * release's content (its release.json, which holds the SHA-256 of every file, checked by the
 * validator on every build), the site's base URL, the list of files and the code hash (src/lib,
 * src/schemas, package-lock.json, Node version): a change of code, schema or library versions gives
 * a new key, so the cache is never trusted across one. A miss writes the files as usual; the bytes
 * are the same either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey, hashBytes, readFolderEntry, writeFolderEntry } from '../cache/index.ts';
import { releaseDir } from '../data/read-releases.ts';

const KIND = 'nq57-release-downloads';

function keyOf(dataDir: string, version: string, baseUrl: string, paths: readonly string[]): string | null {
  const release = join(releaseDir(dataDir, version), 'release.json');
  if (!existsSync(release)) return null;
  return cacheKey([KIND, version, baseUrl, paths.join('\n'), hashBytes(readFileSync(release))]);
}

/** Copies a release's downloads from the cache into `outDir`; false (nothing copied) on a miss. */
export function cachedVersion(
  cacheDir: string,
  dataDir: string,
  version: string,
  baseUrl: string,
  downloads: readonly { path: string }[],
  outDir: string,
): boolean {
  const paths = downloads.map((d) => d.path);
  const key = keyOf(dataDir, version, baseUrl, paths);
  return key !== null && readFolderEntry(cacheDir, KIND, key, paths, outDir);
}

/** Stores a release's downloads, just written into `outDir`, in the cache (whole or not at all). */
export function storeVersion(
  cacheDir: string,
  dataDir: string,
  version: string,
  baseUrl: string,
  downloads: readonly { path: string }[],
  outDir: string,
): void {
  const paths = downloads.map((d) => d.path);
  const key = keyOf(dataDir, version, baseUrl, paths);
  if (key) writeFolderEntry(cacheDir, KIND, key, paths, outDir);
}
