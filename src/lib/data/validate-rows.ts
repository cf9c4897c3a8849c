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
import type { Code } from './codes.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions } from './parse-csv.ts';
import { detach } from '../text.ts';

interface CellResult {
  ok: boolean;
  value: unknown;
  problems: { code: Code; message: string; hint: string }[];
}

/** Checks records one at a time (see parseCsv's `onHeader`); the rows, their lines and the issues grow as it goes. */
export interface RowValidator<T> {
  add: (values: readonly string[], line: number) => void;
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
  // Every row starts as a copy of this object: one shape for all rows, keys in schema order.
  const template: Record<string, unknown> = Object.fromEntries(columns.map((c) => [c, null]));
  const rows: z.output<S>[] = [];
  const lines: number[] = [];
  const issues: Issue[] = [];
  let records = 0;
  const add = (values: readonly string[], line: number) => {
    records++;
    const row = { ...template };
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
      row[columns[i]!] = result.value;
    }
    if (ok && complete) {
      if (onRow) return onRow(row as z.output<S>, line);
      rows.push(row as z.output<S>);
      lines.push(line);
    }
  };
  return {
    add,
    rows,
    lines,
    issues,
    get records() {
      return records;
    },
  };
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
