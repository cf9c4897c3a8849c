/**
 * The validated store: what reading and checking one table file gave (its typed rows, their lines,
 * the raw keys, the issues), kept in the build's cache (src/lib/cache) under the SHA-256 of the
 * file's bytes and the code hash, so that an unchanged file is never parsed or checked again, by
 * this process or the next (npm run validate:data writes it; the build's model and downloads read it).
 *
 * Columnar, because what matters is how fast and how small a table comes back (docs/performance.md,
 * "The validated store"): a column of numbers (and nulls) is a Float64Array with a null mask; any
 * other column is dictionary-coded, its distinct values once and a code per row (Uint8/16/32Array),
 * so the rows decoded share one string per distinct cell, as the validator's cell cache makes them.
 * The whole entry is one v8.serialize of those arrays (typed arrays are copied as bytes).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cacheKey, codeHash, hashBytes, pruneEntries, readEntry, writeEntry } from '../cache/index.ts';
import type { Issue } from './issues.ts';

/** What readTable gives for one file (read-dataset.ts). */
export interface TableResult<R = Record<string, unknown>> {
  rows: R[];
  lines: number[];
  rawKeys: Set<string>;
  issues: Issue[];
  records: number | null;
  /** The pieces the file was read in (table-pieces.ts), in order; absent when it was read whole. */
  pieces?: PieceSpan[];
}

/**
 * One piece of a table file read in pieces: the key of its stored piece (pieceKey: its bytes, the
 * header, the code), how many typed rows it gave, and its first file line. The rules across tables
 * key their results of a piece's rows by it (validate-dataset.ts).
 */
export interface PieceSpan {
  key: string;
  rows: number;
  line: number;
}

/** The cache folder kind of table entries; the format version is part of the key. */
const KIND = 'nq57-tables';
const FORMAT = 2;
/** How many versions of one table's file are kept (the newest; older ones are removed on a store). */
const KEEP = 3;
/** The name of a table's entry: the table, then its key (so that older versions of one table can be pruned). */
const entryName = (table: string, key: string) => `${table}.${key}`;

/** One column of a table: numbers in a Float64Array (a null mask beside), dictionary codes, or the values as they are. */
export type Column =
  | { kind: 'number'; values: Float64Array; nulls: Uint8Array | null }
  | { kind: 'dict'; dict: unknown[]; codes: Uint8Array | Uint16Array | Uint32Array }
  | { kind: 'any'; values: unknown[] };

interface Encoded {
  format: number;
  columns: string[];
  data: Column[];
  lines: Uint32Array;
  /** null when the raw keys were not kept (a table nothing points to). */
  rawKeys: string[] | null;
  issues: Issue[];
  records: number | null;
  pieces: PieceSpan[] | null;
}

/** -0 and 0 are one Map key (SameValueZero): -0 gets its own, so that it comes back as -0. */
const NEGATIVE_ZERO = Symbol('-0');
const dictKey = (v: unknown) => (Object.is(v, -0) ? NEGATIVE_ZERO : v);

