/**
 * The one on-disk cache of the build: content-addressed entries under a cache folder, each keyed by
 * a SHA-256 of what it was computed from (the bytes of the input files) and of the code that
 * computed it ({@link codeHash}: src/lib, src/schemas, package-lock.json and the Node version), so
 * an entry is never trusted across a change of data, code, schema, library or runtime.
 *
 * Entries are written atomically (a temporary file or folder, then a rename), so a reader sees a
 * whole entry or none. A file entry carries its length and CRC-32: an entry that is truncated,
 * corrupt or unreadable is a miss (the caller computes the value again), never an error.
 * Used by the validated store (src/lib/data/store.ts), the release downloads (src/lib/release/cache.ts)
 * and the parts of a large table (src/lib/release/layout.ts).
 * Imports nothing of the project: every layer may use it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';

/** What the code hash covers, relative to the project root. */
export const CODE_PATHS = ['src/lib', 'src/schemas', 'package-lock.json'] as const;

const sha256 = () => createHash('sha256');

/** The project root: the nearest folder above `from` that has package-lock.json and src/lib (bundled chunks live elsewhere). */
function findRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package-lock.json')) && existsSync(join(dir, 'src/lib'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

const codeHashes = new Map<string, string | null>();

/**
 * SHA-256 of every file under CODE_PATHS (names and bytes, in path order) and of the Node version;
 * null when the sources cannot be found (then nothing is cached). Computed once per process and root.
 */
export function codeHash(root: string | null = findRoot(import.meta.dirname ?? process.cwd()) ?? findRoot(process.cwd())): string | null {
  if (root === null) return null;
  const known = codeHashes.get(root);
  if (known !== undefined) return known;
  const hash = sha256().update(`node ${process.version}\0`);
  const walk = (rel: string): boolean => {
    const path = join(root, rel);
    if (!existsSync(path)) return false;
    if (statSync(path).isFile()) hash.update(`${rel}\0`).update(readFileSync(path));
    else
      for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)))
        if (e.isDirectory()) walk(`${rel}/${e.name}`);
        else hash.update(`${rel}/${e.name}\0`).update(readFileSync(join(path, e.name)));
    return true;
  };
  const value = CODE_PATHS.every(walk) ? hash.digest('hex') : null;
  codeHashes.set(root, value);
  return value;
}

/** Forgets the code hashes computed in this process (tests that change the code). */
export function forgetCodeHash(): void {
  codeHashes.clear();
}

/** SHA-256 of bytes, hex. */
export function hashBytes(bytes: Uint8Array | string): string {
  return sha256().update(bytes).digest('hex');
}

/**
 * The remembered file hashes, shared by every copy of this module in the process (Vite bundles the pages
 * apart from the integrations, as for the model registry): the data folder is hashed once per build,
 * not once per bundle (2 s each at bench scale M50).
 */
const FILE_HASHES = Symbol.for('nq57.fileHashes');
const fileHashes = ((globalThis as { [FILE_HASHES]?: Map<string, { stamp: string; hash: string }> })[FILE_HASHES] ??= new Map());

/**
 * SHA-256 of a file's bytes. Within one process the hash is remembered while the file's size,
 * times and inode stay the same (the dev server asks for it on every request); another process
 * always hashes the bytes again.
 */
export function fileHash(path: string): string {
  return knownFileHash(path) ?? readHashed(path).hash;
}

const stampOf = (path: string) => {
  const s = statSync(path, { bigint: true });
  return `${s.size}\0${s.mtimeNs}\0${s.ctimeNs}\0${s.ino}`;
};

/** The hash fileHash gives, when this process already knows it for the file as it is now; null otherwise (nothing is read). */
export function knownFileHash(path: string): string | null {
  const known = fileHashes.get(path);
  return known !== undefined && known.stamp === stampOf(path) ? known.hash : null;
}

/**
 * A file's bytes (a Uint8Array over the buffer read, not a copy) and their SHA-256, which fileHash
 * then remembers: a reader that needs the bytes and the hash reads the file once.
 */
export function readHashed(path: string): { bytes: Uint8Array; hash: string } {
  // The stamp before the read: a file changed meanwhile gets another stamp, and is hashed again next time.
  const stamp = stampOf(path);
  const read = readFileSync(path);
  const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  const hash = hashBytes(bytes);
  fileHashes.set(path, { stamp, hash });
  return { bytes, hash };
}

