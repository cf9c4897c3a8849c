/**
 * The download layout of a large table (a CSV over LARGE_TABLE_BYTES): a static host serves files
 * up to a limit (HOST_FILE_LIMIT, the smallest common one), so such a table is not offered as one
 * CSV and one JSON, but as
 * - the whole CSV, gzip-compressed, in pieces cut at record boundaries (`{table}-001.csv.gz`, …):
 *   each piece is a gzip member, so `cat` of the pieces then `gunzip` gives the published CSV byte
 *   for byte (one header row, its recorded checksum);
 * - the whole table in Parquet, in pieces of consecutive rows (`{table}-001.parquet`, …);
 * - partitions per indicator and area level as plain CSV (the records byte for byte, under the
 *   header), which opens in a spreadsheet, and JSON (the same rows typed, as an array of arrays whose
 *   first is the column names: downloads.ts, JsonShape `rows`): `{table}/{indicator_id}/{area_level}.csv`
 *   and `.json`, cut further into `{area_level}-1.csv`, `-2.csv`, … when one would exceed PART_CSV_BYTES.
 * Pure: the bytes of the table in (all of them, or a reader of byte ranges: TableBytes), names and
 * byte ranges out (no file system).
 */
import { createHash, type Hash } from 'node:crypto';
import Papa from 'papaparse';
import { columnsOf, type TableDef } from '../../schemas/index.ts';

/** The smallest common static-host file limit (25 MiB): no download may be larger. */
export const HOST_FILE_LIMIT = 25 * 2 ** 20;
/**
 * A table whose CSV is larger than this is published in parts. Its JSON of records would be ≈ 2.5–3
 * times the CSV: 6 MiB keeps the JSON of a table published whole under the host limit (a partition's
 * JSON of rows is ≈ 1.25 times its CSV).
 */
export const LARGE_TABLE_BYTES = 6 * 2 ** 20;
/** Most CSV bytes in one partition file (its JSON stays under HOST_FILE_LIMIT). */
export const PART_CSV_BYTES = LARGE_TABLE_BYTES;
/** Most CSV bytes in one gzip piece (CSV compresses 4–8 times: ≈ 5–12 MiB per piece). */
export const GZ_PIECE_BYTES = 64 * 2 ** 20;
/** Most CSV bytes in one Parquet piece. */
export const PARQUET_PIECE_BYTES = 64 * 2 ** 20;
/** Columns a table is partitioned by, in this order, when it has them. */
export const PARTITION_COLUMNS = ['indicator_id', 'area_level'] as const;

export const isLarge = (bytes: number) => bytes > LARGE_TABLE_BYTES;

/** Where the records of a CSV start: `starts[i]` is the byte offset of record i, `starts[n]` the end of the file. */
export interface TableIndex {
  /** Bytes of the header line, with its line break. */
  headerEnd: number;
  starts: Float64Array;
  /** Partition of each record (index into `keys`). */
  keyOf: Uint32Array;
  /** The partition keys in order of first appearance: the values of PARTITION_COLUMNS, joined with "/". */
  keys: string[];
  /** The partition columns the table has. */
  columns: string[];
}

/** A value used in a file name: the ids are slugs (SLUG_ID) and the levels a fixed list; anything else is refused. */
const SAFE = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Reads where each record of a valid CSV starts and which partition it belongs to, from its bytes
 * (all of them: tableIndexer reads a file a window at a time, with the same result).
 */
export function indexTable(def: TableDef, bytes: Uint8Array): TableIndex {
  const indexer = tableIndexer(def);
  indexer.add(bytes, 0, true);
  return indexer.done();
}

/**
 * What tableIndexer hands on of each window once it has read its records, for work done in the same
 * pass over the bytes (partHasher): the window, its header line when it holds it (else null), where
 * each of its records starts in it (header excluded), where the last one ends, and each record's
 * partition (an index into TableIndex.keys). The window is only valid during the call.
 */
export type RecordsRead = (
  window: Uint8Array,
  header: Uint8Array | null,
  starts: readonly number[],
  end: number,
  keys: readonly number[],
) => void;

