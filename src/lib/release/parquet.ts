/**
 * A table in Apache Parquet, for the tools journalists and analysts use on large tables (DuckDB,
 * pandas, R arrow, Excel's Power Query): written with hyparquet-writer (MIT, pure JavaScript, no
 * binary at install), from the same typed rows as the JSON download, SNAPPY-compressed.
 * Types follow the Table Schema: string → UTF8 string, number → DOUBLE, integer → INT32,
 * boolean → BOOLEAN, date → DATE; an empty cell is a null; required columns are REQUIRED.
 */
import { Worker } from 'node:worker_threads';
import { ByteWriter, ParquetWriter, parquetWriteBuffer } from 'hyparquet-writer';
import { describeColumns } from '../data/data-dictionary.ts';
import { cell, type Column, type ColumnTable } from '../data/store.ts';
import { TABLES, type TableDef } from '../../schemas/index.ts';
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
  return parquetOf(def, data[0]?.length ?? 0, (i, from, to) => data[i]!.slice(from, to), absent);
}

/**
 * The rows `from` … `to` − 1 of a table's stored columns (the validated store, store.ts), for
 * pieceToParquet: one column per column of the table's schema (describeColumns order; null where
 * the table has none), copied out as typed arrays and dictionaries, which a worker thread receives
 * without a row object being made or cloned.
 */
export interface ParquetPiece {
  table: string;
  length: number;
  columns: (Column | null)[];
}

export function parquetPiece(def: TableDef, table: ColumnTable, from: number, to: number): ParquetPiece {
  const slice = (col: Column | undefined): Column | null => {
    if (col === undefined) return null;
    if (col.kind === 'number') return { kind: 'number', values: col.values.slice(from, to), nulls: col.nulls?.slice(from, to) ?? null };
    if (col.kind === 'dict') return { kind: 'dict', dict: col.dict, codes: col.codes.slice(from, to) };
    return { kind: 'any', values: col.values.slice(from, to) };
  };
  return { table: def.name, length: to - from, columns: describeColumns(def).map((c) => slice(table.column(c.name))) };
}

/** A ParquetPiece as one Parquet file: the bytes rowsToParquet gives for the same rows (each cell as a row object holds it). */
export function pieceToParquet(def: TableDef, piece: ParquetPiece, oneCall = false): Uint8Array {
  // The values of one row group at a time.
  const valuesOf = (c: number, from: number, to: number) => {
    const col = piece.columns[c]!;
    const values: unknown[] = new Array(to - from);
    for (let i = from; i < to; i++) values[i - from] = col === null ? null : (cell(col, i) ?? null);
    return values;
  };
  return parquetOf(def, piece.length, valuesOf, new Set(), oneCall);
}

/** The buffers a ParquetPiece owns (parquetPiece copies them), handed to the worker without a copy. */
const buffersOf = (piece: ParquetPiece) =>
  piece.columns.flatMap((col) => {
    if (col === null) return [];
    if (col.kind === 'number') return col.nulls === null ? [col.values.buffer] : [col.values.buffer, col.nulls.buffer];
    return col.kind === 'dict' ? [col.codes.buffer] : [];
  }) as ArrayBuffer[];

/** The table definition a worker finds by name: pieces of other definitions (a release's older schema) are made in this thread. */
export const inWorker = (def: TableDef) => TABLES.some((t) => t === def);

/**
 * The worker's old generation, in MiB: a piece needs ≈ 100 MB live (its columns, one row group being
 * encoded, the file so far; ≤ 64 MiB of CSV); without a limit V8 let the worker's heap grow to
 * ≈ 400 MB of garbage at M50. A worker over it ends with ERR_WORKER_OUT_OF_MEMORY and the piece
 * is made in the main thread instead (layout.ts).
 */
export const WORKER_HEAP_MB = 256;

interface ParquetWorker {
  thread: Worker;
  waiting: Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>;
  next: number;
  /** Ends the worker once it has been without a job for IDLE_MS (started for a piece that was not asked for after all: the dev server plans a table for its pages' keys). */
  idle: NodeJS.Timeout | null;
}

let worker: ParquetWorker | null = null;

/** How long a worker without a job lives (a build hands it its pieces one after the other, well within this). */
const IDLE_MS = 30_000;

function whenIdle(state: ParquetWorker): void {
  if (state.idle) clearTimeout(state.idle);
  state.idle = setTimeout(() => {
    if (worker === state && state.waiting.size === 0) {
      worker = null;
      void state.thread.terminate();
    }
  }, IDLE_MS);
  state.idle.unref();
}

