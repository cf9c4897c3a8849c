/**
 * The SQLite database of one version of the data: every table of that version with typed columns,
 * its primary and foreign keys, the dataset's metadata, and a few documented views (docs/api.md).
 * Written with Node's built-in node:sqlite in memory and serialized after VACUUM, with a fixed page
 * size and no timestamp: the same files give the same bytes with the same SQLite library.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { columnsOf, getColumnMeta, type ColumnType, type TableDef } from '../../schemas/index.ts';
import { filesDir, readTypedRows } from './downloads.ts';
import { isLarge } from './partition.ts';
import { tablesOf } from './tables.ts';

/** File name of the database in every version folder (/data/v/{version}/, /data/latest/). */
export const SQLITE_NAME = 'nq57-data.sqlite';
export const SQLITE_MEDIATYPE = 'application/vnd.sqlite3';

const SQL_TYPES: Record<ColumnType, string> = { string: 'TEXT', date: 'TEXT', integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER' };
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The views of every database, with what each one answers (also listed in docs/api.md and on the developers page). */
export const SQLITE_VIEWS: readonly {
  name: string;
  needs: readonly string[];
  description: string;
  /** `has(table, column)`: whether the version's table has that column (1.0.0's observations have no as_of). */
  sql: (has: (table: string, column: string) => boolean) => string;
}[] = [
  {
    name: 'latest_values',
    needs: ['observations'],
    description:
      'The newest observation that has a value, per indicator and area (latest period, then latest snapshot date); gaps (empty values) are never the latest value.',
    sql: (has) => `SELECT * FROM (
  SELECT o.*, ROW_NUMBER() OVER (
    PARTITION BY o.indicator_id, o.area_level, o.area_code
    ORDER BY o.period DESC${has('observations', 'as_of') ? ", COALESCE(o.as_of, '') DESC" : ''}) AS _n
  FROM observations o WHERE o.value IS NOT NULL) WHERE _n = 1`,
  },
  {
    name: 'task_current_report',
    needs: ['tasks', 'progress_reports'],
    description:
      "Every task with its current progress report: the latest report made on or before the dataset's as-of date (status as the report writes it, and its source); NULL columns when no report was found. The portal's derived status (past deadline etc.) is on the task pages and in /api/v1/tasks/{id}.json.",
    sql: () => `SELECT t.id AS task_id, t.document_id, t.due_period, t.recurrence, r.reported_on, r.describes_on, r.status_word, r.status,
  r.completed_on, r.source_id AS report_source_id
FROM tasks t LEFT JOIN (
  SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.task_id ORDER BY p.reported_on DESC, p.describes_on DESC) AS _n
  FROM progress_reports p WHERE p.reported_on <= (SELECT value FROM dataset WHERE key = 'as_of')) r
  ON r.task_id = t.id AND r._n = 1`,
  },
  {
    name: 'observations_with_source',
    needs: ['observations', 'documents', 'indicators'],
    description:
      'Observations with the indicator name and unit, and the source document (title, issuer, date, URL) when source_id is a document of documents.csv; source_id stays the citation when it is a URL.',
    sql: () => `SELECT o.*, i.name_vi AS indicator_name_vi, i.name_en AS indicator_name_en, i.unit AS indicator_unit,
  d.title_vi AS source_title_vi, d.issuer AS source_issuer, d.issued_on AS source_issued_on, d.url AS source_url
FROM observations o JOIN indicators i ON i.id = o.indicator_id LEFT JOIN documents d ON d.id = o.source_id`,
  },
];

function headerOf(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  return (text.split('\n', 1)[0] ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',');
}

/** CREATE TABLE of a table as published in a version: the columns its CSV has, typed by the schema. */
export function createTableSql(def: TableDef, header: readonly string[], present: ReadonlySet<string>): string {
  const columns = columnsOf(def).filter((c) => header.includes(c));
  const lines = columns.map((c) => {
    const meta = getColumnMeta(def.row.shape[c] as never);
    const check = meta.type === 'boolean' ? ` CHECK (${ident(c)} IN (0, 1))` : '';
    return `  ${ident(c)} ${SQL_TYPES[meta.type]}${meta.required ? ' NOT NULL' : ''}${check}`;
  });
  // A key column the version did not have yet (as_of before 1.1.0) is not part of its key.
  lines.push(
    `  PRIMARY KEY (${def.primaryKey
      .filter((c) => columns.includes(c))
      .map(ident)
      .join(', ')})`,
  );
  for (const fk of def.foreignKeys)
    if (present.has(fk.reference.table) && fk.fields.every((f) => columns.includes(f)))
      lines.push(
        `  FOREIGN KEY (${fk.fields.map(ident).join(', ')}) REFERENCES ${ident(fk.reference.table)} (${fk.reference.fields.map(ident).join(', ')})`,
      );
  // Not STRICT: a STRICT table makes every key column NOT NULL, and observations' key has the optional as_of.
  return `CREATE TABLE ${ident(def.name)} (\n${lines.join(',\n')}\n)`;
}

const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number | null));