function encodeColumn(rows: readonly Record<string, unknown>[], name: string): Column {
  let numbers = true;
  let primitive = true;
  let hasNull = false;
  const codes = new Map<unknown, number>();
  const dict: unknown[] = [];
  // A cell equal to the one above (most columns of a sorted file) costs no Map look-up: its flags
  // and its code are the ones just seen, and a dictionary that was full stays full.
  let previous: unknown = NO_VALUE;
  for (const row of rows) {
    const v = row[name];
    const k = dictKey(v);
    if (k === previous) continue;
    previous = k;
    if (v === null) hasNull = true;
    else if (typeof v !== 'number') numbers = false;
    if (v !== null && typeof v === 'object') primitive = false;
    if (!codes.has(k) && dict.length <= 65_536) {
      codes.set(k, dict.length);
      dict.push(v);
    }
  }
  if (!primitive) return { kind: 'any', values: rows.map((r) => r[name]) };
  // Numbers with many distinct values (the observations' values): 8 bytes a row, no dictionary.
  if (numbers && dict.length > 65_536) {
    const values = new Float64Array(rows.length);
    const nulls = hasNull ? new Uint8Array(rows.length) : null;
    rows.forEach((r, i) => {
      const v = r[name] as number | null;
      if (v === null) nulls![i] = 1;
      else values[i] = v;
    });
    return { kind: 'number', values, nulls };
  }
  if (dict.length > 65_536)
    for (const row of rows) {
      const k = dictKey(row[name]);
      if (!codes.has(k)) {
        codes.set(k, dict.length);
        dict.push(row[name]);
      }
    }
  const out =
    dict.length <= 256 ? new Uint8Array(rows.length) : dict.length <= 65_536 ? new Uint16Array(rows.length) : new Uint32Array(rows.length);
  previous = NO_VALUE;
  let code = 0;
  for (let i = 0; i < rows.length; i++) {
    const k = dictKey(rows[i]![name]);
    if (k !== previous) {
      previous = k;
      code = codes.get(k)!;
    }
    out[i] = code;
  }
  return { kind: 'dict', dict, codes: out };
}

/** A key no cell has: the "cell above" of the first row. */
const NO_VALUE = Symbol('none');

/**
 * A table's typed rows as columns, the store's representation (about 20 bytes a row for the
 * observations, against about 200 for a row object): a row object is made only when one is asked
 * for, with the keys in the order of the validator's rows and one shared value per distinct cell.
 * The same columns whether they come from a store entry or from rows just read (fromRows).
 */
export class ColumnTable<R extends object = Record<string, unknown>> {
  readonly columns: readonly string[];
  readonly data: readonly Column[];
  readonly length: number;
  private readonly template: Record<string, unknown>;

  constructor(columns: readonly string[], data: readonly Column[], length: number) {
    this.columns = columns;
    this.data = data;
    this.length = length;
    this.template = Object.fromEntries(columns.map((c) => [c, null]));
  }

  /** The columns of `rows` (their keys are the first row's, in its order; every row has the same keys). */
  static fromRows<R extends object>(rows: readonly R[]): ColumnTable<R> {
    const records = rows as readonly Record<string, unknown>[];
    const columns = records.length > 0 ? Object.keys(records[0]!) : [];
    return new ColumnTable<R>(
      columns,
      columns.map((c) => encodeColumn(records, c)),
      rows.length,
    );
  }

  /**
   * The tables one after the other, as the columns `fromRows` makes of all their rows: the same
   * kinds, dictionaries (first appearance first) and codes, without looking at a row. How a table
   * checked in pieces is put together (table-pieces.ts). Tables without rows (no columns) add none.
   */
  static concat<R extends object>(tables: readonly ColumnTable<R>[]): ColumnTable<R> {
    const parts = tables.filter((t) => t.length > 0);
    const length = parts.reduce((n, t) => n + t.length, 0);
    if (parts.length === 0) return new ColumnTable<R>([], [], 0);
    const columns = parts[0]!.columns;
    for (const t of parts)
      if (t.columns.length !== columns.length || t.columns.some((c, i) => c !== columns[i]))
        throw new Error(`tables of other columns: ${t.columns.join(',')} and ${columns.join(',')}`);
    return new ColumnTable<R>(
      columns,
      columns.map((_, c) =>
        concatColumns(
          parts.map((t) => t.data[c]!),
          parts.map((t) => t.length),
          length,
        ),
      ),
      length,
    );
  }

  /** Row `i` as a new object (the validator's row, equal field by field). */
  row(i: number): R {
    let read = readers.get(this);
    if (read === undefined) readers.set(this, (read = rowReader(this.columns, this.data, this.template)));
    return read(i) as R;
  }