/** Builds a TableIndex from consecutive windows of a file's bytes (tableIndexer). */
export interface TableIndexer {
  /**
   * Reads the complete records of `window` (the file's bytes from offset `at`; `final`: it reaches
   * the end of the file) and returns how many bytes they take: the next window starts there.
   */
  add(window: Uint8Array, at: number, final: boolean): number;
  /** The index, once the final window is added. */
  done(): TableIndex;
}

/**
 * Reads where each record of a valid CSV starts and which partition it belongs to, a window of
 * bytes at a time (a window ends at a record boundary: the record it cuts is read again with the
 * next one). Record boundaries are found by quote parity (a line break inside a quoted cell does
 * not end a record). The partition cells of a record without a quote are its bytes between commas;
 * a record with a quote is read by papaparse. A record whose partition cells are the bytes of the
 * previous record's has its partition, without decoding them (a table is mostly grouped by them).
 */
export function tableIndexer(def: TableDef, onRecords?: RecordsRead): TableIndexer {
  const decoder = new TextDecoder();
  // Where each record starts (the header first), then the end of the file.
  const bounds: number[] = [];
  const keyOf: number[] = [];
  const keys: string[] = [];
  const seen = new Map<string, number>();
  let columns: string[] | null = null;
  let at: number[] = [];
  let end = 0;
  return {
    add(window, base, final) {
      const buf = Buffer.from(window.buffer, window.byteOffset, window.byteLength);
      const length = buf.length;
      const local: number[] = [];
      // Records without a quote end at the next line break (found by memchr); one with a quote is walked byte by byte.
      let quote = buf.indexOf(0x22, 0);
      let pos = 0;
      while (pos < length) {
        let nl = buf.indexOf(0x0a, pos);
        if (quote !== -1 && quote < pos) quote = buf.indexOf(0x22, pos);
        if (quote !== -1 && (nl === -1 || quote < nl)) {
          let inQuotes = false;
          let i = pos;
          for (; i < length; i++) {
            const b = buf[i];
            if (b === 0x22) inQuotes = !inQuotes;
            else if (b === 0x0a && !inQuotes) break;
          }
          nl = i < length ? i : -1;
        }
        // A record the window cuts: read with the next window.
        if (nl === -1 && !final) break;
        local.push(pos);
        pos = nl === -1 ? length : nl + 1;
      }
      let first = 0;
      if (columns === null && local.length > 0) {
        const headerEnd = local[1] ?? pos;
        const header = Papa.parse<string[]>(decoder.decode(buf.subarray(local[0], headerEnd)).replace(/\r?\n$/, '')).data[0] ?? [];
        columns = PARTITION_COLUMNS.filter((c) => header.includes(c) && columnsOf(def).includes(c));
        at = columns.map((c) => header.indexOf(c));
        first = 1;
      }
      const last = Math.max(-1, ...at);
      // The byte ranges of the cells 0 … last of a record read from its bytes.
      const from = new Float64Array(last + 1);
      const to = new Float64Array(last + 1);
      // The record last read from its bytes: its cells 0 … last and the comma after them are the bytes
      // prevStart … prevStart + prefix − 1 (prefix 0: no comma after them). A record that starts with
      // the same bytes has the same partition cells: none of them can run on past that comma.
      let prevKey = -1;
      let prevStart = 0;
      let prefix = 0;
      let nextQuote = buf.indexOf(0x22, 0);
      // The window's records' partitions, for onRecords.
      const localKeys: number[] = [];
      for (let j = first; j < local.length; j++) {
        let k: number | undefined;
        if (at.length > 0) {
          const start = local[j]!;
          let end = local[j + 1] ?? pos;
          // Without its line break (\n or \r\n).
          if (end > start && buf[end - 1] === 0x0a) {
            end--;
            if (end > start && buf[end - 1] === 0x0d) end--;
          }
          // The next quote at or after the record's start (one forward scan over the window).
          if (nextQuote !== -1 && nextQuote < start) nextQuote = buf.indexOf(0x22, start);
          const quoted = nextQuote !== -1 && nextQuote < end;
          let key: string;
          if (quoted) {
            const cells = Papa.parse<string[]>(decoder.decode(buf.subarray(start, end))).data[0] ?? [];
            key = at.map((i) => cells[i] ?? '').join('/');
            prevKey = -1;
          } else {
            if (
              prevKey !== -1 &&
              prefix > 0 &&
              end - start >= prefix &&
              sameBytes(buf, start, start + prefix, prevStart, prevStart + prefix)
            ) {
              k = prevKey;
              key = '';
            } else {
              // Cells 0 … last; a record with fewer cells has empty ones (as split(',') would give).
              let cell = start;
              for (let c = 0; c <= last; c++) {
                if (cell > end) {
                  from[c] = end;
                  to[c] = end;
                  continue;
                }
                let comma = buf.indexOf(0x2c, cell);
                if (comma === -1 || comma > end) comma = end;
                from[c] = cell;
                to[c] = comma;
                cell = comma + 1;
              }
              key = at.map((c) => decoder.decode(buf.subarray(from[c], to[c]))).join('/');
              prevStart = start;
              prefix = to[last]! < end ? to[last]! + 1 - start : 0;
            }
          }
          if (k === undefined && !seen.has(key))
            for (const v of key.split('/'))
              if (!SAFE.test(v)) throw new Error(`${def.file}: "${v}" cannot name a partition file (record ${keyOf.length + 2}).`);
          if (k === undefined) k = seen.get(key);
          if (k === undefined) {
            k = keys.length;
            seen.set(key, k);
            keys.push(key);
          }
          if (!quoted) prevKey = k;
        } else {
          k = seen.get('');
          if (k === undefined) {
            k = keys.length;
            seen.set('', k);
            keys.push('');
          }
        }
        keyOf.push(k);
        if (onRecords) localKeys.push(k);
      }
      if (onRecords && local.length > 0)
        onRecords(buf, first === 1 ? buf.subarray(local[0], local[1] ?? pos) : null, first === 1 ? local.slice(1) : local, pos, localKeys);
      for (const p of local) bounds.push(base + p);
      if (final) end = base + length;
      return pos;
    },
    done() {
      // The records' starts and the end of the file (an empty file: none).
      const starts = new Float64Array(bounds.length);
      for (let i = 1; i < bounds.length; i++) starts[i - 1] = bounds[i]!;
      if (bounds.length > 0) starts[bounds.length - 1] = end;
      return {
        headerEnd: bounds.length > 1 ? bounds[1]! : end,
        starts,
        keyOf: Uint32Array.from(keyOf),
        keys,
        columns: columns ?? [],
      };
    },
  };
}

