/**
 * Nothing already published is lost by mistake: every row of the latest release is still in the
 * working data (by its primary key, as written), unless its removal is declared in data/removals.csv
 * with a reason. A correction changes a value (the changelog keeps the old one); it never removes a row.
 * Pure: the release's tables and the removals file come in as bytes (read-dataset.ts reads them).
 */
import { TABLES, type TableDef, type TableName } from '../../schemas/index.ts';
import { REMOVAL_KEY_SEPARATOR, REMOVALS_FILE, RemovalRowSchema } from '../../schemas/removals.ts';
import { issue, type Issue } from './issues.ts';
import { columnPositions, parseCsv } from './parse-csv.ts';
import { rowValidator } from './validate-rows.ts';

/** Rows of one table in a release, or in the working data: how many, and their keys (parts joined by U+0000). */
export interface TableKeys {
  count: number;
  keys: Set<string>;
}

export interface PublishedData {
  version: string;
  tables: Map<TableName, TableKeys>;
}

export interface Removal {
  table: TableName;
  key: string;
  line: number;
}

const KEY_JOIN = '\u0000';

/** The key of each row of a table file as written (the same form as readTable's raw keys), and the row count. */
export function readTableKeys(def: TableDef, bytes: Uint8Array): TableKeys {
  const keys = new Set<string>();
  let count = 0;
  parseCsv(bytes, def.file, Object.keys(def.row.shape), (header) => {
    const positions = columnPositions(header);
    const at = def.primaryKey.map((f) => positions.get(f));
    return (values) => {
      count++;
      keys.add(at.map((i) => (i === undefined ? '' : (values[i] ?? ''))).join(KEY_JOIN));
    };
  });
  return { count, keys };
}

/** data/removals.csv: the declared removals, and the problems of the file itself. */
export function readRemovals(bytes: Uint8Array): { removals: Removal[]; issues: Issue[] } {
  const columns = Object.keys(RemovalRowSchema.shape);
  const def = {
    name: 'removals',
    file: REMOVALS_FILE,
    row: RemovalRowSchema,
    primaryKey: ['table', 'key'],
    foreignKeys: [],
  } as unknown as TableDef<typeof RemovalRowSchema>;
  let validator: ReturnType<typeof rowValidator<typeof RemovalRowSchema>> | null = null;
  const parsed = parseCsv(bytes, REMOVALS_FILE, columns, (header) => (validator = rowValidator(def, header)).add);
  const checked = validator as ReturnType<typeof rowValidator<typeof RemovalRowSchema>> | null;
  const issues = [...parsed.issues, ...(checked?.issues ?? [])];
  const removals = (checked?.rows ?? []).map((r, i) => ({
    table: r.table,
    key: r.key.split(REMOVAL_KEY_SEPARATOR).join(KEY_JOIN),
    line: checked!.lines[i]!,
  }));
  return { removals, issues };
}

/**
 * Compares the working data with the latest release: a table with fewer rows, and each published key
 * that is gone, are errors unless declared; a declaration that names no published row is an error too.
 */
export function validatePublished(
  current: ReadonlyMap<TableName, TableKeys>,
  published: PublishedData,
  removals: readonly Removal[],
): Issue[] {
  const issues: Issue[] = [];
  const declared = new Map<TableName, Set<string>>();
  for (const r of removals) {
    const set = declared.get(r.table) ?? new Set<string>();
    set.add(r.key);
    declared.set(r.table, set);
    if (!published.tables.get(r.table)?.keys.has(r.key)) {
      const shown = r.key.split(KEY_JOIN).join(REMOVAL_KEY_SEPARATOR);
      issues.push(
        issue({
          code: 'removals-error',
          file: REMOVALS_FILE,
          row: r.line,
          column: 'key',
          value: shown,
          message: `"${shown}" is not a key of ${r.table} in the latest release (${published.version}).`,
          hint: `Write the key as published, its parts in the order ${keyColumns(r.table).join(', ')} separated by ${REMOVAL_KEY_SEPARATOR}; once the release without the row is published, delete the line.`,
        }),
      );
    }
  }
  for (const def of TABLES as readonly TableDef[]) {
    const before = published.tables.get(def.name);
    const now = current.get(def.name);
    if (!before || !now) continue;
    const allowed = declared.get(def.name) ?? new Set<string>();
    const lost = [...before.keys].filter((k) => !now.keys.has(k) && !allowed.has(k));
    const removed = [...before.keys].filter((k) => !now.keys.has(k) && allowed.has(k)).length;
    if (now.count + removed < before.count) {
      issues.push(
        issue({
          code: 'published-rows-lost',
          file: def.file,
          value: String(now.count),
          message: `${def.name} has ${now.count} rows; release ${published.version} published ${before.count}${removed > 0 ? ` (${removed} removals declared)` : ''}.`,
          hint: `Restore the missing rows (git log -p data/${def.file} shows them), or declare each removed key with its reason in data/${REMOVALS_FILE}.`,
        }),
      );
    }
    for (const k of lost) {
      const shown = k.split(KEY_JOIN).join(REMOVAL_KEY_SEPARATOR);
      issues.push(
        issue({
          code: 'published-key-missing',
          file: def.file,
          column: def.primaryKey.join('+'),
          value: shown,
          message: `The row ${shown} (${def.primaryKey.join(', ')}) of release ${published.version} is not in ${def.file} any more.`,
          hint: `A correction changes a value and keeps the row; restore it, or declare its removal in data/${REMOVALS_FILE}: ${def.name},${shown},<reason>,<next version>.`,
        }),
      );
    }
  }
  return issues;
}

function keyColumns(name: TableName): readonly string[] {
  return (TABLES as readonly TableDef[]).find((t) => t.name === name)!.primaryKey;
}