/**
 * The database of `version` of the data directory `dir` (null: the working data), as bytes.
 * The rows come through the same schema as the JSON downloads (readTypedRows), so values are typed
 * exactly as there. A large table (partition.ts: published in parts) is left out, as from the zip:
 * the database would be over the host's file limit. Its name is in the `dataset` table under
 * `tables_left_out` (a JSON array), so a reader of the file knows it is not the whole release.
 */
export function buildSqlite(dir: string, version: string | null): Uint8Array {
  const files = filesDir(dir, version);
  const all = tablesOf(files);
  const tables = all.filter((t) => !isLarge(statSync(join(files, t.file)).size));
  const leftOut = all.filter((t) => !tables.includes(t)).map((t) => t.name as string);
  const present = new Set(tables.map((t) => t.name as string));
  const db = new DatabaseSync(':memory:');
  try {
    db.exec('PRAGMA page_size = 4096; PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF;');
    db.exec('CREATE TABLE dataset (key TEXT PRIMARY KEY NOT NULL, value TEXT)');
    const meta = JSON.parse(readFileSync(join(files, 'dataset.json'), 'utf8')) as Record<string, unknown>;
    const putMeta = db.prepare('INSERT INTO dataset (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(meta)) putMeta.run(k, typeof v === 'string' ? v : JSON.stringify(v));
    putMeta.run('version', version);
    if (leftOut.length > 0) putMeta.run('tables_left_out', JSON.stringify(leftOut));
    const headers = new Map<string, string[]>();
    db.exec('BEGIN');
    for (const def of tables) {
      const bytes = new Uint8Array(readFileSync(join(files, def.file)));
      const header = headerOf(bytes);
      headers.set(def.name, header);
      db.exec(createTableSql(def, header, present));
      const columns = columnsOf(def).filter((c) => header.includes(c));
      const insert = db.prepare(
        `INSERT INTO ${ident(def.name)} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      readTypedRows(def, bytes, (row) => insert.run(...columns.map((c) => sqlValue(row[c]))));
    }
    db.exec('COMMIT');
    for (const view of SQLITE_VIEWS)
      if (view.needs.every((t) => present.has(t)))
        db.exec(`CREATE VIEW ${ident(view.name)} AS\n${view.sql((t, c) => headers.get(t)?.includes(c) ?? false)}`);
    db.exec('VACUUM');
    return db.serialize();
  } finally {
    db.close();
  }
}

const built = new Map<string, Uint8Array>();

/** The database of a version, built once per process (the download and the Data Package's checksum read the same bytes). */
export function sqliteBytes(dir: string, version: string | null): Uint8Array {
  const key = `${dir}\u0000${version}`;
  let bytes = built.get(key);
  if (!bytes) {
    bytes = buildSqlite(dir, version);
    built.set(key, bytes);
  }
  return bytes;
}

/** The database as a Data Package resource, with its size and SHA-256 (the checksum of a file the release record does not list). */
export function sqliteResource(dir: string, version: string | null) {
  const bytes = sqliteBytes(dir, version);
  return {
    name: 'sqlite',
    path: SQLITE_NAME,
    // Not a table: a Data Package (not a Tabular Data Package) may list it as a plain data resource.
    profile: 'data-resource',
    title: 'All tables as one SQLite database, with keys and views',
    format: 'sqlite',
    mediatype: SQLITE_MEDIATYPE,
    bytes: bytes.length,
    hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  };
}