/** Whether bytes a … aEnd − 1 of `buf` are bytes b … bEnd − 1. */
function sameBytes(buf: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (buf[a + i] !== buf[b + i]) return false;
  return true;
}

/** Byte size of record r. */
const size = (ix: TableIndex, r: number) => ix.starts[r + 1]! - ix.starts[r]!;
export const recordCount = (ix: TableIndex) => ix.starts.length - 1;

/**
 * The one rule that cuts consecutive records into groups of at most `budget` bytes (a record larger
 * than that is a group of its own): given each record's size in turn, says whether it starts a new
 * group (the first always does). Pieces and partition files are cut by it, and so are the parts'
 * hashes while the file is scanned (partHasher).
 */
export function budgetCutter(budget: number): (size: number) => boolean {
  let bytes = -1;
  return (size) => {
    const cut = bytes < 0 || bytes + size > budget;
    bytes = cut ? size : bytes + size;
    return cut;
  };
}

/** Consecutive records cut into pieces of at most `budget` bytes (a record larger than that is a piece of its own). */
export function pieces(ix: TableIndex, budget: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const cut = budgetCutter(budget);
  let from = 0;
  for (let r = 0; r < recordCount(ix); r++)
    if (cut(size(ix, r)) && r > from) {
      out.push({ from, to: r });
      from = r;
    }
  if (recordCount(ix) > from || out.length === 0) out.push({ from, to: recordCount(ix) });
  return out;
}

/** One partition file: its path under the table's folder (no extension) and its records, in file order. */
export interface Partition {
  name: string;
  /** The values of the partition columns, in PARTITION_COLUMNS order. */
  values: string[];
  records: number[];
}

