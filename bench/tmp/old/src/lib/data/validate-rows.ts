/**
 * Parsed CSV records → typed rows, through the table's zod schema. Each cell problem becomes an
 * Issue with the code the column builder chose (src/schemas/cells.ts).
 *
 * The table schemas are objects of independent column schemas (no rule spans two columns; those
 * live in validate-relations.ts), so each column schema is applied to each distinct value once and
 * the result reused: a column of 1,000,000 cells with 40 distinct codes costs 40 zod parses.
 */
import type { z } from 'zod';
import type { TableDef } from '../../schemas/table.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions, type CsvRecord } from './parse-csv.ts';

export interface TypedRow<T> {
  line: number;
  row: T;
}

interface CellResult {
  ok: boolean;
  value: unknown;
  problems: { code: string; message: string; hint: string }[];
}

/**
 * `header` is the header row as read: problems in columns missing from it were reported once as
 * missing-header and are not repeated on every row.
 */
export function validateRows<S extends z.ZodObject>(def: TableDef<S>, records: readonly CsvRecord[], header: readonly string[]): { rows: TypedRow<z.output<S>>[]; issues: Issue[] } {
  const positions = columnPositions(header);
  const columns = Object.keys(def.row.shape).filter((c) => positions.has(c));
  const at = columns.map((c) => positions.get(c)!);
  const caches = columns.map(() => new Map<string, CellResult>());
  const schemas = columns.map((c) => def.row.shape[c] as z.ZodType);
  // Rows are typed only when every column of the schema is present (else missing-header was reported).
  const complete = columns.length === Object.keys(def.row.shape).length;
  const rows: TypedRow<z.output<S>>[] = [];
  const issues: Issue[] = [];
  for (const record of records) {
    const row: Record<string, unknown> = {};
    let ok = true;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const raw = record.values[at[i]!] ?? '';
      let result = caches[i]!.get(raw);
      if (result === undefined) {
        const parsed = schemas[i]!.safeParse(raw);
        result = parsed.success
          ? { ok: true, value: parsed.data, problems: [] }
          : {
              ok: false,
              value: null,
              problems: parsed.error.issues.map((zi) => {
                const params = (zi as { params?: { code?: string; hint?: string } }).params;
                return { code: params?.code ?? 'type-error', message: zi.message, hint: params?.hint ?? 'Check the value against the data dictionary (data/README.md).' };
              }),
            };
        caches[i]!.set(raw, result);
      }
      if (!result.ok) {
        ok = false;
        for (const p of result.problems) issues.push(issue({ ...p, file: def.file, row: record.line, column, value: raw }));
      }
      row[column] = result.value;
    }
    if (ok && complete) rows.push({ line: record.line, row: row as z.output<S> });
  }
  return { rows, issues };
}
