/**
 * The files offered for download, built from the same bytes the validator checked: CSV as
 * published, JSON of the typed rows, the Data Package, and a zip of everything with a README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { TABLES, columnsOf, getColumnMeta, type DatasetMeta, type Release, type TableDef } from '../../schemas/index.ts';
import { parseCsv } from '../data/parse-csv.ts';
import { readRelease, releaseDir } from '../data/read-releases.ts';
import { rowValidator, type RowValidator } from '../data/validate-rows.ts';
import { storedValidTable, type ColumnTable } from '../data/store.ts';
import { cacheDir } from '../config.ts';
import { buildCitation, buildDataPackage } from './metadata.ts';
import { tablesOf } from './tables.ts';
import type { LargeTableParts } from './layout.ts';

/** Where the files of a version live: a release folder, or the working data when there is no release. */
export function filesDir(dataDir: string, version: string | null): string {
  return version ? releaseDir(dataDir, version) : dataDir;
}

/** Receives the bytes of a download as they are produced (a file, an HTTP response, a test's buffer). */
export type Sink = (chunk: Uint8Array | string) => void;

/**
 * How the typed rows of a table are written as JSON.
 * - `records` (the whole-table downloads, `{table}.json`): an array of objects, one per row, as
 *   `JSON.stringify(rows, null, 1)` writes it. Published and cited: its bytes do not change.
 * - `rows` (the partitions of a large table, partition.ts): an array of arrays, the first the column
 *   names, then one array of values per row, one per line, without indentation: the JSON form of a
 *   table of Frictionless Data (Table Dialect, `itemType: "array"`; a Data Package lists such a file
 *   as a tabular resource of format `json`). A record repeats its column names; this shape does not:
 *   ≈ 2.5 times fewer bytes for the observations.
 */
export type JsonShape = 'records' | 'rows';

/** Typed rows of a CSV as one JSON string (tests and small tables; the build streams with writeTableJson). */
export function csvToJson(def: TableDef, bytes: Uint8Array, shape: JsonShape = 'records'): string {
  const parts: string[] = [];
  writeTableJson(def, bytes, (chunk) => parts.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)), shape);
  return parts.join('');
}

/**
 * Typed rows of a CSV, through the same schema as the validator (values unchanged), written to
 * `write` a block of rows at a time in the given shape (JsonShape). Rows are not kept: the JSON of
 * 8 million observations is 2 GB, beyond V8's longest string and more than the build should hold. A
 * table with any problem is refused (the validator runs first; this guards the download against
 * publishing a table with rows left out).
 */
export function writeTableJson(def: TableDef, bytes: Uint8Array, write: Sink, shape: JsonShape = 'records'): void {
  writeRowsJson(def, (onRow) => readTypedRows(def, bytes, onRow), write, shape);
}

/** Hands typed rows, in order, to `onRow`; returns the table's columns left out of its CSV (readTypedRows). */
export type RowSource = (onRow: (row: Record<string, unknown>) => void) => { absent: Set<string> };

/** Rows already read and checked (the validated store's columns, by record number) as a RowSource: each row is made as it is handed on. */
export const rowsSource =
  (table: ColumnTable, records: Iterable<number>): RowSource =>
  (onRow) => {
    for (const r of records) onRow(table.row(r));
    return { absent: new Set() };
  };

/** writeTableJson from any RowSource (a large table's partitions take their rows from the store). */
export function writeRowsJson(def: TableDef, source: RowSource, write: Sink, shape: JsonShape = 'records'): void {
  const BLOCK = 10_000;
  let block: unknown[] = [];
  let first = true;
  const flush = () => {
    if (block.length === 0) return;
    // A block is indented as the whole array would be: keep what stands between its "[\n" and "\n]".
    const json = JSON.stringify(block, null, 1);
    write(`${first ? '[\n' : ',\n'}${json.slice(2, -2)}`);
    first = false;
    block = [];
  };
  if (shape === 'rows') {
    let columns: string[] | null = null;
    // One array of a row's values, filled again for each row (half the time of a new array per row).
    let cells: unknown[] = [];
    const out = rowLines(write);
    const { absent } = source((row) => {
      if (!columns) {
        columns = Object.keys(row);
        cells = new Array(columns.length);
        out.start(columns);
      }
      for (let i = 0; i < columns.length; i++) cells[i] = row[columns[i]!];
      out.line(JSON.stringify(cells));
    });
    if (!columns) out.start(columnsOf(def).filter((c) => !absent.has(c)));
    out.end();
    return;
  }
  source((row) => {
    block.push(row);
    if (block.length === BLOCK) flush();
  });
  flush();
  write(first ? '[]\n' : '\n]\n');
}