  /** Every row, in order. */
  rows(): R[] {
    const out: R[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.row(i);
    return out;
  }

  /** The column `name`, or undefined when the table has none (an empty table has no columns). */
  column(name: string): Column | undefined {
    const at = this.columns.indexOf(name);
    return at < 0 ? undefined : this.data[at];
  }

  /**
   * The column `name` as dictionary codes (its distinct values once, by SameValueZero but -0 apart,
   * and a code per row): a dictionary-coded column as it is, another one coded here.
   */
  codes(name: string): { dict: readonly unknown[]; codes: ArrayLike<number> } {
    const col = this.column(name);
    if (col === undefined) return { dict: [], codes: new Uint32Array(this.length) };
    if (col.kind === 'dict') return col;
    const index = new Map<unknown, number>();
    const dict: unknown[] = [];
    const codes = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const v = cell(col, i);
      const k = dictKey(v);
      let code = index.get(k);
      if (code === undefined) {
        index.set(k, (code = dict.length));
        dict.push(v);
      }
      codes[i] = code;
    }
    return { dict, codes };
  }
}

/** Each table's rowReader, made when its first row is (beside the table: two tables of the same columns stay equal). */
const readers = new WeakMap<ColumnTable<object>, (i: number) => Record<string, unknown>>();

/**
 * A function that makes row `i` of these columns: one object literal reading each column's arrays as
 * its kind needs (every row one shape, keys in column order), made once per table. A row built key
 * by key from a template, each cell through `cell`, cost 1.4 s of a warm check of observations.csv
 * at M50 (3.9 M rows, for the rules across tables). Columns whose names are not plain keys are read
 * the slow way.
 */
function rowReader(
  columns: readonly string[],
  data: readonly Column[],
  template: Record<string, unknown>,
): (i: number) => Record<string, unknown> {
  if (columns.some((c) => !/^[a-z][a-z0-9_]*$/.test(c)))
    return (i) => {
      const row: Record<string, unknown> = { ...template };
      for (let c = 0; c < columns.length; c++) row[columns[c]!] = cell(data[c]!, i);
      return row;
    };
  const args: unknown[] = [];
  const cells = data.map((col, c) => {
    if (col.kind === 'dict') {
      args.push(col.dict, col.codes);
      return `${columns[c]}: a[${args.length - 2}][a[${args.length - 1}][i]]`;
    }
    if (col.kind === 'number' && col.nulls !== null) {
      args.push(col.nulls, col.values);
      return `${columns[c]}: a[${args.length - 2}][i] === 1 ? null : a[${args.length - 1}][i]`;
    }
    args.push(col.values);
    return `${columns[c]}: a[${args.length - 1}][i]`;
  });
  // Each array in a local of its own, so that the literal reads locals.
  const locals = args.map((_, k) => `const a${k} = a[${k}];`).join(' ');
  const body = cells.map((c) => c.replace(/a\[(\d+)\]/g, 'a$1')).join(', ');
  return new Function('a', `${locals} return (i) => ({ ${body} });`)(args) as (i: number) => Record<string, unknown>;
}

