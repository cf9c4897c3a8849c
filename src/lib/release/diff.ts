/**
 * Cell-level comparison of two versions of a table, keyed by its primary key. Rows are aligned by
 * daff (the table-diff library of the Open Data community); old and new values come from the two
 * tables themselves, so a value containing "->" is never misread.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import daff from 'daff';
import Papa from 'papaparse';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { detach } from '../text.ts';

export type Row = Record<string, string>;
export interface ChangedRow {
  key: string;
  before: Row;
  after: Row;
  /** Columns whose value changed. */
  columns: string[];
}
export interface TableChanges {
  table: string;
  file: string;
  added: Row[];
  removed: Row[];
  changed: ChangedRow[];
  /** How many rows were added, removed and changed; more than the arrays hold when the diff was sampled. */
  counts: { added: number; removed: number; changed: number };
}

/** A CSV file on disk, read whole only where the whole file is compared (a table added or removed whole is read in pieces). */
export interface CsvFile {
  path: string;
}

/**
 * A version of a CSV file: its text, its bytes (UTF-8, already validated) when it may be too large
 * for one string, or the file itself (the working data: observations.csv is 469 MB at bench scale
 * M50, and a site without a release only counts it and shows its first rows).
 */
export type CsvInput = string | Uint8Array | CsvFile;

const isFile = (input: CsvInput): input is CsvFile => typeof input === 'object' && !(input instanceof Uint8Array);
/** The text or bytes of an input (a file read whole). */
const loaded = (input: CsvInput): string | Uint8Array => (isFile(input) ? new Uint8Array(readFileSync(input.path)) : input);
const textOf = (input: CsvInput): string => {
  const l = loaded(input);
  return typeof l === 'string' ? l : new TextDecoder().decode(l);
};
const bytesOf = (input: string | Uint8Array): Buffer =>
  typeof input === 'string' ? Buffer.from(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);

