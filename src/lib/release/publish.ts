/**
 * The download files of the site: every file of every release under /data/v/{version}/, and the
 * newest release (before the first release: the validated working data) under /data/latest/.
 * Each file is generated from the files of its version only, and written as it is produced: the
 * build writes them into dist/ (src/integrations/downloads.ts), the dev server streams them.
 */
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatasetMetaSchema, type DatasetMeta } from '../../schemas/index.ts';
import { buildDataPackage } from './metadata.ts';
import { buildZip, filesDir, writeTableJson, type Sink } from './downloads.ts';
import { HOST_FILE_LIMIT, isLarge } from './partition.ts';
import { clearLayouts, largeLayouts, largeParts, makeWaitingPieces, prunePartCache } from './layout.ts';
import { cachedVersion, storeVersion } from './cache.ts';
import { dataDir } from '../config.ts';
import { readRelease, readReleaseIndex } from '../data/read-releases.ts';
import { tablesOf } from './tables.ts';
import { SQLITE_NAME, sqliteBytes, sqliteResource } from './sqlite.ts';
import { endParquetWorker } from './parquet.ts';

// dataDir stays importable from here for src/components (DatasetJsonLd, HowToCite) and src/pages/data/catalog.jsonld.ts.
export { dataDir };
export const zipName = (version: string | null) => `nq57-data-${version ?? 'current'}.zip`;
/** The zip under /data/latest/ keeps one name across releases. */
export const LATEST_ZIP = 'nq57-data-latest.zip';

/** File names offered for one version of the data directory `dir` (`latest`: the names of the /data/latest/ aliases). */
export function downloadNames(dir: string, version: string | null, latest = false): string[] {
  const files = filesDir(dir, version);
  // A large table (partition.ts) is offered in parts instead of one CSV and one JSON.
  const tables = tablesOf(files).filter((t) => !isLarge(statSync(join(files, t.file)).size));
  return [
    ...tables.map((t) => t.file),
    ...tables.map((t) => `${t.name}.json`),
    ...largeLayouts(files).flatMap((l) => l.files),
    'dataset.json',
    'datapackage.json',
    latest ? LATEST_ZIP : zipName(version),
    SQLITE_NAME,
  ];
}

/** Versions published in `dir` (default: the build's data directory), oldest first. */
export function releaseVersions(dir = dataDir()): string[] {
  return readReleaseIndex(dir).releases.map((r) => r.version);
}

export function latestVersion(dir: string): string | null {
  return releaseVersions(dir).at(-1) ?? null;
}

/** One download: its path under the site root (no leading slash) and what it is made from. */
export interface Download {
  path: string;
  /** The release it belongs to, or null for the working data. */
  version: string | null;
  /** Its name in that version (the latest zip is the version's zip under another name). */
  file: string;
}

/** Every download of the site built from `dir`, versioned files first, then the /data/latest/ aliases. */
export function listDownloads(dir: string): Download[] {
  const versioned = releaseVersions(dir).flatMap((version) =>
    downloadNames(dir, version).map((file) => ({ path: `data/v/${version}/${file}`, version, file })),
  );
  const latest = latestVersion(dir);
  const aliases = downloadNames(dir, latest, true).map((name) => ({
    path: `data/latest/${name}`,
    version: latest,
    file: name === LATEST_ZIP ? zipName(latest) : name,
  }));
  return [...versioned, ...aliases];
}

/** Names of the tables that some version of the site publishes in parts (partition.ts); none in today's real data. */
export function tablesInParts(dir = dataDir()): string[] {
  const versions = [...releaseVersions(dir), ...(latestVersion(dir) === null ? [null] : [])];
  const names = new Set(
    versions.flatMap((v) => {
      const files = filesDir(dir, v);
      return tablesOf(files)
        .filter((t) => isLarge(statSync(join(files, t.file)).size))
        .map((t) => t.name);
    }),
  );
  return [...names];
}

export const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  zip: 'application/zip',
  sqlite: 'application/vnd.sqlite3',
};
export const contentType = (file: string) => CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream';

/** dataset.json of a release as published; the working data's through its schema, as the pages read it. */
function versionMeta(dir: string, version: string | null): DatasetMeta {
  const json: unknown = JSON.parse(readFileSync(join(filesDir(dir, version), 'dataset.json'), 'utf8'));
  return version ? (json as DatasetMeta) : DatasetMetaSchema.parse(json);
}

/** The file a download is, byte for byte (the CSVs and dataset.json), or null when it is generated. */
export function publishedFile(dir: string, version: string | null, file: string): string | null {
  const files = filesDir(dir, version);
  const whole = tablesOf(files).filter((t) => !isLarge(statSync(join(files, t.file)).size));
  return [...whole.map((t) => t.file), 'dataset.json'].includes(file) ? join(files, file) : null;
}

/** The Data Package of a version with its SQLite database listed beside the tables (size and SHA-256). */
const withSqlite = <P extends { resources: object[] }>(pkg: P, dir: string, version: string | null) => ({
  ...pkg,
  resources: [...pkg.resources, sqliteResource(dir, version)],
});