/** The JSON of shape `rows`, a line at a time: the column names, then each row's array, written a block of lines at a time. */
function rowLines(write: Sink): { start(columns: readonly string[]): void; line(json: string): void; end(): void } {
  const BLOCK = 10_000;
  let lines: string[] = [];
  return {
    start: (columns) => write(`[${JSON.stringify(columns)}`),
    line(json) {
      lines.push(json);
      if (lines.length === BLOCK) {
        write(`,\n${lines.join(',\n')}`);
        lines = [];
      }
    },
    end: () => write(`${lines.length > 0 ? `,\n${lines.join(',\n')}` : ''}\n]\n`),
  };
}

/** A cell as JSON.stringify writes it inside an array (undefined as null). */
const cellJson = (value: unknown) => JSON.stringify([value]).slice(1, -1);

/**
 * writeRowsJson of shape `rows` for some records of the store's columns (a large table's
 * partitions): the same bytes, each row's line made from the columns, without a row object; a
 * dictionary column's values are turned into JSON once each, not once per row.
 */
export function writeColumnsJson(def: TableDef, table: ColumnTable, records: readonly number[], write: Sink): void {
  // No rows: the column names come from the schema, as writeRowsJson gives them.
  if (records.length === 0) return writeRowsJson(def, rowsSource(table, records), write, 'rows');
  const cells = table.data.map((col): ((r: number) => string) => {
    if (col.kind === 'dict') {
      const texts = col.dict.map(cellJson);
      return (r) => texts[col.codes[r]!]!;
    }
    if (col.kind === 'number')
      // JSON.stringify of a number: its shortest form, -0 as 0, NaN and ±Infinity as null.
      return (r) => (col.nulls !== null && col.nulls[r] === 1 ? 'null' : Number.isFinite(col.values[r]) ? String(col.values[r]) : 'null');
    return (r) => cellJson(col.values[r]);
  });
  const out = rowLines(write);
  out.start(table.columns);
  for (const r of records) {
    let line = '[';
    for (let c = 0; c < cells.length; c++) line += c === 0 ? cells[c]!(r) : `,${cells[c]!(r)}`;
    out.line(`${line}]`);
  }
  out.end();
}

/**
 * Hands each typed row of a CSV to `onRow`, in file order, through the same schema as the validator
 * (values unchanged); returns the columns the CSV has. A table with any problem is refused: the
 * validator runs first, and this guards every download (JSON, Parquet) against publishing a table
 * with rows left out. A file the validator stored whole and valid (src/lib/data/store.ts, in the
 * build's cache `cache`) is not parsed again: its stored rows are the same rows (made one at a time from its columns).
 */
export function readTypedRows(
  def: TableDef,
  bytes: Uint8Array,
  onRow: (row: Record<string, unknown>) => void,
  cache: string | null = cacheDir(),
): { absent: Set<string> } {
  const stored = cache === null ? null : storedValidTable(cache, def.name, bytes);
  if (stored !== null) {
    for (let i = 0; i < stored.length; i++) onRow(stored.row(i));
    return { absent: new Set() };
  }
  let validator: RowValidator<unknown> | null = null;
  let absent = new Set<string>();
  const parsed = parseCsv(bytes, def.file, columnsOf(def), (header) => {
    // A release cut before an optional column was added has no such column: its JSON keeps the
    // columns its CSV has, and the column is not invented for it. A missing required column is refused.
    absent = new Set(columnsOf(def).filter((c) => !header.includes(c) && !getColumnMeta(def.row.shape[c] as never).required));
    const asPublished =
      absent.size === 0 ? def : { ...def, row: def.row.omit(Object.fromEntries([...absent].map((c) => [c, true])) as never) };
    validator = rowValidator(asPublished, header, (row) => onRow(row as Record<string, unknown>));
    return validator.add;
  });
  const problems = [
    ...parsed.issues.filter((i) => !(i.code === 'missing-header' && i.column !== null && absent.has(i.column))),
    ...((validator as RowValidator<unknown> | null)?.issues ?? []),
  ];
  if (!parsed.readable || problems.length > 0) {
    const p = problems[0]!;
    throw new Error(
      `${def.file}: not published as JSON, ${problems.length} problem(s); first: row ${p.row ?? '-'}, column ${p.column ?? '-'}: ${p.message} Run npm run validate:data.`,
    );
  }
  return { absent };
}