/** The worker of pieceToParquetInWorker: one for the process, made if there is none, ended by endParquetWorker. */
function parquetWorker(): ParquetWorker {
  if (worker !== null) return worker;
  const thread = new Worker(new URL('./parquet-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const made: ParquetWorker = { thread, waiting: new Map(), next: 0, idle: null };
  thread.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
    const job = made.waiting.get(m.id);
    made.waiting.delete(m.id);
    if (m.error !== undefined) job?.reject(new Error(m.error));
    else job?.resolve(m.bytes!);
    if (made.waiting.size === 0) {
      thread.unref();
      whenIdle(made);
    }
  });
  thread.on('error', (error) => {
    if (made.idle) clearTimeout(made.idle);
    for (const job of made.waiting.values()) job.reject(error);
    made.waiting.clear();
    if (worker === made) worker = null;
  });
  // Without a job it does not keep the process alive.
  thread.unref();
  whenIdle(made);
  worker = made;
  return made;
}

/**
 * Starts the worker that makes the Parquet pieces of `def`, if it has none: a thread takes ≈ 0.4 s to
 * start (its modules loaded), so a piece's maker starts it before reading the piece's rows from the
 * store (layout.ts), which takes as long.
 */
export function startParquetWorker(def: TableDef): void {
  if (inWorker(def)) parquetWorker();
}

/**
 * pieceToParquet in a worker thread (parquet-worker.ts), so that the build's main thread writes the
 * other parts meanwhile: the same function, so the same bytes. The piece's buffers are moved to it,
 * not copied.
 */
export function pieceToParquetInWorker(def: TableDef, piece: ParquetPiece): Promise<Uint8Array> {
  if (!inWorker(def)) return Promise.resolve(pieceToParquet(def, piece));
  const running = parquetWorker();
  const id = running.next++;
  if (running.idle) clearTimeout(running.idle);
  running.idle = null;
  return new Promise((resolve, reject) => {
    running.waiting.set(id, { resolve, reject });
    running.thread.ref();
    running.thread.postMessage({ id, piece }, buffersOf(piece));
  });
}

/** Whether a Parquet worker thread is running (tests). */
export const parquetWorkerRunning = (): boolean => worker !== null;

/** Ends the Parquet worker thread, if one was made (the downloads are written). */
export async function endParquetWorker(): Promise<void> {
  const state = worker;
  worker = null;
  if (state?.idle) clearTimeout(state.idle);
  if (state) await state.thread.terminate();
}

/** Rows in one row group of a Parquet file (the library's default after a first small one for previews). */
const GROUP_ROWS = 100_000;

/**
 * `rows` rows as one Parquet file, their values asked for one row group at a time (`valuesOf`: the
 * values of column `i`, describeColumns order, rows from … to − 1; a column of `absent` left out):
 * hyparquet-writer's ParquetWriter is given one row group per call, which writes the bytes that one
 * call of parquetWriteBuffer with all the rows and `rowGroupSize` GROUP_ROWS writes (the indexes and
 * metadata are written at the end either way), while holding one row group's values, not the
 * piece's. `oneCall`: that single call, for the tests to compare.
 */
function parquetOf(
  def: TableDef,
  rows: number,
  valuesOf: (i: number, from: number, to: number) => unknown[],
  absent: ReadonlySet<string>,
  oneCall = false,
): Uint8Array {
  const kept = describeColumns(def)
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !absent.has(c.name));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: kept.length },
    ...kept.map(({ c }) => ({
      name: c.name,
      ...PHYSICAL[c.type]!,
      repetition_type: c.required ? ('REQUIRED' as const) : ('OPTIONAL' as const),
    })),
  ];
  const columnData = (from: number, to: number) =>
    kept.map(({ c, i }) => {
      const values = valuesOf(i, from, to);
      return { name: c.name, data: c.type === 'date' ? values.map(dayNumber) : values };
    });
  const file = { schema, kvMetadata: [{ key: 'nq57.table', value: def.name }], createdBy: 'nq57-portal (hyparquet-writer)' };
  if (oneCall) return new Uint8Array(parquetWriteBuffer({ ...file, columnData: columnData(0, rows), rowGroupSize: GROUP_ROWS }));
  // What parquetWriteBuffer does (SNAPPY, statistics and page size its defaults), a row group per write.
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, ...file });
  for (let from = 0; from < rows; from += GROUP_ROWS)
    parquet.write({ columnData: columnData(from, Math.min(rows, from + GROUP_ROWS)), rowGroupSize: GROUP_ROWS });
  parquet.finish();
  return new Uint8Array(writer.getBuffer());
}