/** Columns of `lengths[p]` rows each, one after the other, as encodeColumn codes their cells (the same choice of kind). */
function concatColumns(parts: readonly Column[], lengths: readonly number[], length: number): Column {
  if (parts.some((p) => p.kind === 'any')) {
    const values: unknown[] = [];
    parts.forEach((p, k) => {
      for (let i = 0; i < lengths[k]!; i++) values.push(cell(p, i));
    });
    return { kind: 'any', values };
  }
  // The dictionary of every part's distinct values, first appearance first: a part's own dictionary
  // lists its values in that order, so a value new to the whole comes in its part's order.
  let numbers = true;
  let hasNull = false;
  const codes = new Map<unknown, number>();
  const dict: unknown[] = [];
  const remaps: Uint32Array[] = [];
  const learn = (v: unknown): number => {
    const k = dictKey(v);
    let code = codes.get(k);
    if (code === undefined) {
      codes.set(k, (code = dict.length));
      dict.push(v);
      if (v === null) hasNull = true;
      else if (typeof v !== 'number') numbers = false;
    }
    return code;
  };
  for (const [k, p] of parts.entries()) {
    if (p.kind === 'dict') remaps.push(Uint32Array.from(p.dict, learn));
    else {
      remaps.push(new Uint32Array(0));
      for (let i = 0; i < lengths[k]!; i++) learn(cell(p, i));
    }
  }
  if (numbers && dict.length > 65_536) {
    const values = new Float64Array(length);
    const nulls = hasNull ? new Uint8Array(length) : null;
    let at = 0;
    parts.forEach((p, k) => {
      for (let i = 0; i < lengths[k]!; i++, at++) {
        const v = cell(p, i) as number | null;
        if (v === null) nulls![at] = 1;
        else values[at] = v;
      }
    });
    return { kind: 'number', values, nulls };
  }
  const out = dict.length <= 256 ? new Uint8Array(length) : dict.length <= 65_536 ? new Uint16Array(length) : new Uint32Array(length);
  let at = 0;
  parts.forEach((p, k) => {
    const n = lengths[k]!;
    if (p.kind === 'dict') {
      const remap = remaps[k]!;
      const from = p.codes;
      // A part whose values come in the whole's order (the first part; in most columns every part):
      // its codes are the whole's, copied as they are.
      if (remap.every((code, j) => code === j)) out.set(from.subarray(0, n), at);
      else for (let i = 0; i < n; i++) out[at + i] = remap[from[i]!]!;
    } else for (let i = 0; i < n; i++) out[at + i] = codes.get(dictKey(cell(p, i)))!;
    at += n;
  });
  return { kind: 'dict', dict, codes: out };
}

/** The value of row `i` in a column. */
export function cell(col: Column, i: number): unknown {
  if (col.kind === 'number') return col.nulls !== null && col.nulls[i] === 1 ? null : col.values[i];
  if (col.kind === 'dict') return col.dict[col.codes[i]!];
  return col.values[i];
}

/**
 * One table's result as the bytes of a store entry; `columns`, when given, are its rows as columns
 * already (a table put together from pieces: its rows are not read).
 */
export function encodeTable(result: TableResult<object> & { columns?: ColumnTable<object> }, keptKeys: boolean): Uint8Array {
  const table = result.columns ?? ColumnTable.fromRows(result.rows);
  const encoded: Encoded = {
    format: FORMAT,
    columns: [...table.columns],
    data: [...table.data],
    lines: Uint32Array.from(result.lines),
    rawKeys: keptKeys ? [...result.rawKeys] : null,
    issues: result.issues,
    records: result.records,
    pieces: result.pieces ?? null,
  };
  return serialize(encoded);
}

/** What a store entry holds: the table as columns, the lines of its rows, the raw keys when kept, its issues. */
export interface StoredTable {
  table: ColumnTable;
  lines: Uint32Array;
  rawKeys: string[] | null;
  issues: Issue[];
  records: number | null;
  pieces: PieceSpan[] | null;
}

function decodeStored(bytes: Uint8Array): StoredTable {
  const e = deserialize(bytes) as Encoded;
  if (e.format !== FORMAT) throw new Error(`store entry of format ${e.format}, not ${FORMAT}`);
  return {
    table: new ColumnTable(e.columns, e.data, e.lines.length),
    lines: e.lines,
    rawKeys: e.rawKeys,
    issues: e.issues,
    records: e.records,
    pieces: e.pieces,
  };
}

/** A stored table as readTable's result, its columns beside; the rows are made when first read (`rows` is a getter). */
function resultOf(stored: StoredTable): TableResult & { keptKeys: boolean; columns: ColumnTable } {
  let rows: Record<string, unknown>[] | null = null;
  return {
    get rows() {
      return (rows ??= stored.table.rows());
    },
    lines: Array.from(stored.lines),
    rawKeys: new Set(stored.rawKeys ?? []),
    issues: stored.issues,
    records: stored.records,
    keptKeys: stored.rawKeys !== null,
    columns: stored.table,
    ...(stored.pieces === null ? {} : { pieces: stored.pieces }),
  };
}