/** The partitions of a table, each cut into files of at most `budget` CSV bytes (header excluded). */
export function partitions(ix: TableIndex, budget = PART_CSV_BYTES): Partition[] {
  const groups: number[][] = ix.keys.map(() => []);
  for (let r = 0; r < recordCount(ix); r++) groups[ix.keyOf[r]!]!.push(r);
  return ix.keys.flatMap((key, k) => {
    const chunks: number[][] = [];
    const cut = budgetCutter(budget);
    let chunk: number[] = [];
    for (const r of groups[k]!) {
      if (cut(size(ix, r))) chunks.push((chunk = []));
      chunk.push(r);
    }
    const base = ix.columns.length === 0 ? 'part' : key;
    return chunks.map((records, i) => ({
      name: chunks.length === 1 && ix.columns.length > 0 ? base : `${base}-${i + 1}`,
      values: key === '' ? [] : key.split('/'),
      records,
    }));
  });
}

/** The SHA-256 of each part of a table (hex), as partHasher works them out while the file is scanned. */
export interface PartHashes {
  /** Of the header line, with its line break. */
  header: string;
  /** By piece budget: of each piece's records (`pieces(ix, budget)`, the header left out: rawPiece but for the first piece's header). */
  pieces: Map<number, string[]>;
  /** By partition key (the order of TableIndex.keys): of each of its partition files' CSV (`partitions(ix, budget)`: csvOf of its records). */
  partitions: string[][];
}

export interface PartHasher {
  /** Given to tableIndexer: hashes each window's records as they are read. */
  add: RecordsRead;
  /** The hashes, once the final window is added. */
  done(): PartHashes;
}

/**
 * Hashes the parts of a table in the pass that indexes it (tableIndexer's windows), so that the file
 * is not read again for them: each piece's bytes and each partition file's CSV (the header, then its
 * records, each ending with a line break, as csvOf writes them), cut by the rule pieces() and
 * partitions() cut by (budgetCutter) on the same record sizes. Consecutive records of one part are
 * hashed as one range of the window.
 */
export function partHasher(
  pieceBudgets: readonly number[],
  partitionBudget = PART_CSV_BYTES,
  /** Told of each piece as soon as its hash is known (the scan goes on): its budget, its number, its hash and the header's. */
  onPiece?: (budget: number, piece: number, sha256: string, header: string) => void,
): PartHasher {
  const newHash = () => createHash('sha256');
  let header: Uint8Array | null = null;
  let headerHash = '';
  // One stream per distinct piece budget (the gzip and Parquet pieces share theirs).
  const streams = [...new Set(pieceBudgets)].map((budget) => ({
    budget,
    cut: budgetCutter(budget),
    hash: null as Hash | null,
    sums: [] as string[],
  }));
  const parts: { cut: (size: number) => boolean; hash: Hash | null; sums: string[] }[] = [];
  const lineBreak = new Uint8Array([0x0a]);
  return {
    add(window, head, starts, end, keys) {
      if (head) {
        // A copy (the window is read into again; a Buffer's slice() would be a view of it).
        header = Uint8Array.from(head);
        headerHash = newHash().update(header).digest('hex');
      }
      const heading = header ?? new Uint8Array(0);
      for (const s of streams) {
        let from = starts[0] ?? end;
        for (let j = 0; j < starts.length; j++) {
          const start = starts[j]!;
          if (!s.cut((starts[j + 1] ?? end) - start)) continue;
          if (s.hash) {
            s.hash.update(window.subarray(from, start));
            const sum = s.hash.digest('hex');
            s.sums.push(sum);
            onPiece?.(s.budget, s.sums.length - 1, sum, headerHash);
          }
          s.hash = newHash();
          from = start;
        }
        s.hash?.update(window.subarray(from, end));
      }
      // The run of consecutive records of one partition file not hashed yet: runFrom … runTo of the window.
      let run = -1;
      let runFrom = 0;
      let runTo = 0;
      const flush = () => {
        if (run !== -1) parts[run]!.hash!.update(window.subarray(runFrom, runTo));
        run = -1;
      };
      for (let j = 0; j < starts.length; j++) {
        const start = starts[j]!;
        const stop = starts[j + 1] ?? end;
        const k = keys[j]!;
        const part = (parts[k] ??= { cut: budgetCutter(partitionBudget), hash: null, sums: [] });
        const cut = part.cut(stop - start);
        if (k !== run || cut) flush();
        if (cut) {
          if (part.hash) part.sums.push(part.hash.digest('hex'));
          part.hash = newHash().update(heading);
        }
        if (run === -1) {
          run = k;
          runFrom = start;
        }
        runTo = stop;
        // The file's last record may lack a line break: csvOf gives it one.
        if (window[stop - 1] !== 0x0a) {
          flush();
          part.hash!.update(lineBreak);
        }
      }
      flush();
    },
    done() {
      const pieces = new Map<number, string[]>();
      for (const s of streams) {
        // No record: one empty piece (pieces()).
        const sum = (s.hash ?? newHash()).digest('hex');
        s.sums.push(sum);
        s.hash = null;
        onPiece?.(s.budget, s.sums.length - 1, sum, headerHash || newHash().digest('hex'));
        pieces.set(s.budget, s.sums);
      }
      for (const part of parts) {
        if (part.hash) part.sums.push(part.hash.digest('hex'));
        part.hash = null;
      }
      return { header: headerHash || newHash().digest('hex'), pieces, partitions: parts.map((p) => p.sums) };
    },
  };
}

