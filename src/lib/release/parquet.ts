/**
 * A table in Apache Parquet, for the tools journalists and analysts use on large tables (DuckDB,
 * pandas, R arrow, Excel's Power Query): written with hyparquet-writer (MIT, pure JavaScript, no
 * binary at install), from the same typed rows as the JSON download, SNAPPY-compressed.
 * Types follow the Table Schema: string → UTF8 string, number → DOUBLE, integer → INT32,
 * boolean → BOOLEAN, date → DATE; an empty cell is a null; required columns are REQUIRED.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describeColumns } from '../data/data-dictionary.ts';
import type { TableDef } from '../../schemas/index.ts';
import { readTypedRows, type RowSource } from './downloads.ts';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

const PHYSICAL: Record<string, Pick<SchemaElement, 'type' | 'converted_type'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  number: { type: 'DOUBLE' },
  integer: { type: 'INT32' },
  boolean: { type: 'BOOLEAN' },
  date: { type: 'INT32', converted_type: 'DATE' },
};

const DAY_MS = 86_400_000;
const days = new Map<string, number>();
/**
 * A date cell as Parquet's DATE stores it, days since 1970-01-01: the number hyparquet-writer makes
 * of a Date (Math.floor(time / day), for the values and their statistics alike), given directly, so
 * that no Date is made per row. Remembered per distinct value (a table has few dates).
 */
function dayNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const text = value as string;
  let day = days.get(text);
  if (day === undefined) {
    day = Math.floor(new Date(`${text}T00:00:00Z`).getTime() / DAY_MS);
    days.set(text, day);
  }
  return day;
}

/** The rows of a CSV (a whole table or a piece of it, with its header) as the bytes of one Parquet file. */
export function csvToParquet(def: TableDef, csv: Uint8Array): Uint8Array {
  return rowsToParquet(def, (onRow) => readTypedRows(def, csv, onRow));
}

/** Typed rows from any RowSource (a large table's pieces take theirs from the validated store) as one Parquet file. */
export function rowsToParquet(def: TableDef, source: RowSource): Uint8Array {
  const columns = describeColumns(def);
  const data: unknown[][] = columns.map(() => []);
  const { absent } = source((row) => {
    for (let i = 0; i < columns.length; i++) data[i]!.push(row[columns[i]!.name] ?? null);
  });
  const kept = columns.map((c, i) => ({ c, values: data[i]! })).filter(({ c }) => !absent.has(c.name));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: kept.length },
    ...kept.map(({ c }) => ({
      name: c.name,
      ...PHYSICAL[c.type]!,
      repetition_type: c.required ? ('REQUIRED' as const) : ('OPTIONAL' as const),
    })),
  ];
  const columnData = kept.map(({ c, values }) => ({
    name: c.name,
    data: c.type === 'date' ? values.map(dayNumber) : values,
  }));
  const buffer = parquetWriteBuffer({
    columnData: columnData,
    schema,
    // One row group per 100,000 rows (the library's default after a first small one for previews).
    rowGroupSize: 100_000,
    kvMetadata: [{ key: 'nq57.table', value: def.name }],
    createdBy: 'nq57-portal (hyparquet-writer)',
  });
  return new Uint8Array(buffer);
}