const PIECE = 16 * 2 ** 20;
/** The bytes of an input in order: a file in pieces of 16 MiB (one buffer, reused: a piece is valid until the next), else whole. */
function* piecesOf(input: CsvInput, piece = PIECE): Generator<Uint8Array> {
  if (!isFile(input)) {
    yield bytesOf(input);
    return;
  }
  const fd = openSync(input.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(piece);
    for (let n = readSync(fd, buffer, 0, piece, null); n > 0; n = readSync(fd, buffer, 0, piece, null)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The first `size` bytes of an input (fewer when it is shorter) and whether that is all of it. */
function prefixOf(input: Uint8Array | CsvFile, size: number): { bytes: Uint8Array; whole: boolean } {
  if (!isFile(input)) return { bytes: input.subarray(0, size), whole: size >= input.length };
  const length = statSync(input.path).size;
  const bytes = Buffer.allocUnsafe(Math.min(size, length));
  const fd = openSync(input.path, 'r');
  try {
    for (let at = 0; at < bytes.length;) at += readSync(fd, bytes, at, bytes.length - at, at);
  } finally {
    closeSync(fd);
  }
  return { bytes, whole: size >= length };
}

function parse(input: CsvInput): string[][] {
  return Papa.parse<string[]>(textOf(input).replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
}

/**
 * Both tables with the union of their columns, in the after table's order: a column added to the
 * schema since the release (as_of, rank_of, quote) reads as empty in the release, so a row is changed
 * only where a cell really differs, and a key that gained a column still matches its row.
 */
function withSameColumns(before: string[][], after: string[][]): [string[][], string[][]] {
  const [bh = [], ...brows] = before;
  const [ah = [], ...arows] = after;
  if (bh.length === ah.length && bh.every((h, i) => h === ah[i])) return [before, after];
  const columns = [...ah, ...bh.filter((h) => !ah.includes(h))];
  const reorder = (header: string[], rows: string[][]) => {
    const at = columns.map((c) => header.indexOf(c));
    return [columns, ...rows.map((r) => at.map((i) => (i < 0 ? '' : (r[i] ?? ''))))];
  };
  return [reorder(bh, brows), reorder(ah, arows)];
}

/** A row's key as shown in changelogs: "dti | province | 01 | 2024"; empty trailing parts (an empty as_of) are left out. */
export function joinKey(parts: readonly string[]): string {
  let end = parts.length;
  while (end > 1 && parts[end - 1] === '') end--;
  return parts.slice(0, end).join(' | ');
}

function toRows(table: string[][]): Row[] {
  const [header = [], ...rows] = table;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Whether a CSV file has a row under its header (headers hold no line breaks in this contract). */
function hasRows(input: CsvInput | null): boolean {
  if (!input) return false;
  let header = true;
  for (const bytes of piecesOf(input)) {
    let from = 0;
    if (header) {
      const newline = bytes.indexOf(0x0a);
      if (newline < 0) continue;
      header = false;
      from = newline + 1;
    }
    for (let i = from; i < bytes.length; i++)
      if (bytes[i] !== 0x20 && bytes[i] !== 0x09 && bytes[i] !== 0x0d && bytes[i] !== 0x0a) return true;
  }
  return false;
}

/**
 * Records under the header of a CSV file, counted without parsing the cells: a line break ends a
 * record unless it stands inside a quoted cell (RFC 4180), i.e. after an odd number of quotes.
 * Empty lines are not records, as with papaparse's skipEmptyLines. The files compared here passed
 * the validator (working data, or a release checked byte for byte), so their quotes pair up.
 * Counted on the UTF-8 bytes (quotes and line breaks are single bytes there), so a file longer than
 * V8's longest string (scale L's 664 MB observations.csv) is counted too.
 */
export function countRecords(input: CsvInput, piece = PIECE): number {
  let records = 0;
  let inQuotes = false;
  // The current record's bytes so far (its quoted line breaks too), and whether the last of them is a CR.
  let length = 0;
  let cr = false;
  for (const bytes of piecesOf(input, piece)) {
    // The next quote at or after the current line (-1: none left in this piece): each quote is looked for once.
    let quote = bytes.indexOf(0x22);
    for (let pos = 0; pos < bytes.length;) {
      const newline = bytes.indexOf(0x0a, pos);
      const end = newline < 0 ? bytes.length : newline;
      for (; quote >= 0 && quote < end; quote = bytes.indexOf(0x22, quote + 1)) inQuotes = !inQuotes;
      if (end > pos) {
        length += end - pos;
        cr = bytes[end - 1] === 0x0d;
      }
      if (newline < 0) break;
      if (inQuotes) {
        length++;
        cr = false;
      } else {
        if (length - (cr ? 1 : 0) > 0) records++;
        length = 0;
        cr = false;
      }
      pos = newline + 1;
    }
  }
  if (!inQuotes && length - (cr ? 1 : 0) > 0) records++;
  return Math.max(0, records - 1);
}

/** The header and the first `count` records of a CSV file; only as much of it as they need is decoded. */
function firstRecords(input: CsvInput, count: number): string[][] {
  const options = { header: false, delimiter: ',', skipEmptyLines: true as const, fastMode: false };
  if (typeof input === 'string' || !Number.isFinite(count))
    return Papa.parse<string[]>(textOf(input).replace(/^\uFEFF/, ''), { ...options, preview: Number.isFinite(count) ? count + 1 : 0 }).data;
  // A prefix holds the first count + 1 records whole once a record after them has begun in it.
  for (let size = 1 << 20; ; size *= 2) {
    const { bytes, whole } = prefixOf(input, size);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const records = Papa.parse<string[]>(text, { ...options, preview: count + 2 }).data;
    if (whole) return records.slice(0, count + 1);
    if (records.length === count + 2) return records.slice(0, -1);
  }
}

/**
 * The first `sample` rows of a CSV file and the number of rows. Only those rows are parsed: a
 * table of 1.6 million rows added at once is counted, not held as records.
 */
function sampleRows(input: CsvInput, sample: number): { rows: Row[]; count: number } {
  // fastMode off (firstRecords): on a quote-free text papaparse's fast mode splits every line first, preview or not.
  const [header = [], ...data] = firstRecords(input, sample);
  // Kept rows are detached from the file's text, which can then be freed.
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [detach(h), detach(r[i] ?? '')])));
  return { rows, count: Number.isFinite(sample) ? countRecords(input) : rows.length };
}

/**
 * `sample`: keep at most this many rows of each kind (with the full counts), for pages that show
 * only the first rows; a whole table added or removed is then counted without being held in memory.
 */
export function diffTable(
  def: Pick<TableDef, 'name' | 'file' | 'primaryKey'>,
  beforeFile: CsvInput | null,
  afterFile: CsvInput | null,
  sample = Infinity,
): TableChanges {
  const result: TableChanges = {
    table: def.name,
    file: def.file,
    added: [],
    removed: [],
    changed: [],
    counts: { added: 0, removed: 0, changed: 0 },
  };
  const beforeEmpty = !hasRows(beforeFile);
  const afterEmpty = !hasRows(afterFile);
  if (beforeEmpty || afterEmpty) {
    if (beforeEmpty && !afterEmpty) ({ rows: result.added, count: result.counts.added } = sampleRows(afterFile!, sample));
    if (afterEmpty && !beforeEmpty) ({ rows: result.removed, count: result.counts.removed } = sampleRows(beforeFile!, sample));
    return result;
  }
  const [before, after] = withSameColumns(parse(beforeFile!), parse(afterFile!));
  const keyOf = (row: Row) => joinKey(def.primaryKey.map((k) => row[k] ?? ''));
  const flags = new daff.CompareFlags();
  for (const k of def.primaryKey) flags.addPrimaryKey(k);
  flags.show_unchanged = false;
  const alignment = daff.compareTables(new daff.TableView(before), new daff.TableView(after), flags).align();
  const out = new daff.TableView([]);
  new daff.TableDiff(alignment, flags).hilite(out);
  const diff = out.data;
  // When columns were added or removed (a new contract), daff puts a schema row ("!") before the header ("@@").
  const headerAt = Math.max(
    0,
    diff.findIndex((line) => line[0] === '@@'),
  );
  const header = diff[headerAt] ?? [];
  const beforeByKey = new Map(toRows(before).map((r) => [keyOf(r), r]));
  const afterByKey = new Map(toRows(after).map((r) => [keyOf(r), r]));
  const keyCols = def.primaryKey.map((k) => header.indexOf(k));
  for (const line of diff.slice(headerAt + 1)) {
    const action = line[0];
    if (action !== '+++' && action !== '---' && action !== '->') continue;
    // In a "->" row a key cell may read "old->new" only if the key itself changed, which daff reports as remove + add.
    const key = joinKey(keyCols.map((i) => line[i] ?? ''));
    if (action === '+++') result.added.push(afterByKey.get(key)!);
    else if (action === '---') result.removed.push(beforeByKey.get(key)!);
    else {
      const b = beforeByKey.get(key)!;
      const a = afterByKey.get(key)!;
      result.changed.push({ key, before: b, after: a, columns: Object.keys(a).filter((c) => a[c] !== b[c]) });
    }
  }
  result.counts = { added: result.added.length, removed: result.removed.length, changed: result.changed.length };
  result.added = result.added.slice(0, sample);
  result.removed = result.removed.slice(0, sample);
  result.changed = result.changed.slice(0, sample);
  return result;
}

/** Changes of every table between two data trees given as file readers (null = file absent). */
export function diffDatasets(
  readBefore: (file: string) => CsvInput | null,
  readAfter: (file: string) => CsvInput | null,
  sample = Infinity,
): TableChanges[] {
  return TABLES.map((def) => diffTable(def, readBefore(def.file), readAfter(def.file), sample));
}

export function countChanges(changes: readonly TableChanges[]): { added: number; removed: number; changed: number } {
  return changes.reduce(
    (acc, c) => ({ added: acc.added + c.counts.added, removed: acc.removed + c.counts.removed, changed: acc.changed + c.counts.changed }),
    { added: 0, removed: 0, changed: 0 },
  );
}