/**
 * The bytes of a table: all of them, or a reader of the bytes from … to − 1 (layout.ts reads a large
 * table's file where a part needs it, instead of holding it whole).
 */
export type TableBytes = Uint8Array | ((from: number, to: number) => Uint8Array);

const bytesOf = (bytes: TableBytes, from: number, to: number) => (typeof bytes === 'function' ? bytes(from, to) : bytes.subarray(from, to));

/** Most bytes csvOf asks a reader for at once: records close together are read in one go. */
const READ_BYTES = 8 * 2 ** 20;

/** The CSV of some records of the table (in file order): the header, then each record byte for byte. */
export function csvOf(bytes: TableBytes, ix: TableIndex, records: readonly number[]): Uint8Array {
  let total = ix.headerEnd + 1;
  for (const r of records) total += size(ix, r);
  const out = new Uint8Array(total);
  out.set(bytesOf(bytes, 0, ix.headerEnd), 0);
  let at = ix.headerEnd;
  for (let j = 0; j < records.length;) {
    // The records j … k − 1 lie within READ_BYTES of record j's start (at least record j): one read.
    const from = ix.starts[records[j]!]!;
    let k = j + 1;
    while (k < records.length && records[k]! > records[k - 1]! && ix.starts[records[k]! + 1]! - from <= READ_BYTES) k++;
    const span = bytesOf(bytes, from, ix.starts[records[k - 1]! + 1]!);
    for (; j < k; j++) {
      const r = records[j]!;
      const part = span.subarray(ix.starts[r]! - from, ix.starts[r + 1]! - from);
      out.set(part, at);
      at += part.length;
      // The file's last record may lack a line break: give it one, so that records never run together.
      if (part[part.length - 1] !== 0x0a) out[at++] = 0x0a;
    }
  }
  return out.subarray(0, at);
}

/** The CSV of the records `from` … `to` − 1 (consecutive): the header, then their bytes. */
export function csvOfRange(bytes: TableBytes, ix: TableIndex, from: number, to: number): Uint8Array {
  const body = bytesOf(bytes, ix.starts[from]!, ix.starts[to]!);
  const out = new Uint8Array(ix.headerEnd + body.length);
  out.set(bytesOf(bytes, 0, ix.headerEnd), 0);
  out.set(body, ix.headerEnd);
  return fixLastBreak(out);
}

function fixLastBreak(csv: Uint8Array): Uint8Array {
  if (csv.length === 0 || csv[csv.length - 1] === 0x0a) return csv;
  const out = new Uint8Array(csv.length + 1);
  out.set(csv, 0);
  out[csv.length] = 0x0a;
  return out;
}

/** The bytes of the whole file that gzip piece i holds: piece 0 starts with the header; together they are the file. */
export function rawPiece(bytes: TableBytes, ix: TableIndex, piece: { from: number; to: number }, first: boolean): Uint8Array {
  return bytesOf(bytes, first ? 0 : ix.starts[piece.from]!, ix.starts[piece.to]!);
}

export const pieceName = (table: string, i: number, ext: string) => `${table}-${String(i + 1).padStart(3, '0')}.${ext}`;