/** Writes one download of `version` of the data directory `dir` to `write`. `baseUrl` is the site's origin, for citations. */
export function writeDownload(dir: string, version: string | null, file: string, baseUrl: string, write: Sink): void {
  const files = filesDir(dir, version);
  const table = tablesOf(files).find((t) => `${t.name}.json` === file && !isLarge(statSync(join(files, t.file)).size));
  const copy = publishedFile(dir, version, file);
  const layouts = largeLayouts(files);
  const part = layouts.find((l) => l.files.includes(file));
  if (part) part.write(file, write);
  else if (copy) write(new Uint8Array(readFileSync(copy)));
  else if (file === 'datapackage.json')
    write(
      `${JSON.stringify(withSqlite(buildDataPackage(versionMeta(dir, version), version ? readRelease(dir, version) : null, baseUrl, tablesOf(files), largeParts(files)), dir, version), null, 2)}\n`,
    );
  else if (file === SQLITE_NAME) write(sqliteBytes(dir, version));
  else if (file === zipName(version)) write(buildZip(dir, version, versionMeta(dir, version), baseUrl, largeParts(files)));
  else if (table) writeTableJson(table, new Uint8Array(readFileSync(join(files, table.file))), write);
  else throw new Error(`Not a download of ${version ?? 'the working data'}: ${file}`);
}

export { largeParts };

/**
 * Writes every download into `outDir` (the built site). The /data/latest/ aliases are copies of
 * the files just written for that release; before the first release they are generated. The files
 * of a release (immutable) are taken from the on-disk cache when `cacheDir` holds them for the same
 * content and code (cache.ts), and stored there otherwise. No file may exceed HOST_FILE_LIMIT.
 * The gzip and Parquet pieces of a large table are made off the main thread (layout.ts, writeTo)
 * while it writes the partitions; every other file waits for them (the Data Package lists their
 * checksums, an alias copies them).
 */
export async function writeDownloads(dir: string, outDir: string, baseUrl: string, cacheDir?: string): Promise<Download[]> {
  const started = Date.now();
  const written = new Map<string, string>();
  const downloads = listDownloads(dir);
  const fromCache = new Set<string>();
  const limit = (d: Download, target: string) => {
    const bytes = statSync(target).size;
    if (bytes > HOST_FILE_LIMIT)
      throw new Error(
        `${d.path} is ${bytes} bytes, over the ${HOST_FILE_LIMIT}-byte limit of static hosts (src/lib/release/partition.ts).`,
      );
  };
  // The parts being made off the main thread; the first error is thrown once they have all settled.
  let pending: Promise<void>[] = [];
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    if (pending.length > 0) await makeWaitingPieces();
    await Promise.all(pending);
    pending = [];
    if (failure) throw failure.error;
  };
  try {
    for (const version of releaseVersions(dir)) {
      const paths = downloads.filter((d) => d.version === version && d.path.startsWith(`data/v/${version}/`));
      if (cacheDir && cachedVersion(cacheDir, dir, version, baseUrl, paths, outDir)) for (const d of paths) fromCache.add(d.path);
    }
    for (const d of downloads) {
      const target = join(outDir, d.path);
      const key = `${d.version}/${d.file}`;
      if (fromCache.has(d.path)) {
        written.set(key, target);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      // A file left there is removed, not written over: it may be a hard link into the part cache (layout.ts).
      rmSync(target, { force: true });
      const same = written.get(key) ?? publishedFile(dir, d.version, d.file);
      // A part of a large table: hard-linked from the part cache when its inputs are unchanged (layout.ts).
      const part = same ? undefined : largeLayouts(filesDir(dir, d.version)).find((l) => l.files.includes(d.file));
      if (!part) await settle();
      if (same) copyFileSync(same, target);
      else if (part) {
        const done = part.writeTo(d.file, target);
        written.set(key, target);
        if (done) {
          pending.push(done.then(() => limit(d, target)).catch((error: unknown) => void (failure ??= { error })));
          continue;
        }
      } else {
        // writeFileSync on a descriptor appends at its position and writes the whole chunk.
        const fd = openSync(target, 'w');
        try {
          writeDownload(dir, d.version, d.file, baseUrl, (chunk) => writeFileSync(fd, chunk));
        } finally {
          closeSync(fd);
        }
        written.set(key, target);
      }
      limit(d, target);
      // Lets the pieces made off the main thread move on (their next piece, their file written).
      if (pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await settle();
    if (cacheDir)
      for (const version of releaseVersions(dir)) {
        const paths = downloads.filter((d) => d.version === version && d.path.startsWith(`data/v/${version}/`));
        if (!paths.every((d) => fromCache.has(d.path))) storeVersion(cacheDir, dir, version, baseUrl, paths, outDir);
      }
    // The parts this build did not use are of data that has since changed: the part cache keeps one build's parts.
    prunePartCache(started);
  } finally {
    // An error: the other parts are waited for (none is left writing into outDir).
    await Promise.allSettled(pending);
    await endParquetWorker();
    // The layouts hold the index of the large tables: give it back before the pages load the model.
    clearLayouts();
  }
  return downloads;
}
