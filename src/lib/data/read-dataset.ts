/**
 * Reads a data directory: every table file and dataset.json, parsed and checked cell by cell, and
 * compared with the latest release (nothing published lost: validate-published.ts).
 * The only module of src/lib/data that touches the file system; it never writes.
 */
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { TABLES, columnsOf, DatasetMetaSchema, type CsvTableDef, type DatasetMeta, type Tables } from '../../schemas/index.ts';
import { REMOVALS_FILE } from '../../schemas/removals.ts';
import type { TableName } from '../../schemas/table.ts';
import { readReleaseIndex, releaseDir } from './read-releases.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions, parseCsv, type ByteRecordSink, type RecordSink } from './parse-csv.ts';
import { REFERENCED_TABLES } from './validate-relations.ts';
import { readRemovals, readTableKeys, validatePublished, type PublishedData, type TableKeys } from './validate-published.ts';
import { rowValidator, type RowValidator } from './validate-rows.ts';
import { hashBytes, knownFileHash, letGo, readHashed } from '../cache/index.ts';
import { loadTable, saveTable, type ColumnTable, type PieceSpan, type TableResult } from './store.ts';
import { readPiecedTable } from './table-pieces.ts';

export interface RawDataset {
  dir: string;
  meta: DatasetMeta | null;
  /**
   * Rows that passed their schema, in file order. A table that came from the validated store is
   * made into rows only when it is first read (a getter): the model takes the observations as
   * columns (below), and their rows are never made in the build, unless a rule across tables runs.
   */
  tables: Tables;
  /** The tables that came from the validated store, as its columns (store.ts): the same rows as `tables`. */
  columns: { [K in keyof Tables]?: ColumnTable<Tables[K][number]> };
  /** The pieces of the table files read in pieces (table-pieces.ts), in order: their rows one after the other are the table's. */
  pieces: { [K in keyof Tables]?: PieceSpan[] };
  /** File line of each row kept in `tables`, for cross-table messages (same index). */
  lines: { [K in keyof Tables]: number[] };
  /**
   * Primary keys of every readable row, valid or not, as written. References resolve against these,
   * so one bad province row is reported once, not again by each of its 100 communes.
   */
  rawKeys: { [K in keyof Tables]: Set<string> };
  issues: Issue[];
  /** Official lists the tables are checked against (data/reference/), when the directory has them. */
  reference: ReferenceLists | null;
}

/** data/reference/provinces.csv: the official names of each current province code. */
export interface ReferenceLists {
  file: string;
  provinces: Map<string, { name_vi: string; full_name_vi: string }>;
}

export interface ReadOptions {
  /**
   * The build's cache folder (src/lib/cache): each table file's result is taken from the validated
   * store when the file's bytes and the code are unchanged, and stored there otherwise. Null: no cache.
   */
  cacheDir?: string | null;
  /** With the cache: the size a large file is cut into pieces at (table-pieces.ts; tests use small ones). */
  pieceBytes?: number | undefined;
}

export function readDataset(dir: string, options: ReadOptions = {}): RawDataset {
  const issues: Issue[] = [];
  const tables = {} as Record<string, unknown[]>;
  const lines = {} as Record<string, number[]>;
  const rawKeys = {} as Record<string, Set<string>>;
  const columns = {} as Record<string, ColumnTable>;
  const pieces = {} as Record<string, PieceSpan[]>;
  const published = readPublished(dir);
  const current = new Map<TableName, TableKeys>();
  for (const def of TABLES) {
    rawKeys[def.name] = new Set();
    const path = join(dir, def.file);
    tables[def.name] = [];
    lines[def.name] = [];
    if (!existsSync(path)) {
      issues.push(
        issue({
          code: 'missing-file',
          file: def.file,
          message: `The table ${def.file} is missing.`,
          hint: `Create ${def.file} with the header ${columnsOf(def).join(',')}.`,
        }),
      );
      continue;
    }
    const isPublished = published?.tables.has(def.name) ?? false;
    const table = readStoredTable(def, path, REFERENCED_TABLES.has(def.name) || isPublished, options.cacheDir ?? null, options.pieceBytes);
    for (const i of table.issues) issues.push(i);
    if (table.records === 0 && REQUIRED_ROWS.has(def.name)) {
      issues.push(
        issue({
          code: 'empty-table',
          file: def.file,
          message: `${def.file} holds no rows: the ${def.name} table cannot be published empty.`,
          hint: `Restore its rows (git log -p data/${def.file} shows what was there).`,
        }),
      );
    }
    if (isPublished && table.records !== null) current.set(def.name, { count: table.records, keys: table.rawKeys });
    if (table.columns) {
      const stored = table;
      columns[def.name] = table.columns;
      // Rows made on first read, then kept as a plain value.
      Object.defineProperty(tables, def.name, {
        configurable: true,
        enumerable: true,
        get: () => {
          const rows = stored.rows;
          Object.defineProperty(tables, def.name, { value: rows, writable: true, configurable: true, enumerable: true });
          return rows;
        },
      });
    } else tables[def.name] = table.rows;
    lines[def.name] = table.lines;
    rawKeys[def.name] = table.rawKeys;
    if (table.pieces) pieces[def.name] = table.pieces;
  }
  if (published) {
    const removalsPath = join(dir, REMOVALS_FILE);
    const removals = existsSync(removalsPath) ? readRemovals(new Uint8Array(readFileSync(removalsPath))) : { removals: [], issues: [] };
    issues.push(...removals.issues, ...validatePublished(current, published, removals.removals));
  }
  const reference = readReference(dir, issues);
  return {
    dir,
    meta: readMeta(dir, issues),
    tables: tables as Tables,
    columns: columns,
    pieces,
    lines: lines as RawDataset['lines'],
    rawKeys: rawKeys as RawDataset['rawKeys'],
    issues,
    reference,
  };
}