/** The bytes a window of scanHashed holds (at least: a window grows to hold one longer record). */
export const SCAN_WINDOW_BYTES = 16 * 2 ** 20;

/**
 * Reads a file a window at a time, hands each window to `scan` (its bytes, its offset in the file,
 * whether it reaches the end), which returns how many of its bytes it has read (the next window
 * starts there: a record cut by the window is handed on again with the next one), and returns the
 * file's SHA-256, which fileHash then remembers, as readHashed does, without holding the file whole.
 */
export function scanHashed(
  path: string,
  scan: (window: Uint8Array, at: number, final: boolean) => number,
  windowBytes = SCAN_WINDOW_BYTES,
): string {
  const stamp = stampOf(path);
  const size = statSync(path).size;
  const hash = sha256();
  const fd = openSync(path, 'r');
  try {
    // Not zero-filled: only the bytes read are handed on.
    let buffer = Buffer.allocUnsafeSlow(Math.min(windowBytes, size));
    for (let at = 0; ;) {
      const n = readBytes(fd, buffer, at);
      const final = at + n >= size;
      const used = scan(buffer.subarray(0, n), at, final);
      hash.update(buffer.subarray(0, used));
      at += used;
      if (final) {
        if (used !== n) throw new Error(`${path}: ${n - used} bytes at the end were not read.`);
        break;
      }
      // Nothing read: one record is longer than the window.
      if (used === 0) buffer = Buffer.allocUnsafeSlow(buffer.length * 2);
    }
  } finally {
    closeSync(fd);
  }
  const sum = hash.digest('hex');
  fileHashes.set(path, { stamp, hash: sum });
  return sum;
}

/** Fills `buffer` from offset `at` of the file (less at its end); the count read. */
function readBytes(fd: number, buffer: Uint8Array, at: number): number {
  let n = 0;
  while (n < buffer.length) {
    const got = readSync(fd, buffer, n, buffer.length - n, at + n);
    if (got === 0) break;
    n += got;
  }
  return n;
}

/** Bytes `from` … `to` − 1 of a file (a new buffer of their length), read where they are. */
export function readRange(path: string, from: number, to: number): Uint8Array {
  // Its own memory (letGo can give it back), not zero-filled: every byte is read into it, or it is an error.
  const out = Buffer.allocUnsafeSlow(to - from);
  const fd = openSync(path, 'r');
  try {
    const n = readBytes(fd, out, from);
    if (n !== out.length) throw new Error(`${path}: ${out.length} bytes asked for at ${from}, ${n} there.`);
  } finally {
    closeSync(fd);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** SHA-256 of bytes `from` … `to` − 1 of a file, read a window at a time. */
export function hashRange(path: string, from: number, to: number, windowBytes = SCAN_WINDOW_BYTES): string {
  const hash = sha256();
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(Math.max(0, Math.min(windowBytes, to - from)));
    for (let at = from; at < to;) {
      const n = readBytes(fd, buffer.subarray(0, Math.min(buffer.length, to - at)), at);
      if (n === 0) throw new Error(`${path}: bytes up to ${to} asked for, the file ends at ${at}.`);
      hash.update(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Gives back the memory of a file's bytes (readHashed) once nothing reads them any more: the buffer is
 * detached (ArrayBuffer.prototype.transfer), which frees it at once, where letting it go would keep
 * it until the next full collection. At bench scale M50 that kept observations.csv's 469 MB beside
 * the typed rows while the rules across tables ran (validate:data's peak, 1.5 GB; 1.2 GB without it;
 * read-dataset.ts), and beside the build's start (page-keys.ts).
 */
export function letGo(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (buffer instanceof ArrayBuffer && !buffer.detached && bytes.byteLength === buffer.byteLength) buffer.transfer(0);
}

/**
 * SHA-256 of a folder: the relative path and the {@link fileHash} of every file under it, in path
 * order (a file added, removed, renamed or changed gives another hash). Files whose relative path
 * `skip` accepts are left out (their path too).
 */
export function folderHash(dir: string, skip: (path: string) => boolean = () => false): string {
  const hash = sha256();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (!skip(path)) hash.update(`${path}\0${fileHash(join(dir, path))}\0`);
    }
  };
  walk('');
  return hash.digest('hex');
}

/** SHA-256 of strings in order, each framed by its length (no two lists give the same bytes), after `prefix`. */
export function hashParts(parts: readonly string[], prefix = ''): string {
  const hash = sha256().update(prefix);
  for (const p of parts) hash.update(`${p.length}:${p}\0`);
  return hash.digest('hex');
}

/** The key of an entry: the code hash and every part, in order; null when there is no code hash (nothing is cached). */
export function cacheKey(parts: readonly string[], code: string | null = codeHash()): string | null {
  return code === null ? null : hashParts(parts, `${code}\0`);
}

const MAGIC = Buffer.from('NQ57CAC1');
const HEADER = MAGIC.length + 8 + 4;

const entryPath = (cacheDir: string, kind: string, key: string) => join(cacheDir, kind, key);

/** The payload of a file entry, or null on a miss (absent, truncated, corrupt, unreadable). */
export function readEntry(cacheDir: string, kind: string, key: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entryPath(cacheDir, kind, key));
  } catch {
    return null;
  }
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const length = Number(bytes.readBigUInt64LE(MAGIC.length));
  const sum = bytes.readUInt32LE(MAGIC.length + 8);
  const payload = bytes.subarray(HEADER);
  if (payload.length !== length || crc32(payload) !== sum) return null;
  return payload;
}

/** Writes a file entry atomically (temporary file, then rename); failures are ignored (the cache is an optimisation). */
export function writeEntry(cacheDir: string, kind: string, key: string, payload: Uint8Array): boolean {
  const final = entryPath(cacheDir, kind, key);
  const temp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(final), { recursive: true });
    const header = Buffer.alloc(HEADER);
    MAGIC.copy(header);
    header.writeBigUInt64LE(BigInt(payload.length), MAGIC.length);
    header.writeUInt32LE(crc32(payload), MAGIC.length + 8);
    writeFileSync(temp, header);
    writeFileSync(temp, payload, { flag: 'a' });
    renameSync(temp, final);
    return true;
  } catch {
    removeQuietly(temp);
    return false;
  }
}

