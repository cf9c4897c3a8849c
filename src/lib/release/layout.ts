/**
 * The parts a large table is published as (partition.ts says which and why), for one folder of
 * files (a release or the working data): their names, how to write each, and their sizes and
 * checksums for the Data Package. A layout holds the table's index (where each record starts, its
 * partition), not its bytes: the file is read a window at a time to index and hash it, and each part
 * reads the byte ranges it is made from; clearLayouts() lets the index go (the names stay known,
 * keyed by the file's size and time). Each part is kept in the build's cache, keyed by what it is
 * made from (PART_KIND below), so a warm build makes again only the parts whose bytes changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheKey,
  codeHash,
  hashBytes,
  linkedEntrySums,
  letGo,
  pruneLinkedEntries,
  readLinkedEntry,
  readRange,
  scanHashed,
  writeLinkedEntry,
  type FileSums,
} from '../cache/index.ts';
import { gzip, gzipSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import type { TableDef } from '../../schemas/index.ts';
import { writeColumnsJson, writeTableJson, type Sink } from './downloads.ts';
import { csvToParquet, parquetPiece, pieceToParquet, pieceToParquetInWorker, startParquetWorker } from './parquet.ts';
import { storedValidTable } from '../data/store.ts';
import { cacheDir } from '../config.ts';
import {
  csvOf,
  csvOfRange,
  GZ_PIECE_BYTES,
  isLarge,
  PARQUET_PIECE_BYTES,
  partHasher,
  PART_CSV_BYTES,
  partitions,
  pieceName,
  pieces,
  rawPiece,
  recordCount,
  tableIndexer,
  type TableBytes,
} from './partition.ts';
import { tablesOf } from './tables.ts';

export interface PartInfo {
  /** Relative to the version's folder. */
  path: string;
  bytes: number;
  sha256: string;
}
export interface PartitionInfo extends PartInfo {
  format: 'csv' | 'json';
  /** The values of the partition columns (PARTITION_COLUMNS order). */
  values: string[];
  columns: string[];
}
/** A large table's parts, as the Data Package, the zip's README and the catalogue list them. */
export interface LargeTableParts {
  table: string;
  /** Its CSV as published (what the gzip pieces are, together). */
  csv: { path: string; bytes: number; sha256: string; rows: number };
  gz: PartInfo[];
  parquet: PartInfo[];
  partitions: PartitionInfo[];
}

export interface LargeLayout {
  def: TableDef;
  /** Every file name, in the order they are written: gzip pieces, Parquet pieces, then the partitions (CSV, JSON). */
  files: string[];
  write(file: string, write: Sink): void;
  /**
   * Writes a part as the file `path`: from the part cache when it holds this part for the same
   * inputs and code (a hard link, or a copy), else made and written, then kept in the part cache.
   * A gzip or Parquet piece to make is made off the main thread (gzip on libuv's pool, Parquet in a
   * worker thread), one of each kind at a time: the promise is settled when the file is written
   * (undefined: written already). The bytes are those `write` gives.
   */
  writeTo(file: string, path: string): Promise<void> | undefined;
  /** Sizes and checksums of every part (parts not written yet are taken from the part cache, or made in memory to count them). */
  describe(): LargeTableParts;
}

interface Plan {
  files: string[];
  make: Map<string, (write: Sink) => void>;
  /** The gzip and Parquet pieces made off the main thread (the bytes `make` writes). */
  makeAsync: Map<string, () => Promise<Uint8Array>>;
  /** The part cache key of each part: what it is made from, hashed (computed when first asked; null: no code hash). */
  keys: Map<string, () => string | null>;
  partitions: Map<string, { format: 'csv' | 'json'; values: string[]; columns: string[] }>;
  gz: string[];
  parquet: string[];
  csv: { path: string; bytes: number; sha256: string; rows: number };
  sums: Map<string, FileSums>;
  /** The SHA-256 of each partition's CSV, by partition key, in part order (partitionHashes). */
  partitionHashes: () => Map<string, string[]>;
}

const plans = new Map<string, Plan>();

