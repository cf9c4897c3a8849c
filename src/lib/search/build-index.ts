/**
 * The site's search index: `pagefind --site <site>`'s files in `<site>/pagefind/`, made faster.
 *
 * 1. Every HTML page of the built site is read and the content of its `data-pagefind-ignore`
 *    elements emptied (ignored.ts): Pagefind's parser spends much of its time on content it then
 *    leaves out. The pages go into a scratch tree beside the site (those emptied written, the others
 *    hard links; pages Pagefind would skip, having no `data-pagefind-body` where others have one,
 *    left out), which Pagefind's CLI indexes into `<site>/pagefind/`.
 * 2. Pagefind's output depends only on those pages (paths and bytes), its version and its
 *    configuration, so it is kept in the build's cache (src/lib/cache) under a hash of them: a
 *    rebuild whose pages differ only inside ignored elements (a figure changed in a table) copies the
 *    last index instead of making it again. The key holds the code hash (src/lib and
 *    package-lock.json, so Pagefind's version), the pages' hash, the PAGEFIND_* variables and any
 *    Pagefind configuration file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, pruneEntries, readEntry, removeApart, writeEntry } from '../cache/index.ts';
import { hasPagefindBody, withoutIgnoredContent } from './ignored.ts';

export interface SearchIndexResult {
  pages: number;
  /** Bytes of HTML read, and bytes Pagefind indexes: ignored content emptied, pages it skips left out. */
  bytesRead: number;
  bytesIndexed: number;
  /** Files written into `<site>/pagefind/`. */
  files: number;
  /** Whether the index was copied from the cache rather than made. */
  cached: boolean;
  /** Whether Pagefind read the emptied pages (a scratch tree) rather than the site itself. */
  emptiedRead: boolean;
  /** Pages Pagefind skips (no data-pagefind-body where others have one), left out of the scratch tree and the key. */
  skipped: number;
}

export interface SearchIndexOptions {
  /** The build's cache folder, or null: no cache. */
  cacheDir: string | null;
  /** Where Pagefind's configuration files are looked for (its working directory). */
  cwd?: string;
  /** Pagefind's settings from the environment, `NAME=value` (lib/config.ts pagefindEnvironment): part of the cache key. */
  environment: readonly string[];
  /** Pagefind's own log: inherited by default. */
  stdio?: 'inherit' | 'pipe';
}

const KIND = 'nq57-search-index';
/** Indexes kept in the cache: this build's and the one before (a change undone is a hit). */
const KEEP = 2;
const CONFIG_FILES = ['pagefind.yml', 'pagefind.yaml', 'pagefind.json', 'pagefind.toml'];
/**
 * What emptying and leaving out must save, on average per page, for Pagefind to read a scratch tree
 * rather than the site. Laying the tree out and removing it costs ≈ 0.17 ms a page (a link or a
 * write, then an unlink; measured on the real site: 1.5 s for 8,625 pages), and Pagefind parses ≈ 30 MB
 * of HTML a second on each of this machine's 2 cores: a tree pays for itself where it spares Pagefind
 * more than ≈ 10 KB a page. At bench scale M50 it spares 34 KB a page (the commune tables); on the
 * real site 3 KB (its chart embeds), which Pagefind then reads as they are.
 */
const SCRATCH_BYTES_PER_PAGE = 10 * 1024;

/** Paths of the files under `dir`, relative to it with '/' separators, sorted. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The site's HTML pages, as Pagefind finds them (any `.html` file), but not those of an old index. */
export function htmlFiles(site: string): string[] {
  return filesUnder(site).filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'));
}

/** What besides the pages decides Pagefind's output: its environment variables and configuration files in `cwd`. */
function configParts(cwd: string, environment: readonly string[]): string[] {
  const parts = [...environment];
  for (const name of CONFIG_FILES) if (existsSync(join(cwd, name))) parts.push(`${name}:${readFileSync(join(cwd, name), 'utf8')}`);
  return parts;
}

/** The Pagefind CLI of the installed package (lib/runner/bin.cjs, beside the lib/index.js it exports). */
function pagefindCli(): string {
  return join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
}

/**
 * An index as one cache entry: a line of JSON ([path, bytes] of each file, in order), then the files'
 * bytes one after another. One file to write and read, where the index is ≈ 10,000 small files.
 */
function pack(dir: string, files: readonly string[]): Buffer {
  const bodies = files.map((path) => readFileSync(join(dir, path)));
  const head = Buffer.from(`${JSON.stringify(bodies.map((body, i) => [files[i], body.length]))}\n`);
  return Buffer.concat([head, ...bodies]);
}