/**
 * Keeps the `keep` newest file entries of `kind` whose name starts with `prefix` and removes the
 * others (older data of the same table): the cache does not grow with every edit. Best effort.
 */
export function pruneEntries(cacheDir: string, kind: string, prefix: string, keep: number): void {
  try {
    const dir = join(cacheDir, kind);
    const entries = readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && !name.includes('.tmp-'))
      .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
    for (const e of entries.slice(keep)) removeQuietly(join(dir, e.name));
  } catch {
    // Nothing to prune, or the folder went away: the cache stays as it is.
  }
}

/**
 * Removes a folder in a child process (`rm -rf`, on the other core, while this one goes on), or in this
 * one where there is no `rm`; the promise settles when it is gone. Used for the last build's output
 * (src/integrations/out-dir.ts) and the search index's scratch tree (src/lib/search/build-index.ts).
 */
export function removeApart(dir: string): Promise<void> {
  return new Promise((done) => {
    const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore' });
    child.on('error', () => void rm(dir, { recursive: true, force: true }).then(done, done));
    child.on('exit', () => done());
  });
}

/** Removes a temporary file or folder; a failure to remove it is no error either. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for the next write to replace (temporary names are unique).
  }
}

const COMPLETE = '.complete';

/**
 * A folder entry (files under relative paths): copies them into `to` and returns true, or false
 * (nothing copied) on a miss. A folder without its list of files, or missing one of them, is a miss.
 */
export function readFolderEntry(cacheDir: string, kind: string, key: string, paths: readonly string[], to: string): boolean {
  const dir = entryPath(cacheDir, kind, key);
  try {
    const listed = readFileSync(join(dir, COMPLETE), 'utf8');
    if (listed !== `${paths.join('\n')}\n`) return false;
    const sizes = paths.map((p) => statSync(join(dir, p)).size);
    paths.forEach((p, i) => {
      mkdirSync(dirname(join(to, p)), { recursive: true });
      copyFileSync(join(dir, p), join(to, p));
      if (statSync(join(to, p)).size !== sizes[i]) throw new Error(`${p}: short copy`);
    });
    return true;
  } catch {
    return false;
  }
}