/** A store entry back as readTable's result: rows share one value per distinct cell, keys in the order stored. */
export function decodeTable(bytes: Uint8Array): TableResult & { keptKeys: boolean; columns: ColumnTable } {
  return resultOf(decodeStored(bytes));
}

/** The key of a table file's entry: its table, the SHA-256 of its bytes, the code hash and the format. */
export function tableKey(table: string, contentHash: string, code: string | null = codeHash()): string | null {
  return cacheKey([KIND, String(FORMAT), table, contentHash], code);
}

/**
 * The stored result of a table file, or null on a miss. With `needKeys`, an entry stored without its
 * raw keys is a miss too. A corrupt entry is a miss (the file is read and checked again).
 */
export function loadTable(
  cacheDir: string,
  table: string,
  contentHash: string,
  needKeys: boolean,
  code: string | null = codeHash(),
): (TableResult & { columns: ColumnTable }) | null {
  const key = tableKey(table, contentHash, code);
  if (key === null) return null;
  const bytes = readEntry(cacheDir, KIND, entryName(table, key));
  if (bytes === null) return null;
  try {
    const t = decodeTable(bytes);
    return needKeys && !t.keptKeys ? null : t;
  } catch {
    return null;
  }
}

/** Stores a table file's result (best effort: a cache that cannot be written is no error). */
export function saveTable(
  cacheDir: string,
  table: string,
  contentHash: string,
  result: TableResult<object> & { columns?: ColumnTable<object> },
  keptKeys: boolean,
  code: string | null = codeHash(),
): void {
  const key = tableKey(table, contentHash, code);
  if (key !== null && writeEntry(cacheDir, KIND, entryName(table, key), encodeTable(result, keptKeys)))
    pruneEntries(cacheDir, KIND, `${table}.`, KEEP);
}

const CROSS = 'nq57-cross-table';

/** The key of the rules across tables of a data directory: every file under it (folderHash) and the code. */
export function crossKey(dataDirHash: string): string | null {
  return cacheKey([CROSS, String(FORMAT), dataDirHash]);
}

/** The stored issues of the rules across tables for this key, or null on a miss. */
export function loadCrossIssues(cacheDir: string, key: string): Issue[] | null {
  const bytes = readEntry(cacheDir, CROSS, key);
  if (bytes === null) return null;
  try {
    const issues = deserialize(bytes) as unknown;
    return Array.isArray(issues) ? (issues as Issue[]) : null;
  } catch {
    return null;
  }
}

export function saveCrossIssues(cacheDir: string, key: string, issues: readonly Issue[]): void {
  if (writeEntry(cacheDir, CROSS, key, serialize(issues))) pruneEntries(cacheDir, CROSS, '', KEEP);
}

/**
 * The typed rows of a table file whose every row passed (no issue at all), from the store, as
 * columns (a row is made when asked for), or null (a miss, or a file with problems: the caller reads
 * it and reports them). For the downloads, which publish a table only whole and valid. `hash`: the
 * SHA-256 of `bytes`, when the caller has it.
 */
export function storedValidTable(cacheDir: string, table: string, bytes: Uint8Array, hash = hashBytes(bytes)): ColumnTable | null {
  const t = loadTable(cacheDir, table, hash, false);
  return t !== null && t.issues.length === 0 && t.records === t.columns.length ? t.columns : null;
}

const PIECES = 'nq57-table-pieces';

/** What a piece of a table file gave (table-pieces.ts), its lines counted from the piece's first line. */
export interface StoredPiece {
  table: ColumnTable;
  lines: Uint32Array;
  headerIssues: Issue[];
  rowIssues: Issue[];
  cellIssues: Issue[];
  records: number;
  rawKeys: string[] | null;
}

