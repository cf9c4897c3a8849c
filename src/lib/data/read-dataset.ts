/**
 * Reads a data directory: every table file and dataset.json, parsed and checked cell by cell.
 * The only module of src/lib/data that touches the file system; it never writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { TABLES, columnsOf, DatasetMetaSchema, type CsvTableDef, type DatasetMeta, type Tables } from '../../schemas/index.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions, parseCsv } from './parse-csv.ts';
import { REFERENCED_TABLES } from './validate-relations.ts';
import { rowValidator, type RowValidator } from './validate-rows.ts';

export interface RawDataset {
  dir: string;
  meta: DatasetMeta | null;
  /** Rows that passed their schema, in file order. */
  tables: Tables;
  /** File line of each row kept in `tables`, for cross-table messages (same index). */
  lines: { [K in keyof Tables]: number[] };
  /**
   * Primary keys of every readable row, valid or not, as written. References resolve against these,
   * so one bad province row is reported once, not again by each of its 100 communes.
   */
  rawKeys: { [K in keyof Tables]: Set<string> };
  issues: Issue[];
}

export function readDataset(dir: string): RawDataset {
  const issues: Issue[] = [];
  const tables = {} as Record<string, unknown[]>;
  const lines = {} as Record<string, number[]>;
  const rawKeys = {} as Record<string, Set<string>>;
  for (const def of TABLES) {
    rawKeys[def.name] = new Set();
    const path = join(dir, def.file);
    tables[def.name] = [];
    lines[def.name] = [];
    if (!existsSync(path)) {
      issues.push(issue({ code: 'missing-file', file: def.file, message: `The table ${def.file} is missing.`, hint: `Create ${def.file} with the header ${columnsOf(def).join(',')}.` }));
      continue;
    }
    const table = readTable<z.ZodObject>(def, new Uint8Array(readFileSync(path)));
    for (const i of table.issues) issues.push(i);
    tables[def.name] = table.rows;
    lines[def.name] = table.lines;
    rawKeys[def.name] = table.rawKeys;
  }
  return { dir, meta: readMeta(dir, issues), tables: tables as Tables, lines: lines as RawDataset['lines'], rawKeys: rawKeys as RawDataset['rawKeys'], issues };
}

/**
 * One table file, parsed and checked cell by cell in a single pass: its typed rows with their lines,
 * the raw keys of every readable row (referenced tables only), and its issues. Pure.
 */
export function readTable<S extends z.ZodObject>(def: CsvTableDef<S>, bytes: Uint8Array): { rows: z.output<S>[]; lines: number[]; rawKeys: Set<string>; issues: Issue[] } {
  const rawKeys = new Set<string>();
  let validator: RowValidator<z.output<S>> | null = null;
  const parsed = parseCsv(bytes, def.file, columnsOf(def), (header) => {
    const v = rowValidator(def, header);
    validator = v;
    if (!(REFERENCED_TABLES as ReadonlySet<string>).has(def.name)) return v.add;
    const positions = columnPositions(header);
    const keyAt = def.primaryKey.map((f) => positions.get(f));
    return (values, line) => {
      rawKeys.add(keyAt.map((i) => (i === undefined ? '' : (values[i] ?? ''))).join('\u0000'));
      v.add(values, line);
    };
  });
  const checked = validator as RowValidator<z.output<S>> | null;
  if (!parsed.readable || !checked) return { rows: [], lines: [], rawKeys, issues: parsed.issues };
  return { rows: checked.rows, lines: checked.lines, rawKeys, issues: [...parsed.issues, ...checked.issues] };
}

function readMeta(dir: string, issues: Issue[]): DatasetMeta | null {
  const file = 'dataset.json';
  const path = join(dir, file);
  if (!existsSync(path)) {
    issues.push(issue({ code: 'missing-file', file, message: 'dataset.json is missing.', hint: 'Create data/dataset.json with the as-of date and the sources (see data/README.md).' }));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)));
  } catch (e) {
    issues.push(issue({ code: 'json-syntax', file, message: `dataset.json cannot be read: ${(e as Error).message}`, hint: 'Fix the JSON syntax (a validator such as `node -e "JSON.parse(...)"` shows where).' }));
    return null;
  }
  const result = DatasetMetaSchema.safeParse(json);
  if (!result.success) {
    for (const zi of result.error.issues) {
      issues.push(issue({ code: 'metadata-error', file, column: zi.path.join('.'), message: zi.message, hint: 'See the description of dataset.json in data/README.md.' }));
    }
    return null;
  }
  return result.data;
}
