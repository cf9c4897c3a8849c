/**
 * Parsed CSV records → typed rows, through the table's zod schema. Each cell problem becomes an
 * Issue with the code the column builder chose (src/schemas/cells.ts).
 */
import type { z } from 'zod';
import type { TableDef } from '../../schemas/table.ts';
import { issue, type Issue } from './issues.ts';
import type { CsvRecord } from './parse-csv.ts';

export interface TypedRow<T> {
  line: number;
  row: T;
}

/**
 * `header` is the header row as read: problems in columns missing from it were reported once as
 * missing-header and are not repeated on every row.
 */
export function validateRows<S extends z.ZodObject>(def: TableDef<S>, records: readonly CsvRecord[], header: readonly string[]): { rows: TypedRow<z.output<S>>[]; issues: Issue[] } {
  const present = new Set(header);
  const rows: TypedRow<z.output<S>>[] = [];
  const issues: Issue[] = [];
  for (const record of records) {
    const result = def.row.safeParse(record.cells);
    if (result.success) {
      rows.push({ line: record.line, row: result.data });
      continue;
    }
    for (const zi of result.error.issues) {
      const column = typeof zi.path[0] === 'string' ? zi.path[0] : null;
      if (column !== null && !present.has(column)) continue;
      const params = (zi as { params?: { code?: string; hint?: string } }).params;
      issues.push(
        issue({
          code: params?.code ?? 'type-error',
          file: def.file,
          row: record.line,
          column,
          value: column !== null ? (record.cells[column] ?? null) : null,
          message: zi.message,
          hint: params?.hint ?? 'Check the value against the data dictionary (data/README.md).',
        }),
      );
    }
  }
  return { rows, issues };
}