interface EncodedPiece extends Omit<StoredPiece, 'table'> {
  format: number;
  columns: string[];
  data: Column[];
  length: number;
}

/**
 * The key of a piece of a table file: its table, the SHA-256 of the file's header line and of the
 * piece's bytes, whether its raw keys are kept, the code hash and the format.
 */
export function pieceKey(
  table: string,
  headerHash: string,
  pieceHash: string,
  keptKeys: boolean,
  code: string | null = codeHash(),
): string | null {
  return cacheKey([PIECES, String(FORMAT), table, headerHash, pieceHash, keptKeys ? 'keys' : 'no-keys'], code);
}

/** A stored piece, or null on a miss (absent, corrupt, of another format). */
export function loadPiece(cacheDir: string, table: string, key: string): StoredPiece | null {
  const bytes = readEntry(cacheDir, PIECES, entryName(table, key));
  if (bytes === null) return null;
  try {
    const e = deserialize(bytes) as EncodedPiece;
    if (e.format !== FORMAT || e.lines.length !== e.length) return null;
    return {
      table: new ColumnTable(e.columns, e.data, e.length),
      lines: e.lines,
      headerIssues: e.headerIssues,
      rowIssues: e.rowIssues,
      cellIssues: e.cellIssues,
      records: e.records,
      rawKeys: e.rawKeys,
    };
  } catch {
    return null;
  }
}

/** Stores a piece (best effort). */
export function savePiece(cacheDir: string, table: string, key: string, piece: StoredPiece): boolean {
  const { table: columns, ...rest } = piece;
  const encoded: EncodedPiece = { format: FORMAT, columns: [...columns.columns], data: [...columns.data], length: columns.length, ...rest };
  return writeEntry(cacheDir, PIECES, entryName(table, key), serialize(encoded));
}

/**
 * Removes the stored pieces of `table` but those of `keep` (the pieces of its file as it is now):
 * the pieces of a file's earlier versions go when it changes, as its older entries do. Best effort.
 */
export function prunePieces(cacheDir: string, table: string, keep: ReadonlySet<string>, kind = PIECES): void {
  try {
    const dir = join(cacheDir, kind);
    for (const name of readdirSync(dir))
      if (name.startsWith(`${table}.`) && !name.includes('.tmp-') && !keep.has(name.slice(table.length + 1)))
        rmSync(join(dir, name), { force: true });
  } catch {
    // Nothing to prune, or the folder went away: the cache stays as it is.
  }
}

const PIECE_RULES = 'nq57-piece-rules';

/**
 * The key of what the rules across tables found in a piece's rows (validate-dataset.ts): the table,
 * the piece's key (its bytes, the file's header, the code), the hash of everything else the rules
 * read, and the code hash.
 */
export function pieceRulesKey(table: string, piece: string, contextHash: string, code: string | null = codeHash()): string | null {
  return cacheKey([PIECE_RULES, String(FORMAT), table, piece, contextHash], code);
}

/** A piece's stored rule results, or null on a miss (absent, corrupt). */
export function loadPieceRules<T>(cacheDir: string, table: string, key: string): T | null {
  const bytes = readEntry(cacheDir, PIECE_RULES, entryName(table, key));
  if (bytes === null) return null;
  try {
    return deserialize(bytes) as T;
  } catch {
    return null;
  }
}

/** Stores a piece's rule results (best effort). */
export function savePieceRules(cacheDir: string, table: string, key: string, value: unknown): boolean {
  return writeEntry(cacheDir, PIECE_RULES, entryName(table, key), serialize(value));
}

/** Removes the rule results of `table` but those of `keep` (its pieces as they are, with the other tables as they are). */
export function prunePieceRules(cacheDir: string, table: string, keep: ReadonlySet<string>): void {
  prunePieces(cacheDir, table, keep, PIECE_RULES);
}
