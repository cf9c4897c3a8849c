/**
 * Cell-level comparison of two versions of a table, keyed by its primary key. Rows are aligned by
 * daff (the table-diff library of the Open Data community); old and new values come from the two
 * tables themselves, so a value containing "->" is never misread.
 */
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

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
}

function toRows(table: string[][]): Row[] {
  const [header = [], ...rows] = table;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Whether a CSV text has a row under its header (headers hold no line breaks in this contract). */
function hasRows(text: string | null): boolean {
  if (!text) return false;
  const newline = text.indexOf('\n');
  return newline >= 0 && text.slice(newline + 1).trim() !== '';
}

/**
 * Records under the header of a CSV text, counted without parsing the cells: a line break ends a
 * record unless it stands inside a quoted cell (RFC 4180), i.e. after an odd number of quotes.
 * Empty lines are not records, as with papaparse's skipEmptyLines. The texts compared here passed
 * the validator (working data, or a release checked byte for byte), so their quotes pair up.
 */
export function countRecords(text: string): number {
  let records = 0;
  let inQuotes = false;
  let recordStart = 0;
  // The next quote at or after the current line (-1: none left): each quote is looked for once.
  let quote = text.indexOf('"');
  for (let pos = 0; ; ) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    for (; quote >= 0 && quote < end; quote = text.indexOf('"', quote + 1)) inQuotes = !inQuotes;
    if (!inQuotes) {
      const length = end - recordStart - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
      if (length > 0) records++;
      recordStart = end + 1;
    }
    if (newline < 0) break;
    pos = newline + 1;
  }
  return Math.max(0, records - 1);
}

/**
 * The first `sample` rows of a CSV text and the number of rows. Only those rows are parsed: a
 * table of 1.6 million rows added at once is counted, not held as records.
 */
function sampleRows(text: string, sample: number): { rows: Row[]; count: number } {
  const clean = text.replace(/^\uFEFF/, '');
  // fastMode off: on a quote-free text papaparse's fast mode splits every line first, preview or not.
  const [header = [], ...data] = Papa.parse<string[]>(clean, { header: false, delimiter: ',', skipEmptyLines: true, fastMode: false, preview: Number.isFinite(sample) ? sample + 1 : 0 }).data;
  // Kept rows are detached from the file's text, which can then be freed.
  const rows = data.map((r) => Object.fromEntries(header.map((h, i) => [detach(h), detach(r[i] ?? '')])));
  return { rows, count: Number.isFinite(sample) ? countRecords(clean) : rows.length };
}

/**
 * `sample`: keep at most this many rows of each kind (with the full counts), for pages that show
 * only the first rows; a whole table added or removed is then counted without being held in memory.
 */
export function diffTable(def: Pick<TableDef, 'name' | 'file' | 'primaryKey'>, beforeText: string | null, afterText: string | null, sample = Infinity): TableChanges {
  const result: TableChanges = { table: def.name, file: def.file, added: [], removed: [], changed: [], counts: { added: 0, removed: 0, changed: 0 } };
  const beforeEmpty = !hasRows(beforeText);
  const afterEmpty = !hasRows(afterText);
  if (beforeEmpty || afterEmpty) {
    if (beforeEmpty && !afterEmpty) ({ rows: result.added, count: result.counts.added } = sampleRows(afterText!, sample));
    if (afterEmpty && !beforeEmpty) ({ rows: result.removed, count: result.counts.removed } = sampleRows(beforeText!, sample));
    return result;
  }
  const before = parse(beforeText!);
  const after = parse(afterText!);
  const keyOf = (row: Row) => def.primaryKey.map((k) => row[k] ?? '').join(' | ');
  const flags = new daff.CompareFlags();
  for (const k of def.primaryKey) flags.addPrimaryKey(k);
  flags.show_unchanged = false;
  const alignment = daff.compareTables(new daff.TableView(before), new daff.TableView(after), flags).align();
  const out = new daff.TableView([]);
  new daff.TableDiff(alignment, flags).hilite(out);
  const diff = out.data;
  const header = diff[0] ?? [];
  const beforeByKey = new Map(toRows(before).map((r) => [keyOf(r), r]));
  const afterByKey = new Map(toRows(after).map((r) => [keyOf(r), r]));
  const keyCols = def.primaryKey.map((k) => header.indexOf(k));
  for (const line of diff.slice(1)) {
    const action = line[0];
    if (action !== '+++' && action !== '---' && action !== '->') continue;
    // In a "->" row a key cell may read "old->new" only if the key itself changed, which daff reports as remove + add.
    const key = keyCols.map((i) => line[i] ?? '').join(' | ');
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
export function diffDatasets(readBefore: (file: string) => string | null, readAfter: (file: string) => string | null, sample = Infinity): TableChanges[] {
  return (TABLES as readonly TableDef[]).map((def) => diffTable(def, readBefore(def.file), readAfter(def.file), sample));
}

/** A changed value of a row that was already published is a correction: its old value stays visible. */
export function isCorrection(change: ChangedRow): boolean {
  return change.columns.length > 0;
}

export function countChanges(changes: readonly TableChanges[]): { added: number; removed: number; changed: number } {
  return changes.reduce((acc, c) => ({ added: acc.added + c.counts.added, removed: acc.removed + c.counts.removed, changed: acc.changed + c.counts.changed }), { added: 0, removed: 0, changed: 0 });
}
