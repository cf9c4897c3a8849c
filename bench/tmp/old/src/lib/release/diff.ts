/**
 * Cell-level comparison of two versions of a table, keyed by its primary key. Rows are aligned by
 * daff (the table-diff library of the Open Data community); old and new values come from the two
 * tables themselves, so a value containing "->" is never misread.
 */
import daff from 'daff';
import Papa from 'papaparse';
import { TABLES, type TableDef } from '../../schemas/index.ts';

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
}

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: true }).data;
}

function toRows(table: string[][]): Row[] {
  const [header = [], ...rows] = table;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function diffTable(def: Pick<TableDef, 'name' | 'file' | 'primaryKey'>, beforeText: string | null, afterText: string | null): TableChanges {
  const before = parse(beforeText ?? '');
  const after = parse(afterText ?? '');
  const keyOf = (row: Row) => def.primaryKey.map((k) => row[k] ?? '').join(' | ');
  const result: TableChanges = { table: def.name, file: def.file, added: [], removed: [], changed: [] };
  if (before.length === 0 || after.length === 0) {
    result.added = before.length === 0 ? toRows(after) : [];
    result.removed = after.length === 0 ? toRows(before) : [];
    return result;
  }
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
  return result;
}

/** Changes of every table between two data trees given as file readers (null = file absent). */
export function diffDatasets(readBefore: (file: string) => string | null, readAfter: (file: string) => string | null): TableChanges[] {
  return (TABLES as readonly TableDef[]).map((def) => diffTable(def, readBefore(def.file), readAfter(def.file)));
}

/** A changed value of a row that was already published is a correction: its old value stays visible. */
export function isCorrection(change: ChangedRow): boolean {
  return change.columns.length > 0;
}

export function countChanges(changes: readonly TableChanges[]): { added: number; removed: number; changed: number } {
  return changes.reduce((acc, c) => ({ added: acc.added + c.added.length, removed: acc.removed + c.removed.length, changed: acc.changed + c.changed.length }), { added: 0, removed: 0, changed: 0 });
}