/**
 * How many rows passed their schema, over every table: counted on the store's columns where a table
 * came from the store, so that counting does not make its rows (3.95 M objects at bench scale M50).
 */
export function checkedRows(data: Pick<RawDataset, 'tables' | 'columns'>): number {
  let n = 0;
  for (const def of TABLES) n += data.columns[def.name]?.length ?? data.tables[def.name].length;
  return n;
}

/**
 * Rows [from, to) of a table: taken from its rows when they are made, else made from its store
 * columns (and the table's other rows are not made: 3.95 M objects for observations at M50).
 */
export function rowsBetween<K extends keyof Tables>(
  data: Pick<RawDataset, 'tables' | 'columns'>,
  name: K,
  from: number,
  to: number,
): Tables[K] {
  const columns = data.columns[name];
  const made = Object.getOwnPropertyDescriptor(data.tables, name)?.get === undefined;
  if (made || columns === undefined) return data.tables[name].slice(from, to) as Tables[K];
  const rows: Tables[K][number][] = new Array(to - from);
  for (let i = from; i < to; i++) rows[i - from] = columns.row(i);
  return rows as Tables[K];
}

/**
 * One table file, parsed and checked cell by cell in a single pass: its typed rows with their lines,
 * the raw keys of every readable row (with `keepKeys`: by default referenced tables only), its issues,
 * and how many records it holds (null when the file cannot be read). Pure.
 */
export function readTable<S extends z.ZodObject>(
  def: CsvTableDef<S>,
  bytes: Uint8Array,
  keepKeys = (REFERENCED_TABLES as ReadonlySet<string>).has(def.name),
): TableResult<z.output<S>> {
  const rawKeys = new Set<string>();
  let validator: RowValidator<z.output<S>> | null = null;
  const parsed = parseCsv(bytes, def.file, columnsOf(def), (header) => {
    const v = rowValidator(def, header);
    validator = v;
    return keepKeys ? keyedSink(def, header, v, (key) => rawKeys.add(key)) : v.add;
  });
  const checked = validator as RowValidator<z.output<S>> | null;
  if (!parsed.readable || !checked) return { rows: [], lines: [], rawKeys, issues: parsed.issues, records: null };
  return { rows: checked.rows, lines: checked.lines, rawKeys, issues: [...parsed.issues, ...checked.issues], records: checked.records };
}

/** The validator's sink, giving `onKey` the raw primary key of each record after it is checked. */
function keyedSink<T>(
  def: Pick<CsvTableDef, 'primaryKey'>,
  header: readonly string[],
  v: RowValidator<T>,
  onKey: (key: string) => void,
): RecordSink {
  const positions = columnPositions(header);
  const keyAt = def.primaryKey.map((f) => positions.get(f));
  const keyOf = () => keyAt.map((i) => (i === undefined ? '' : v.raw(i))).join('\u0000');
  const bytes: ByteRecordSink = (...record) => {
    v.add.bytes(...record);
    onKey(keyOf());
  };
  return Object.assign(
    (values: string[], line: number) => {
      v.add(values, line);
      onKey(keyOf());
    },
    { bytes },
  );
}

/** One piece's share of a table's result (table-pieces.ts), its lines counted from the piece's first line (0). */
export interface PiecePart<R> {
  rows: R[];
  lines: Uint32Array;
  rowIssues: Issue[];
  cellIssues: Issue[];
  records: number;
  /** The raw keys of its records, in the order first read (null when the keys are not kept). */
  rawKeys: string[] | null;
}

