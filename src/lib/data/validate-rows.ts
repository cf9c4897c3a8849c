/**
 * Parsed CSV records → typed rows, through the table's zod schema. Each cell problem becomes an
 * Issue with the code the column builder chose (src/schemas/cells.ts).
 *
 * The table schemas are objects of independent column schemas (no rule spans two columns; those
 * live in validate-relations.ts), so each column schema is applied to each distinct value once and
 * the result reused: a column of 1,000,000 cells with 40 distinct codes costs 40 zod parses.
 * Records that come as bytes (parseCsv's byte path) are looked up by their bytes in a dictionary per
 * column, so a cell seen before costs no string: hashing fresh strings and collecting them was most
 * of the time of a 4 M-row file (docs/performance.md, issue #17 part A).
 */
import type { z } from 'zod';
import type { TableDef } from '../../schemas/table.ts';
import type { Code } from './codes.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions, type ByteRecordSink, type RecordSink } from './parse-csv.ts';
import { detach } from '../text.ts';

interface CellResult {
  ok: boolean;
  value: unknown;
  problems: { code: Code; message: string; hint: string }[];
}

/** Checks records one at a time (see parseCsv's `onHeader`); the rows, their lines and the issues grow as it goes. */
export interface RowValidator<T> {
  /** A parseCsv sink: records as strings, and (`add.bytes`) as bytes. */
  add: RecordSink & { bytes: ByteRecordSink };
  /** The raw text of the cell at `position` (of the header) of the record added last. */
  raw: (position: number) => string;
  /** Rows that passed every column check, in file order. */
  rows: T[];
  /** File line of each row of `rows` (same index). */
  lines: number[];
  issues: Issue[];
  /** How many records were checked, valid or not. */
  readonly records: number;
}

/**
 * `header` is the header row as read: problems in columns missing from it were reported once as
 * missing-header and are not repeated on every row. With `onRow`, each row that passes goes to it
 * and is not kept (`rows` and `lines` stay empty): a writer streams a large table row by row.
 */
