/**
 * A small on-disk cache of an immutable release's downloads, keyed by the release's content (its
 * release.json, which holds the SHA-256 of every file, checked by the validator on every build),
 * the site's base URL and a hash of the code that writes downloads (src/lib, src/schemas and
 * package-lock.json): a change of code, schema or library versions gives a new key, so the cache is
 * never trusted across one. A miss writes the files as usual; the bytes are the same either way.
 * (Part A of issue #17 builds a general cache helper in src/lib/cache/; this one is to be unified with it.)
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { releaseDir } from '../data/read-releases.ts';

/** The code a release's downloads depend on, relative to the project root. */
const CODE = ['src/lib', 'src/schemas', 'package-lock.json'];

let codeHashMemo: string | null | undefined;

/** SHA-256 of every file of CODE, in path order; null when the sources cannot be found (then nothing is cached). */
export function codeHash(root = join(import.meta.dirname ?? process.cwd(), '../../..')): string | null {
  if (codeHashMemo !== undefined) return codeHashMemo;
  const hash = createHash('sha256');
  const walk = (rel: string): boolean => {
    const path = join(root, rel);
    if (!existsSync(path)) return false;
    if (rel.endsWith('.json')) hash.update(`${rel}\0`).update(readFileSync(path));
    else
      for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)))
        if (e.isDirectory()) walk(`${rel}/${e.name}`);
        else hash.update(`${rel}/${e.name}\0`).update(readFileSync(join(path, e.name)));
    return true;
  };
  codeHashMemo = CODE.every(walk) ? hash.digest('hex') : null;
  return codeHashMemo;
}

function keyOf(dataDir: string, version: string, baseUrl: string, paths: readonly string[]): string | null {
  const code = codeHash();
  const release = join(releaseDir(dataDir, version), 'release.json');
  if (!code || !existsSync(release)) return null;
  return createHash('sha256')
    .update(`${code}\0${version}\0${baseUrl}\0${paths.join('\n')}\0`)
    .update(readFileSync(release))
    .digest('hex');
}

const entryDir = (cacheDir: string, key: string) => join(cacheDir, 'nq57-release-downloads', key);

/** Copies each download from one folder to the same path under another. */
function copyAll(downloads: readonly { path: string }[], from: string, to: string): void {
  for (const d of downloads) {
    mkdirSync(dirname(join(to, d.path)), { recursive: true });
    copyFileSync(join(from, d.path), join(to, d.path));
  }
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
  const key = keyOf(
    dataDir,
    version,
    baseUrl,
    downloads.map((d) => d.path),
  );
  if (!key || !existsSync(join(entryDir(cacheDir, key), 'complete'))) return false;
  copyAll(downloads, entryDir(cacheDir, key), outDir);
  return true;
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
  const key = keyOf(
    dataDir,
    version,
    baseUrl,
    downloads.map((d) => d.path),
  );
  if (!key) return;
  const final = entryDir(cacheDir, key);
  const temp = `${final}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  copyAll(downloads, outDir, temp);
  writeFileSync(join(temp, 'complete'), `${downloads.length}\n`);
  rmSync(final, { recursive: true, force: true });
  renameSync(temp, final);
}