export function buildReadme(
  meta: DatasetMeta,
  release: Release | null,
  baseUrl: string,
  tables: readonly TableDef[] = TABLES,
  large: readonly LargeTableParts[] = [],
  partsBase = '',
): string {
  const cite = buildCitation(meta, release, baseUrl, 'en');
  const citeVi = buildCitation(meta, release, baseUrl, 'vi');
  return [
    `# ${meta.title_en} / ${meta.title_vi}`,
    '',
    release
      ? `Version ${release.version}, released ${release.released_on}; data as of ${release.as_of}.`
      : `Working data as of ${meta.as_of} (not a release).`,
    '',
    `Publisher: ${meta.publisher}. Licence: ${meta.licence} (${meta.licence_url}); each source keeps its own terms (dataset.json).`,
    '',
    '## How to cite / Cách trích dẫn',
    '',
    cite.text,
    '',
    citeVi.text,
    '',
    '## Files',
    '',
    ...tables.filter((t) => !large.some((l) => l.table === t.name)).map((t) => `- ${t.file} — ${t.title_en}: ${t.description_en}`),
    ...large.flatMap((l) => {
      const t = tables.find((d) => d.name === l.table)!;
      return [
        `- ${t.file} — ${t.title_en}: ${t.description_en} Not in this zip (${l.csv.bytes} bytes, ${l.csv.rows} rows): download it from ${partsBase}/ as`,
        `  gzip pieces that together are the CSV (\`cat ${l.gz.map((f) => f.path).join(' ')} | gunzip > ${t.file}\`, SHA-256 ${l.csv.sha256}),`,
        `  Parquet (${l.parquet.map((f) => f.path).join(', ')}), or ${l.partitions.length / 2} partitions as CSV and JSON under ${l.table}/ (listed in datapackage.json).`,
      ];
    }),
    '- dataset.json — title, licence, as-of date, sources',
    '- datapackage.json — Frictionless Data Package with a Table Schema per table',
    '',
    'CSV: UTF-8 without BOM, comma-separated, one header row, dates YYYY-MM-DD, decimal point; an empty cell means "not available", never zero.',
    `Data dictionary: ${baseUrl}/data/ · Release notes: ${baseUrl}/data/releases/`,
    '',
    ...(release ? ['## Release notes', '', release.notes, ''] : []),
  ].join('\n');
}

/**
 * A zip of every file with the Data Package and a README; fixed timestamps so the bytes are reproducible.
 * A large table (partition.ts) is left out (it would take the zip over the host's limit): its
 * Data Package entry and the README point at its parts by URL.
 */
export function buildZip(
  dataDir: string,
  version: string | null,
  meta: DatasetMeta,
  baseUrl: string,
  large: readonly LargeTableParts[] = [],
): Uint8Array {
  const release = version ? readRelease(dataDir, version) : null;
  const dir = filesDir(dataDir, version);
  const mtime = new Date(`${release?.released_on ?? meta.as_of}T00:00:00Z`);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const tables = tablesOf(dir);
  const partsBase = `${baseUrl}/data/${version ? `v/${version}` : 'latest'}`;
  const whole = tables.filter((t) => !large.some((l) => l.table === t.name));
  for (const file of [...whole.map((t) => t.file), 'dataset.json'])
    entries[file] = [new Uint8Array(readFileSync(join(dir, file))), { mtime }];
  entries['datapackage.json'] = [
    strToU8(
      `${JSON.stringify(buildDataPackage(meta, release, baseUrl, tables, large, large.length > 0 ? partsBase : undefined), null, 2)}\n`,
    ),
    { mtime },
  ];
  entries['README.md'] = [strToU8(buildReadme(meta, release, baseUrl, tables, large, partsBase)), { mtime }];
  return zipSync(entries, { level: 9 });
}