export function rowValidator<S extends z.ZodObject>(
  def: Pick<TableDef<S>, 'file' | 'row'>,
  header: readonly string[],
  onRow?: (row: z.output<S>, line: number) => void,
): RowValidator<z.output<S>> {
  const positions = columnPositions(header);
  const columns = Object.keys(def.row.shape).filter((c) => positions.has(c));
  const at = columns.map((c) => positions.get(c)!);
  const caches = columns.map(() => new Map<string, CellResult>());
  const schemas = columns.map((c) => def.row.shape[c] as z.ZodType);
  // Rows are typed only when every column of the schema is present (else missing-header was reported).
  const complete = columns.length === Object.keys(def.row.shape).length;
  // Every row is made by one object literal (rowMaker): one shape for all rows, keys in schema order.
  const makeRow = rowMaker(columns);
  const typed: unknown[] = columns.map(() => null);
  const rows: z.output<S>[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  let records = 0;
  let last: readonly string[] = [];
  const add = (values: readonly string[], line: number) => {
    last = values;
    lastBytes = null;
    records++;
    let ok = true;
    for (let i = 0; i < columns.length; i++) {
      const raw = values[at[i]!] ?? '';
      let result = caches[i]!.get(raw);
      if (result === undefined) {
        // Values are kept (the model, the cache): detached from the file's text, which can then be freed.
        result = checkCell(schemas[i]!, detach(raw));
        caches[i]!.set(raw, result);
      }
      if (!result.ok) {
        ok = false;
        for (const p of result.problems) issues.push(issue({ ...p, file: def.file, row: line, column: columns[i]!, value: raw }));
      }
      typed[i] = result.value;
    }
    if (ok && complete) {
      const row = makeRow(typed);
      if (onRow) return onRow(row as z.output<S>, line);
      rows.push(row as z.output<S>);
      lines.push(line);
    }
  };
  const dictionaries = columns.map(() => new CellDictionary());
  const columnAt = new Map(at.map((p, i) => [p, i]));
  const lastIds = new Int32Array(columns.length).fill(-1);
  let lastBytes: Uint8Array | null = null;
  let lastStarts: Int32Array = new Int32Array(0);
  let lastEnds = lastStarts;
  const width = columns.length;
  /** Decodes and checks a cell not seen before in column i, and adds it to the column's dictionary. */
  const learn = (i: number, dictionary: CellDictionary, bytes: Uint8Array, start: number, end: number, hash: number): number => {
    const raw = cellDecoder.decode(bytes.subarray(start, end));
    let result = caches[i]!.get(raw);
    if (result === undefined) {
      result = checkCell(schemas[i]!, raw);
      caches[i]!.set(raw, result);
    }
    return dictionary.add(bytes, start, end, hash, raw, result);
  };
  const report = (i: number, dictionary: CellDictionary, id: number, line: number) => {
    const raw = dictionary.raws[id]!;
    for (const p of dictionary.results[id]!.problems)
      issues.push(issue({ ...p, file: def.file, row: line, column: columns[i]!, value: raw }));
  };
  const addBytes: ByteRecordSink = (bytes, starts, ends, hashes, line) => {
    lastBytes = bytes;
    lastStarts = starts;
    lastEnds = ends;
    records++;
    let ok = true;
    for (let i = 0; i < width; i++) {
      const p = at[i]!;
      const start = starts[p]!;
      const end = ends[p]!;
      const dictionary = dictionaries[i]!;
      const hash = hashes[p]!;
      // Most columns repeat the cell of the row above (a file sorted by indicator and area).
      const above = lastIds[i]!;
      let id = above >= 0 && dictionary.matches(above, bytes, start, end, hash) ? above : dictionary.find(bytes, start, end, hash);
      if (id < 0) id = learn(i, dictionary, bytes, start, end, hash);
      lastIds[i] = id;
      if (dictionary.oks[id] === 0) {
        ok = false;
        report(i, dictionary, id, line);
      }
      typed[i] = dictionary.values[id];
    }
    if (ok && complete) {
      const row = makeRow(typed);
      if (onRow) return onRow(row as z.output<S>, line);
      rows.push(row as z.output<S>);
      lines.push(line);
    }
  };
  const raw = (position: number): string => {
    if (lastBytes === null) return last[position] ?? '';
    const i = columnAt.get(position);
    if (i !== undefined) return dictionaries[i]!.raws[lastIds[i]!]!;
    return cellDecoder.decode(lastBytes.subarray(lastStarts[position], lastEnds[position]));
  };
  return {
    add: Object.assign(add, { bytes: addBytes }),
    raw,
    rows,
    lines,
    issues,
    get records() {
      return records;
    },
  };
}

/**
 * A function that copies `values` into a new row object with the keys `columns` in this order. It is
 * one object literal, so every row has one shape from its creation (V8 can then also allocate rows
 * that live long directly in the old generation); a copy of a template object written key by key
 * cost most of the time of checking a row of the byte path.
 */
function rowMaker(columns: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  if (columns.some((c) => !/^[a-z][a-z0-9_]*$/.test(c))) throw new Error(`column names must be snake_case: ${columns.join(', ')}`);
  // Column names are snake_case (checked above), so each is a plain key of the literal.
  const literal = columns.map((c, i) => `${c}: values[${i}]`).join(', ');
  return new Function('values', `return { ${literal} };`) as (values: readonly unknown[]) => Record<string, unknown>;
}

// ignoreBOM: a cell that starts with U+FEFF keeps it, as parseCsv's decoding of a piece does.
const cellDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The distinct cells of one column, keyed by their bytes (open addressing, linear probing, the
 * table doubled at half full): an entry holds a copy of the bytes, the raw text and its CellResult.
 */
class CellDictionary {
  results: CellResult[] = [];
  raws: string[] = [];
  /** Of each entry: 1 when the cell passed its check, and its typed value (from `results`, for the loop over rows). */
  oks: Uint8Array = new Uint8Array(32);
  values: unknown[] = [];
  private slots = new Int32Array(64).fill(-1);
  private hashes: Int32Array = new Int32Array(32);
  private starts: Int32Array = new Int32Array(32);
  private lengths: Int32Array = new Int32Array(32);
  private arena = new Uint8Array(1024);
  private used = 0;

  /** The entry of `bytes[start..end)` (whose cellHash is `hash`), or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return -1;
      if (this.matches(id, bytes, start, end, hash)) return id;
    }
  }

  /** Whether entry `id` holds the bytes `bytes[start..end)`, whose cellHash is `hash`. */
  matches(id: number, bytes: Uint8Array, start: number, end: number, hash: number): boolean {
    const length = end - start;
    if (this.hashes[id] !== hash || this.lengths[id] !== length) return false;
    const arena = this.arena;
    const at = this.starts[id]! - start;
    for (let k = start; k < end; k++) if (arena[at + k] !== bytes[k]) return false;
    return true;
  }

  add(bytes: Uint8Array, start: number, end: number, hash: number, raw: string, result: CellResult): number {
    const id = this.results.length;
    const length = end - start;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, id * 2);
      this.starts = grown(this.starts, id * 2);
      this.lengths = grown(this.lengths, id * 2);
      const oks = new Uint8Array(id * 2);
      oks.set(this.oks);
      this.oks = oks;
    }
    if (this.used + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.hashes[id] = hash;
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    this.results.push(result);
    this.raws.push(raw);
    this.oks[id] = result.ok ? 1 : 0;
    this.values.push(result.value);
    if ((id + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let e = 0; e <= id; e++) this.place(e);
    } else this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = mix(this.hashes[id]!) & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
}

/** Spreads FNV-1a's bits before the low ones pick a slot. */
function mix(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

function grown(array: Int32Array, length: number): Int32Array {
  const next = new Int32Array(length);
  next.set(array);
  return next;
}

function checkCell(schema: z.ZodType, raw: string): CellResult {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, problems: [] };
  return {
    ok: false,
    value: null,
    problems: parsed.error.issues.map((zi) => {
      // The column builders (src/schemas/cells.ts, zod only) name codes of the catalogue; a test checks each.
      const params = (zi as { params?: { code?: Code; hint?: string } }).params;
      return {
        code: params?.code ?? 'type-error',
        message: zi.message,
        hint: params?.hint ?? 'Check the value against the data dictionary (data/README.md).',
      };
    }),
  };
}