/**
 * The part cache (src/lib/cache, linked file entries): each part of a large table, keyed by the
 * SHA-256 of exactly the bytes it is made from and the code hash, so that after one record changes
 * only the parts that hold it are made again; the others are hard-linked from the cache with their
 * recorded size and SHA-256 (the Data Package's checksums), without reading them.
 * - a gzip piece: its bytes of the CSV (the header too for the first), and the gzip time;
 * - a Parquet piece: the header and its records' bytes (the typed rows are a function of them);
 * - a partition's CSV and JSON: the partition's CSV (header and records), whose SHA-256 is also the CSV's checksum.
 * Pieces are cut by a byte budget (partition.ts, pieces): a record that changes length can move
 * every later piece's boundary, and then those pieces are made again too; a partition holds the
 * records of one key, so only the changed record's partition changes.
 */
const PART_KIND = 'nq57-large-table-part';

function fingerprint(path: string): string {
  const s = statSync(path);
  return `${path}\0${s.size}\0${s.mtimeMs}`;
}

/** Remembers the value of `f` (computed on the first call). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/**
 * One gzip member of `bytes` (level 6, Node's zlib: 3 times fflate's speed on CSV, and smaller) with
 * `time` in its header (MTIME, bytes 4–7: seconds, little-endian; zlib writes 0), so that the same
 * data gives the same bytes. The bytes are zlib's: the part cache and the release cache are keyed on
 * the Node version (codeHash), which carries zlib.
 */
function gzipAt(bytes: Uint8Array, time: Date): Uint8Array {
  return stamped(gzipSync(bytes, { level: 6 }), time);
}

/** gzipAt on libuv's thread pool: the same zlib call with the same options, so the same bytes. */
function gzipAtAsync(bytes: Uint8Array, time: Date): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    gzip(bytes, { level: 6 }, (error, out) => {
      // The piece's bytes (up to 64 MiB, read for this piece alone) are given back at once.
      letGo(bytes);
      if (error) reject(error);
      else resolve(stamped(out, time));
    }),
  );
}

function stamped(out: Buffer, time: Date): Buffer {
  out.writeUInt32LE(Math.floor(time.getTime() / 1000), 4);
  return out;
}

/**
 * Pieces waiting to be made, of one kind (gzip, Parquet). They are made off the main thread in order,
 * one at a time (one piece of a kind in memory), by libuv's pool or the worker thread; the main
 * thread, once it has written everything else and only waits for the pieces (writeDownloads), makes
 * those still waiting itself (makeWaitingPieces): with a busy machine the pieces were the longest path
 * at M50.
 */
class PieceQueue {
  private readonly jobs: ((here: boolean) => Promise<void>)[] = [];
  private busy = false;

  /** Queues one piece: `make(here)` makes it in this thread when `here`, else off it. */
  add(make: (here: boolean) => Promise<Uint8Array>): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.jobs.push((here) => make(here).then(resolve, reject));
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const job = this.jobs.shift();
    if (!job) return;
    this.busy = true;
    void job(false).finally(() => {
      this.busy = false;
      this.next();
    });
  }

  /** The last piece still waiting, taken off the queue to be made in this thread. */
  takeLast(): ((here: boolean) => Promise<void>) | undefined {
    return this.jobs.pop();
  }
}

const gzipQueue = new PieceQueue();
const parquetQueue = new PieceQueue();

/** Queues the making of one Parquet piece: `make(here)` makes it in this thread when `here`, else in the worker. */
export const queueParquet = (make: (here: boolean) => Promise<Uint8Array>) => parquetQueue.add(make);

/**
 * Makes the pieces still waiting in this thread, the last first (a Parquet piece, then a gzip piece,
 * and so on), letting the pool and the worker take their next between two.
 */