/** Writes a packed index into `dir`; false (and `dir` removed) when the entry does not read back whole. */
function unpack(entry: Buffer, dir: string): number | null {
  try {
    const newline = entry.indexOf(0x0a);
    const list = JSON.parse(entry.toString('utf8', 0, newline)) as [string, number][];
    let at = newline + 1;
    const made = new Set<string>();
    for (const [path, bytes] of list) {
      if (path.split('/').includes('..') || at + bytes > entry.length) throw new Error('not an index');
      const to = join(dir, path);
      if (!made.has(dirname(to))) mkdirSync(dirname(to), { recursive: true });
      made.add(dirname(to));
      writeFileSync(to, entry.subarray(at, at + bytes));
      at += bytes;
    }
    if (at !== entry.length) throw new Error('not an index');
    return list.length;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/**
 * The scratch tree Pagefind reads, beside the site: the emptied pages written, the others hard links
 * to the site's; removed again on a failure. It must be on the site's file system: Pagefind numbers
 * the pages in the order the file system lists them (ext4: by a hash of the names, the same in every
 * folder of one file system), so a tree elsewhere (tmpfs, which lists files as they were made, would
 * be ≈ 1.5 s faster at M50) gives an index of other bytes than `pagefind --site` of the site.
 */
function layOut(site: string, paths: readonly string[], emptied: ReadonlyMap<string, Buffer>, scratch: string): void {
  const dirs = new Set<string>();
  try {
    for (const path of paths) {
      const to = join(scratch, path);
      if (!dirs.has(dirname(to))) {
        dirs.add(dirname(to));
        mkdirSync(dirname(to), { recursive: true });
      }
      const content = emptied.get(path);
      if (content !== undefined) writeFileSync(to, content);
      else linkSync(join(site, path), to);
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

export async function buildSearchIndex(site: string, options: SearchIndexOptions): Promise<SearchIndexResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = htmlFiles(site);
  const output = join(site, 'pagefind');

  // Read, empty and hash the pages (read one at a time: for ≈ 10,000 small files the synchronous
  // reads cost a third of the system time of reads on libuv's threads); the emptied ones are kept
  // for the scratch tree.
  const pageHashes: string[] = [];
  const withBody: boolean[] = [];
  const emptied = new Map<string, Buffer>();
  let bytesRead = 0;
  let bytesIndexed = 0;
  let bytesWithoutBody = 0;
  for (const path of paths) {
    const html = readFileSync(join(site, path));
    const content = withoutIgnoredContent(html);
    bytesRead += html.length;
    bytesIndexed += content.length;
    pageHashes.push(createHash('sha256').update(content).digest('hex'));
    const body = hasPagefindBody(content);
    withBody.push(body);
    if (!body) bytesWithoutBody += content.length;
    if (content !== html) emptied.set(path, content);
  }
  // Where some page has a data-pagefind-body, Pagefind skips the pages without one: they are left
  // out of the scratch tree, and their bytes out of the key.
  const skips = withBody.some(Boolean);
  const skipped = (i: number): boolean => skips && !withBody[i];
  if (skips) bytesIndexed -= bytesWithoutBody;
  const pagesHash = createHash('sha256');
  paths.forEach((path, i) => pagesHash.update(`${path}\0${skipped(i) ? '-' : (pageHashes[i] ?? '')}\n`));
  const cacheDir = options.cacheDir;
  const key = cacheDir === null ? null : cacheKey(['search-index', pagesHash.digest('hex'), ...configParts(cwd, options.environment)]);
  const result = (files: number, cached: boolean, emptiedRead = false): SearchIndexResult => ({
    pages: paths.length,
    bytesRead,
    bytesIndexed,
    files,
    cached,
    emptiedRead,
    skipped: paths.filter((_, i) => skipped(i)).length,
  });

  rmSync(output, { recursive: true, force: true });
  const entry = cacheDir !== null && key !== null ? readEntry(cacheDir, KIND, key) : null;
  const unpacked = entry === null ? null : unpack(entry, output);
  if (unpacked !== null) return result(unpacked, true);

  // Pagefind reads the site itself unless emptying and leaving out spare it enough to pay for the tree.
  const scratch =
    bytesRead - bytesIndexed > SCRATCH_BYTES_PER_PAGE * paths.length
      ? join(dirname(site), `.${basename(site)}.search-${process.pid}`)
      : null;
  if (scratch !== null) {
    rmSync(scratch, { recursive: true, force: true });
    layOut(
      site,
      paths.filter((_, i) => !skipped(i)),
      emptied,
      scratch,
    );
  }
  emptied.clear();
  const run = spawnSync(process.execPath, [pagefindCli(), '--site', scratch ?? site, '--output-path', output], {
    cwd,
    stdio: options.stdio ?? 'inherit',
    encoding: 'utf8',
  });
  const removing = scratch === null ? Promise.resolve() : removeApart(scratch);
  if (run.status !== 0) {
    await removing;
    const log = options.stdio === 'pipe' ? `\n${run.stdout ?? ''}${run.stderr ?? ''}` : '';
    throw new Error(`pagefind exited with ${run.status ?? run.error?.message ?? run.signal}${log}`);
  }
  const files = filesUnder(output);
  if (cacheDir !== null && key !== null && writeEntry(cacheDir, KIND, key, pack(output, files))) pruneEntries(cacheDir, KIND, '', KEEP);
  await removing;
  return result(files.length, false, scratch !== null);
}