/** Codes that mean a piece's records may not be those the whole file's reading gives (table-pieces.ts, "When pieces"). */
const WHOLE_FILE_CODES: ReadonlySet<string> = new Set([
  'stray-quote',
  'csv-syntax',
  'mixed-line-endings',
  'bom',
  'encoding-error',
  'empty-file',
  'wrong-delimiter',
]);

/**
 * readTable of pieces of one file, each read alone after the file's header line (`header`, with its
 * line break), through one validator (a distinct cell is checked once over all the pieces): the
 * header's issues, each piece's share of the result in readTable's terms (its lines counted from
 * its first line, `line`), and the rows and file lines of all the pieces one after the other. Null
 * when a piece has a problem that only the whole file's reading can place (WHOLE_FILE_CODES). Pure.
 */
export function readTablePieces<S extends z.ZodObject>(
  def: CsvTableDef<S>,
  header: Uint8Array,
  pieces: readonly { bytes: Uint8Array; line: number }[],
  keepKeys: boolean,
): { headerIssues: Issue[]; parts: PiecePart<z.output<S>>[]; rows: z.output<S>[]; lines: number[] } | null {
  let validator: RowValidator<z.output<S>> | null = null;
  let sink: RecordSink | null = null;
  let keys: string[] = [];
  let headerIssues: Issue[] | null = null;
  const parts: PiecePart<z.output<S>>[] = [];
  // One buffer for the header and each piece in turn: a new one per piece (external memory) had V8
  // collect the rows read so far again and again (nothing of it is kept: cells are copied or decoded).
  const scratch = Buffer.allocUnsafe(header.length + Math.max(0, ...pieces.map((p) => p.bytes.length)));
  header.forEach((b, i) => (scratch[i] = b));
  for (const piece of pieces) {
    const v0 = validator as RowValidator<z.output<S>> | null;
    const before = { rows: v0?.rows.length ?? 0, issues: v0?.issues.length ?? 0, records: v0?.records ?? 0 };
    keys = [];
    scratch.set(piece.bytes, header.length);
    const text = scratch.subarray(0, header.length + piece.bytes.length);
    const parsed = parseCsv(text, def.file, columnsOf(def), (h) => {
      if (sink === null) {
        const v = rowValidator(def, h);
        validator = v;
        sink = keepKeys ? keyedSink(def, h, v, (key) => keys.push(key)) : v.add;
      }
      return sink;
    });
    const checked = validator as RowValidator<z.output<S>> | null;
    if (!parsed.readable || checked === null || parsed.issues.some((i) => WHOLE_FILE_CODES.has(i.code) || i.row === null)) return null;
    // Read alone, the piece's first line is line 2: its lines become file lines (the validator's in place).
    const shift = piece.line - 2;
    const relative = new Uint32Array(checked.rows.length - before.rows);
    for (let i = before.rows; i < checked.rows.length; i++) {
      relative[i - before.rows] = checked.lines[i]! - 2;
      checked.lines[i]! += shift;
    }
    const rebase = (i: Issue): Issue => ({ ...i, row: i.row! - 2 });
    // parseCsv's issues are the header's (line 1), then those of rows; the validator's are the cells'.
    headerIssues ??= parsed.issues.filter((i) => i.row === 1);
    parts.push({
      rows: checked.rows.slice(before.rows),
      lines: relative,
      rowIssues: parsed.issues.filter((i) => i.row !== 1).map(rebase),
      cellIssues: checked.issues.slice(before.issues).map(rebase),
      records: checked.records - before.records,
      rawKeys: keepKeys ? [...new Set(keys)] : null,
    });
  }
  const all = validator as RowValidator<z.output<S>> | null;
  return { headerIssues: headerIssues ?? [], parts, rows: all?.rows ?? [], lines: all?.lines ?? [] };
}