/** Stores the files at `paths` under `from` as a folder entry, whole or not at all. */
export function writeFolderEntry(cacheDir: string, kind: string, key: string, paths: readonly string[], from: string): boolean {
  const final = entryPath(cacheDir, kind, key);
  const temp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    for (const p of paths) {
      mkdirSync(dirname(join(temp, p)), { recursive: true });
      copyFileSync(join(from, p), join(temp, p));
    }
    writeFileSync(join(temp, COMPLETE), `${paths.join('\n')}\n`);
    rmSync(final, { recursive: true, force: true });
    renameSync(temp, final);
    return true;
  } catch {
    removeQuietly(temp);
    return false;
  }
}

/** Size and SHA-256 of a file, as a Data Package lists it. */
export interface FileSums {
  bytes: number;
  sha256: string;
}

const linkedData = (cacheDir: string, kind: string, key: string) => `${entryPath(cacheDir, kind, key)}.data`;
const linkedSums = (cacheDir: string, kind: string, key: string) => `${entryPath(cacheDir, kind, key)}.sums`;

/** Hard-links `from` to `to` (a new name of the same bytes), or copies it where a link cannot be made (another file system). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * The size and SHA-256 of a linked file entry (below), or null on a miss (absent, or its file is not
 * of the size recorded). The SHA-256 is the one recorded when the entry was stored: the file is not read.
 */
export function linkedEntrySums(cacheDir: string, kind: string, key: string): FileSums | null {
  try {
    const sums = JSON.parse(readFileSync(linkedSums(cacheDir, kind, key), 'utf8')) as FileSums;
    if (typeof sums.sha256 !== 'string' || statSync(linkedData(cacheDir, kind, key)).size !== sums.bytes) return null;
    return sums;
  } catch {
    return null;
  }
}

/**
 * A linked file entry: a file kept as it is (no header), so that it can be hard-linked where it is
 * needed, with its size and SHA-256 beside it. Puts it at `to` (a hard link, or a copy across file
 * systems) and returns its sums, or null on a miss (nothing written). A hit refreshes the entry's time
 * (pruneLinkedEntries keeps the recently used ones). Whoever gets the file must not change it in place:
 * the link and the entry are the same bytes (the build's output is only ever moved or removed).
 */
export function readLinkedEntry(cacheDir: string, kind: string, key: string, to: string): FileSums | null {
  const sums = linkedEntrySums(cacheDir, kind, key);
  if (sums === null) return null;
  try {
    rmSync(to, { force: true });
    linkOrCopy(linkedData(cacheDir, kind, key), to);
    if (statSync(to).size !== sums.bytes) throw new Error(`${to}: short copy`);
    const now = new Date();
    utimesSync(linkedSums(cacheDir, kind, key), now, now);
    return sums;
  } catch {
    removeQuietly(to);
    return null;
  }
}

/**
 * Stores the file at `from` (just written, of these sums) as a linked file entry: a hard link to it
 * (or a copy), then its sums, each through a temporary name and a rename (the sums, written last,
 * make the entry whole). Failures are ignored (the cache is an optimisation).
 */
export function writeLinkedEntry(cacheDir: string, kind: string, key: string, from: string, sums: FileSums): boolean {
  const data = linkedData(cacheDir, kind, key);
  const tag = `.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(data), { recursive: true });
    linkOrCopy(from, `${data}${tag}`);
    renameSync(`${data}${tag}`, data);
    writeFileSync(`${linkedSums(cacheDir, kind, key)}${tag}`, JSON.stringify({ bytes: sums.bytes, sha256: sums.sha256 }));
    renameSync(`${linkedSums(cacheDir, kind, key)}${tag}`, linkedSums(cacheDir, kind, key));
    return true;
  } catch {
    removeQuietly(`${data}${tag}`);
    removeQuietly(`${linkedSums(cacheDir, kind, key)}${tag}`);
    return false;
  }
}

/**
 * Removes the linked entries of `kind` not used (read or written) within `maxAgeMs` before `now`:
 * parts of data that has since changed. Best effort.
 */
export function pruneLinkedEntries(cacheDir: string, kind: string, maxAgeMs: number, now = Date.now()): void {
  try {
    const dir = join(cacheDir, kind);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.sums') || name.includes('.tmp-')) continue;
      if (now - statSync(join(dir, name)).mtimeMs <= maxAgeMs) continue;
      removeQuietly(join(dir, name));
      removeQuietly(join(dir, `${name.slice(0, -'.sums'.length)}.data`));
    }
  } catch {
    // Nothing to prune, or the folder went away: the cache stays as it is.
  }
}