export async function makeWaitingPieces(): Promise<void> {
  for (;;) {
    const jobs = [parquetQueue.takeLast(), gzipQueue.takeLast()].filter((j) => j !== undefined);
    if (jobs.length === 0) return;
    for (const job of jobs) {
      await job(true);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

function plan(def: TableDef, dir: string): Plan {
  const path = join(dir, def.file);
  const key = fingerprint(path);
  const known = plans.get(key);
  if (known) return known;
  // Read once, a window at a time, for the index and the hash (remembered for the process: fileHash,
  // so the model's hash of the data folder does not read the file again), and not held: each part
  // reads the byte ranges it is made from (469 MB at bench scale M50 were held while the parts were made).
  // The same pass hashes every part's bytes for the part cache's keys and the pages' record keys
  // (partHasher): a part's bytes are read again only when it is made.
  const cache = cacheDir();
  // A Parquet piece is made again in the worker thread when the part cache does not hold it: the
  // worker starts (≈ 0.4 s, its modules loaded) as soon as the scan has hashed such a piece, while
  // the rest of the file is read.
  const parquetKey = (header: string, body: string) => cacheKey([PART_KIND, 'parquet', def.name, header, body]);
  const hasher = partHasher([GZ_PIECE_BYTES, PARQUET_PIECE_BYTES], PART_CSV_BYTES, (budget, _, body, header) => {
    if (budget !== PARQUET_PIECE_BYTES || cache === null) return;
    const key = parquetKey(header, body);
    if (key !== null && linkedEntrySums(cache, PART_KIND, key) === null) startParquetWorker(def);
  });
  const indexer = tableIndexer(def, hasher.add);
  const hash = scanHashed(path, (window, at, final) => indexer.add(window, at, final));
  const ix = indexer.done();
  const sums = hasher.done();
  const bytes: TableBytes = (from, to) => readRange(path, from, to);
  // The rows the validator stored for these bytes, as its columns: the Parquet pieces and JSON
  // partitions are made from them (a row object at a time), and the CSV is not parsed again. They are
  // read only when a part is made (a warm build takes most parts from the part cache). Without a store (cache off, another file), each part is read from its bytes.
  const storedRows = once(() => {
    // The hash is given: the store does not read the bytes.
    const rows = cache === null ? null : storedValidTable(cache, def.name, new Uint8Array(0), hash);
    if (rows !== null && rows.length !== recordCount(ix))
      throw new Error(`${def.file}: ${rows.length} typed rows for ${recordCount(ix)} records; the rows are not this file's.`);
    return rows;
  });
  // gzip writes a time into its header: the data's as-of date, so that the same data gives the same bytes.
  const asOf = (JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { as_of?: string }).as_of ?? '2000-01-01';
  const mtime = new Date(`${asOf.slice(0, 10)}T00:00:00Z`);
  const make = new Map<string, (write: Sink) => void>();
  const makeAsync = new Map<string, () => Promise<Uint8Array>>();
  const keys = new Map<string, () => string | null>();
  const headerHash = () => sums.header;
  // The SHA-256 of each piece's records, from the scan (the gzip and Parquet pieces of the same records share it).
  const pieceHashes = (budget: number, count: number) => {
    const hashes = sums.pieces.get(budget) ?? [];
    if (hashes.length !== count) throw new Error(`${def.file}: ${hashes.length} piece hashes for ${count} pieces.`);
    return hashes;
  };
  const gzPieces = pieces(ix, GZ_PIECE_BYTES);
  const gzHashes = pieceHashes(GZ_PIECE_BYTES, gzPieces.length);
  const gz = gzPieces.map((p, i) => {
    const name = pieceName(def.name, i, 'csv.gz');
    make.set(name, (write) => write(gzipAt(rawPiece(bytes, ix, p, i === 0), mtime)));
    makeAsync.set(name, () =>
      gzipQueue.add(async (here) => {
        const raw = rawPiece(bytes, ix, p, i === 0);
        return here ? gzipAt(raw, mtime) : gzipAtAsync(raw, mtime);
      }),
    );
    keys.set(
      name,
      once(() => cacheKey([PART_KIND, 'csv.gz', mtime.toISOString(), i === 0 ? headerHash() : '', gzHashes[i]!])),
    );
    return name;
  });
  const parquetPieces = PARQUET_PIECE_BYTES === GZ_PIECE_BYTES ? gzPieces : pieces(ix, PARQUET_PIECE_BYTES);
  const parquetHashes = pieceHashes(PARQUET_PIECE_BYTES, parquetPieces.length);
  const parquet = parquetPieces.map((p, i) => {
    const name = pieceName(def.name, i, 'parquet');
    // From the store's columns (no row objects), else from the piece's CSV.
    make.set(name, (write) => {
      const rows = storedRows();
      write(rows ? pieceToParquet(def, parquetPiece(def, rows, p.from, p.to)) : csvToParquet(def, csvOfRange(bytes, ix, p.from, p.to)));
    });
    makeAsync.set(name, () =>
      parquetQueue.add(async (here) => {
        const rows = storedRows();
        if (!rows) return csvToParquet(def, csvOfRange(bytes, ix, p.from, p.to));
        if (here) return pieceToParquet(def, parquetPiece(def, rows, p.from, p.to));
        try {
          return await pieceToParquetInWorker(def, parquetPiece(def, rows, p.from, p.to));
        } catch (error) {
          // A worker over its heap limit (parquet.ts, WORKER_HEAP_MB): the piece is made here, the same bytes.
          if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
          return pieceToParquet(def, parquetPiece(def, rows, p.from, p.to));
        }
      }),
    );
    keys.set(
      name,
      once(() => parquetKey(headerHash(), parquetHashes[i]!)),
    );
    return name;
  });
  const parts = new Map<string, { format: 'csv' | 'json'; values: string[]; columns: string[] }>();
  // The CSV of the partition last made, kept for its JSON next when there are no stored rows (made from that CSV).
  let last: { records: number[]; csv: Uint8Array } | null = null;
  const partitionCsv = (records: number[]) => {
    if (last?.records !== records) last = { records, csv: csvOf(bytes, ix, records) };
    return last.csv;
  };
  // The SHA-256 of each partition file's CSV, from the scan: it is the CSV part, and what its JSON is made from.
  const hashesByKey = new Map<string, string[]>();
  const keyIndex = new Map(ix.keys.map((k, i) => [k, i]));
  for (const p of partitions(ix, PART_CSV_BYTES)) {
    const csvName = `${def.name}/${p.name}.csv`;
    const jsonName = `${def.name}/${p.name}.json`;
    const partitionKey = p.values.join('/');
    const ofKey = hashesByKey.get(partitionKey) ?? [];
    const hash = sums.partitions[keyIndex.get(partitionKey) ?? -1]?.[ofKey.length];
    if (hash === undefined) throw new Error(`${def.file}: no hash for the partition file ${p.name}.`);
    hashesByKey.set(partitionKey, [...ofKey, hash]);
    const csvHash = () => hash;
    make.set(csvName, (write) => write(partitionCsv(p.records)));
    make.set(jsonName, (write) => {
      const rows = storedRows();
      if (rows) writeColumnsJson(def, rows, p.records, write);
      else writeTableJson(def, partitionCsv(p.records), write, 'rows');
    });
    keys.set(
      csvName,
      once(() => cacheKey([PART_KIND, 'csv', csvHash()])),
    );
    keys.set(
      jsonName,
      once(() => cacheKey([PART_KIND, 'json', def.name, csvHash()])),
    );
    parts.set(csvName, { format: 'csv', values: p.values, columns: ix.columns });
    parts.set(jsonName, { format: 'json', values: p.values, columns: ix.columns });
  }
  const result: Plan = {
    files: [...make.keys()],
    make,
    makeAsync,
    keys,
    partitions: parts,
    gz,
    parquet,
    csv: { path: def.file, bytes: statSync(path).size, sha256: hash, rows: recordCount(ix) },
    sums: new Map(),
    partitionHashes: () => hashesByKey,
  };
  plans.set(key, result);
  return result;
}

function layout(def: TableDef, dir: string): LargeLayout {
  const p = plan(def, dir);
  const cache = cacheDir();
  const write = (file: string, sink: Sink) => {
    const make = p.make.get(file);
    if (!make) throw new Error(`Not a part of ${def.file}: ${file}`);
    const hash = createHash('sha256');
    let bytes = 0;
    make((chunk) => {
      const u8 = typeof chunk === 'string' ? strToU8(chunk) : chunk;
      hash.update(u8);
      bytes += u8.length;
      sink(u8);
    });
    p.sums.set(file, { bytes, sha256: hash.digest('hex') });
  };
  const partKey = (file: string) => (cache === null ? null : (p.keys.get(file)?.() ?? null));
  const writeTo = (file: string, path: string): Promise<void> | undefined => {
    const key = partKey(file);
    const cached = key === null ? null : readLinkedEntry(cache!, PART_KIND, key, path);
    if (cached) {
      p.sums.set(file, cached);
      return undefined;
    }
    // A new file (not a file left there, which may be a link into the cache), written chunk by chunk:
    // writeFileSync on a descriptor appends at its position and writes the whole chunk.
    rmSync(path, { force: true });
    const keep = () => {
      if (key !== null) writeLinkedEntry(cache!, PART_KIND, key, path, p.sums.get(file)!);
    };
    const makeAsync = p.makeAsync.get(file);
    if (makeAsync)
      return makeAsync().then((bytes) => {
        writeFileSync(path, bytes);
        p.sums.set(file, { bytes: bytes.length, sha256: hashBytes(bytes) });
        keep();
      });
    const fd = openSync(path, 'w');
    try {
      write(file, (chunk) => writeFileSync(fd, chunk));
    } finally {
      closeSync(fd);
    }
    keep();
    return undefined;
  };
  const info = (file: string): PartInfo => {
    if (!p.sums.has(file)) {
      const key = partKey(file);
      const cached = key === null ? null : linkedEntrySums(cache!, PART_KIND, key);
      if (cached) p.sums.set(file, cached);
      else write(file, () => {});
    }
    return { path: file, ...p.sums.get(file)! };
  };
  return {
    def,
    files: p.files,
    write,
    writeTo,
    describe: () => ({
      table: def.name,
      csv: p.csv,
      gz: p.gz.map(info),
      parquet: p.parquet.map(info),
      partitions: [...p.partitions].map(([file, meta]) => ({ ...info(file), ...meta })),
    }),
  };
}

/**
 * Removes the part cache's entries that no build has used since `since` (a time in ms): parts of
 * data that has since changed, or of older code. Called when a build has written every download.
 */
export function prunePartCache(since: number): void {
  const cache = cacheDir();
  if (cache !== null) pruneLinkedEntries(cache, PART_KIND, Date.now() - since);
}

/** The layouts of the large tables of a folder of files (none for today's real data). */
export function largeLayouts(dir: string): LargeLayout[] {
  return tablesOf(dir)
    .filter((t) => isLarge(statSync(join(dir, t.file)).size))
    .map((t) => layout(t, dir));
}

/**
 * The SHA-256 of each partition of a table file (its CSV: the header, then the partition's records),
 * by partition key ("{indicator_id}/{area_level}"), in part order, and the file's: the hashes the part
 * cache keys the partitions by, worked out once per process for the downloads and for the pages'
 * record keys (view/page-keys.ts, computed first). Any table file, large or not.
 */
export function partitionHashes(def: TableDef, dir: string): { sha256: string; byKey: Map<string, string[]> } {
  const p = plan(def, dir);
  return { sha256: p.csv.sha256, byKey: p.partitionHashes() };
}

/** Lets go of the tables' bytes (the next call reads and plans again). */
export function clearLayouts(): void {
  plans.clear();
}

/** Descriptions already computed in this process, kept after clearLayouts (they are small). */
const described = new Map<string, LargeTableParts>();
/** Where descriptions are kept between processes (the build's pages run apart from its integration). */
const memoDir = () => join(tmpdir(), 'nq57-large-table-parts');

/**
 * The parts of each large table of a folder of files, with sizes and checksums: from memory, from
 * the note the download writer left for this file (same path, size, time and code), or computed.
 */
export function largeParts(dir: string): LargeTableParts[] {
  return tablesOf(dir)
    .filter((t) => isLarge(statSync(join(dir, t.file)).size))
    .map((t) => {
      const key = createHash('sha256')
        .update(`${fingerprint(join(dir, t.file))}\0${codeHash() ?? String(process.pid)}`)
        .digest('hex');
      const known = described.get(key);
      if (known) return known;
      const note = join(memoDir(), `${key}.json`);
      if (existsSync(note)) return JSON.parse(readFileSync(note, 'utf8')) as LargeTableParts;
      const parts = layout(t, dir).describe();
      described.set(key, parts);
      mkdirSync(memoDir(), { recursive: true });
      writeFileSync(note, JSON.stringify(parts));
      return parts;
    });
}