/** A file's bytes as a Uint8Array over the buffer read (not a copy: observations.csv is 469 MB at bench scale M50). */
function readBytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * readTable through the validated store (store.ts): the result stored for the same bytes and code,
 * or the file read and checked, then stored. The same result either way (tests/unit/data/store.test.ts).
 * A file is read at most once: when this process already knows its hash (the hash of the data folder,
 * which the build's model takes first), a stored file is not read at all; otherwise the bytes read
 * give the hash (remembered for the folder's) and, on a miss, are checked. A result is stored under
 * the hash of the very bytes checked. A large file missing from the store is read through its stored
 * pieces (table-pieces.ts), so that a change of a few rows checks only the pieces that hold them.
 */
function readStoredTable(
  def: CsvTableDef<z.ZodObject>,
  path: string,
  keepKeys: boolean,
  cacheDir: string | null,
  pieceBytes?: number,
): TableResult & { columns?: ColumnTable; pieces?: PieceSpan[] } {
  if (cacheDir === null) {
    const bytes = readBytes(path);
    const result = readTable(def, bytes, keepKeys);
    letGo(bytes);
    return result;
  }
  const known = knownFileHash(path);
  const read = known === null ? readHashed(path) : null;
  const stored = loadTable(cacheDir, def.name, known ?? read!.hash, keepKeys);
  // Keys not asked for are not handed on: the result is the same as without the store. (`rows` is
  // a getter of the stored result: the object is kept, not spread, so that it is not made here.)
  if (stored) {
    if (read) letGo(read.bytes);
    if (!keepKeys) stored.rawKeys = new Set();
    return stored;
  }
  const bytes = read?.bytes ?? readBytes(path);
  const hash = read?.hash ?? hashBytes(bytes);
  // A large file is read through its stored pieces: one changed cell parses one piece again.
  const result = readPiecedTable(def, bytes, keepKeys, cacheDir, pieceBytes, () => letGo(bytes)) ?? readTable(def, bytes, keepKeys);
  letGo(bytes);
  saveTable(cacheDir, def.name, hash, result, keepKeys);
  // Rows read whole (no stored piece): the columns were only for the store; the rows are kept instead.
  if ('columns' in result && Object.getOwnPropertyDescriptor(result, 'rows')?.get === undefined) {
    const { columns: _, ...rows } = result;
    return rows;
  }
  return result;
}

/** Tables a dataset cannot be published without a row of (the others may be empty, e.g. before any task is recorded). */
const REQUIRED_ROWS: ReadonlySet<TableName> = new Set<TableName>([
  'provinces',
  'former_provinces',
  'communes',
  'documents',
  'indicators',
  'observations',
]);

/**
 * The keys and row counts of the tables of the latest release (data/releases), or null when there is
 * none or the index cannot be read (validateReleases reports that).
 */
function readPublished(dir: string): PublishedData | null {
  let version: string | undefined;
  try {
    version = readReleaseIndex(dir).releases.at(-1)?.version;
  } catch {
    return null;
  }
  if (version === undefined) return null;
  const tables = new Map<TableName, TableKeys>();
  for (const def of TABLES) {
    const path = join(releaseDir(dir, version), def.file);
    if (existsSync(path)) tables.set(def.name, readTableKeys(def, new Uint8Array(readFileSync(path))));
  }
  return { version, tables };
}

const REFERENCE_PROVINCES = 'reference/provinces.csv';
const REFERENCE_COLUMNS = [
  'province_code',
  'name_vi',
  'full_name_vi',
  'name_en',
  'full_name_en',
  'unit_short_name_vi',
  'unit_full_name_vi',
  'commune_count',
];

/** The reference list of provinces, when data/reference/provinces.csv exists (fixture trees have none). */
function readReference(dir: string, issues: Issue[]): ReferenceLists | null {
  const path = join(dir, REFERENCE_PROVINCES);
  if (!existsSync(path)) return null;
  const parsed = parseCsv(new Uint8Array(readFileSync(path)), REFERENCE_PROVINCES, REFERENCE_COLUMNS);
  issues.push(...parsed.issues);
  const at = columnPositions(parsed.header);
  const provinces = new Map<string, { name_vi: string; full_name_vi: string }>();
  for (const r of parsed.records) {
    provinces.set(r.values[at.get('province_code') ?? -1] ?? '', {
      name_vi: r.values[at.get('name_vi') ?? -1] ?? '',
      full_name_vi: r.values[at.get('full_name_vi') ?? -1] ?? '',
    });
  }
  return { file: REFERENCE_PROVINCES, provinces };
}

function readMeta(dir: string, issues: Issue[]): DatasetMeta | null {
  const file = 'dataset.json';
  const path = join(dir, file);
  if (!existsSync(path)) {
    issues.push(
      issue({
        code: 'missing-file',
        file,
        message: 'dataset.json is missing.',
        hint: 'Create data/dataset.json with the as-of date and the sources (see data/README.md).',
      }),
    );
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)));
  } catch (e) {
    issues.push(
      issue({
        code: 'json-syntax',
        file,
        message: `dataset.json cannot be read: ${(e as Error).message}`,
        hint: 'Fix the JSON syntax (a validator such as `node -e "JSON.parse(...)"` shows where).',
      }),
    );
    return null;
  }
  const result = DatasetMetaSchema.safeParse(json);
  if (!result.success) {
    for (const zi of result.error.issues) {
      issues.push(
        issue({
          code: 'metadata-error',
          file,
          column: zi.path.join('.'),
          message: zi.message,
          hint: 'See the description of dataset.json in data/README.md.',
        }),
      );
    }
    return null;
  }
  return result.data;
}
