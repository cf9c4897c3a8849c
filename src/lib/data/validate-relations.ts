/**
 * Rules across rows and tables, over rows that passed their own schema: keys, references, dates
 * and values that only make sense together. Pure: no file system.
 */
import {
  TABLES,
  type IndicatorRow,
  type FormerProvinceRow,
  type ObservationRow,
  type ProvinceRow,
  type TableName,
} from '../../schemas/index.ts';
import { isSafeUrl } from '../../schemas/cells.ts';
import { slugify } from '../text.ts';
import { issue, rowReporter, type Issue, type RowReporter } from './issues.ts';
import type { RawDataset } from './read-dataset.ts';
import type { ColumnTable } from './store.ts';
import { isSameUnitName } from './unit-names.ts';

/** Counts the data contract fixes; a different count is a warning (a unit may be created by law). */
const EXPECTED_ROWS: Partial<Record<TableName, number>> = { provinces: 34, former_provinces: 63 };

type Row = Record<string, unknown>;

/** Tables whose keys other rows point to (foreign keys, area codes, sources): only these keep a key set. */
export const REFERENCED_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  ...TABLES.flatMap((t) => t.foreignKeys.map((fk) => fk.reference.table)),
  'provinces',
  'former_provinces',
  'communes',
  'documents',
]);

/** A key column's value as compared: the text of the cell, null as empty (String(x ?? '')). */
function keyPart(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * First row of each primary key, as one nested Map per key column. Cells of typed rows are shared
 * strings (validate-rows.ts caches each distinct cell), so a lookup hashes nothing new; a joined key
 * per row cost 1.5 s of 2.3 s for 1.6 million observations.
 * The key columns are nested by how many distinct values they hold in a sample of the rows, fewest
 * first: each distinct prefix of the nesting is one Map, so the column with the most values goes
 * last (in key order, the 3.9 million observations of the benchmark made 3.9 million one-entry Maps).
 * The order changes no result, only the number of Maps.
 * The returned function gives the index already stored under `parts` (in key order), or undefined after storing `index`.
 */
function keyIndex(rows: readonly Row[], fields: readonly string[]): (parts: readonly string[], index: number) => number | undefined {
  const depth = fields.length;
  const step = Math.max(1, Math.floor(rows.length / 10_000));
  const distinct = fields.map((f) => {
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i += step) seen.add(keyPart(rows[i]![f]));
    return seen.size;
  });
  const order = fields.map((_, k) => k).sort((a, b) => distinct[a]! - distinct[b]! || a - b);
  const root = new Map<string, unknown>();
  return (parts, index) => {
    let map = root;
    for (let d = 0; d < depth - 1; d++) {
      const part = parts[order[d]!]!;
      let next = map.get(part) as Map<string, unknown> | undefined;
      if (next === undefined) map.set(part, (next = new Map()));
      map = next;
    }
    const last = parts[order[depth - 1]!]!;
    const first = map.get(last) as number | undefined;
    if (first === undefined) map.set(last, index);
    return first;
  };
}

/**
 * The duplicate keys of a table given as columns, without making its rows: pairs (row, first row of
 * its key) in row order, as keyIndex finds them. Each key column's dictionary values are made into
 * the text keyIndex compares (keyPart), the distinct texts numbered, and a row's key is the number
 * of its texts in mixed radix. The rows are sorted into buckets by a hash of their key (in row
 * order within each), and each bucket is looked up in an open-addressed table small enough to stay
 * in the processor's cache: one table for all 3.95 M keys of observations at M50 cost 0.9 s of
 * cache misses, the buckets about a tenth of it. Null when a key column is not dictionary-coded or
 * the keys do not fit in a double's integers: keyIndex is used instead.
 */
function duplicatesOnColumns(table: ColumnTable, fields: readonly string[]): number[] | null {
  const codes: ArrayLike<number>[] = [];
  const ids: Uint32Array[] = [];
  const sizes: number[] = [];
  let space = 1;
  for (const f of fields) {
    const col = table.column(f);
    if (col === undefined || col.kind !== 'dict') return null;
    const texts = new Map<string, number>();
    ids.push(
      Uint32Array.from(col.dict, (v) => {
        const text = keyPart(v);
        let id = texts.get(text);
        if (id === undefined) texts.set(text, (id = texts.size));
        return id;
      }),
    );
    codes.push(col.codes);
    sizes.push(Math.max(1, texts.size));
    space *= Math.max(1, texts.size);
    if (space > Number.MAX_SAFE_INTEGER) return null;
  }
  const n = table.length;
  const depth = fields.length;
  const keys = new Float64Array(n);
  const hashes = new Uint32Array(n);
  // Buckets of about 8,192 rows (a power of two), chosen by the hash's high bits; slots by its low bits.
  let bucketBits = 0;
  while (bucketBits < 16 && n >> (bucketBits + 13) > 0) bucketBits++;
  const starts = new Uint32Array((1 << bucketBits) + 1);
  // Column by column: one loop over the rows reads arrays of one kind each (a loop reading all the
  // columns' arrays of several kinds was twice as slow).
  for (let k = 0; k < depth; k++) addDigits(keys, sizes[k]!, ids[k]!, codes[k]!);
  // Keys in increasing order (a file sorted by its key, as written by most tools) are all distinct.
  let increasing = 1;
  while (increasing < n && keys[increasing]! > keys[increasing - 1]!) increasing++;
  if (increasing >= n) return [];
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x85ebca6b), 0x9e3779b1);
    h = (h ^ (h >>> 15)) >>> 0;
    hashes[i] = h;
    if (bucketBits > 0) starts[(h >>> (32 - bucketBits)) + 1]!++;
    else starts[1]!++;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  // Each row's index, key and hash moved to its bucket's place, so that a bucket is read in one run.
  const order = new Uint32Array(n);
  const bucketKeys = new Float64Array(n);
  const bucketHashes = new Uint32Array(n);
  const at = starts.slice(0, -1);
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    const to = at[bucketBits > 0 ? h >>> (32 - bucketBits) : 0]!++;
    order[to] = i;
    bucketKeys[to] = keys[i]!;
    bucketHashes[to] = h;
  }
  let largest = 0;
  for (let b = 0; b + 1 < starts.length; b++) largest = Math.max(largest, starts[b + 1]! - starts[b]!);
  let slots = 16;
  while (slots < 2 * largest) slots *= 2;
  const slotKeys = new Float64Array(slots);
  const firsts = new Int32Array(slots);
  const pairs: number[] = [];
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from < 2) continue;
    let size = 16;
    while (size < 2 * (to - from)) size *= 2;
    const mask = size - 1;
    firsts.fill(-1, 0, size);
    for (let r = from; r < to; r++) {
      const i = order[r]!;
      const key = bucketKeys[r]!;
      let slot = bucketHashes[r]! & mask;
      for (;;) {
        const first = firsts[slot]!;
        if (first === -1) {
          slotKeys[slot] = key;
          firsts[slot] = i;
          break;
        }
        if (slotKeys[slot] === key) {
          pairs.push(i, first);
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  // In row order, as keyIndex reports them.
  const byRow = Array.from({ length: pairs.length / 2 }, (_, k) => k).sort((a, b) => pairs[2 * a]! - pairs[2 * b]!);
  return byRow.flatMap((k) => [pairs[2 * k]!, pairs[2 * k + 1]!]);
}

/** keys[i] = keys[i] × radix + ids[codes[i]]: one more digit of each row's key. */
function addDigits(keys: Float64Array, radix: number, ids: Uint32Array, codes: ArrayLike<number>): void {
  for (let i = 0; i < keys.length; i++) keys[i] = keys[i]! * radix + ids[codes[i]!]!;
}

/** A report on row `index` of table `name`. */
type Report = (name: TableName, ...args: Parameters<RowReporter>) => void;

const defOf = (name: TableName) => TABLES.find((t) => t.name === name)!;
const fileOf = (name: TableName) => defOf(name).file;

/**
 * The keys rows may point to in a referenced table: those of its rows that passed and the raw keys of
 * every readable row (rows that failed their own checks still count as existing, so one bad row does
 * not also fail every row that points to it).
 */
function referenceKeys(name: TableName, rows: readonly Row[], raw: ReadonlySet<string>): Set<string> {
  const { primaryKey } = defOf(name);
  return new Set([...rows.map((row) => primaryKey.map((f) => keyPart(row[f])).join('\u0000')), ...raw]);
}

/** The tables whose keys a rule of an observation row reads: those its foreign keys, area codes and sources point to. */
const OBSERVATION_KEY_TABLES: readonly TableName[] = [
  ...new Set<TableName>([
    ...defOf('observations').foreignKeys.map((fk) => fk.reference.table),
    'provinces',
    'former_provinces',
    'communes',
    'documents',
  ]),
];

/**
 * Everything the rules of an observation row read besides the row (observationChecker): the keys
 * of the tables it points to, the provinces and former provinces (named in messages), the
 * indicators, the dataset's as-of date. Plain data, so that its JSON can key the results of a
 * piece of observations.csv (validate-dataset.ts): the same context and rows give the same issues.
 */
export interface ObservationContext {
  asOf: string | null;
  keys: Partial<Record<TableName, string[]>>;
  provinces: ProvinceRow[];
  formerProvinces: FormerProvinceRow[];
  indicators: IndicatorRow[];
}

export function observationContext(
  data: Pick<RawDataset, 'tables' | 'meta' | 'rawKeys'>,
  keySets?: ReadonlyMap<TableName, ReadonlySet<string>>,
): ObservationContext {
  const keys: Partial<Record<TableName, string[]>> = {};
  for (const name of OBSERVATION_KEY_TABLES)
    keys[name] = [...(keySets?.get(name) ?? referenceKeys(name, data.tables[name], data.rawKeys[name]))];
  return {
    asOf: data.meta?.as_of ?? null,
    keys,
    provinces: data.tables.provinces,
    formerProvinces: data.tables.former_provinces,
    indicators: data.tables.indicators,
  };
}

/** What the rules of observation rows found: their issues, and per percent indicator its first row with a value (an index into the rows checked) and whether a value lies outside 0–1. */
export interface ObservationChecks {
  issues: Issue[];
  percent: Map<string, { first: number; above: boolean }>;
}

/** The look-ups the row rules share. */
interface Lookups {
  has: (name: TableName, code: string) => boolean;
  formerByCode: Map<string | null, FormerProvinceRow>;
  provinceByCode: Map<string | null, ProvinceRow>;
  indicatorById: Map<string | null, IndicatorRow>;
  /** Each distinct source looked up once (URL parsing is the costly part). */
  knownSource: Map<string, boolean>;
  asOf: string | null;
}

function lookupsOf(ctx: Omit<ObservationContext, 'keys'>, keySets: ReadonlyMap<TableName, ReadonlySet<string>>): Lookups {
  return {
    has: (name, code) => keySets.get(name)!.has(code),
    formerByCode: new Map(ctx.formerProvinces.map((f) => [f.code, f])),
    provinceByCode: new Map(ctx.provinces.map((p) => [p.code, p])),
    indicatorById: new Map(ctx.indicators.map((ind) => [ind.id, ind])),
    knownSource: new Map(),
    asOf: ctx.asOf,
  };
}

/**
 * The rules of each observation row against the other tables (its foreign keys, area, source,
 * publication date, value against its indicator), as a function of rows and their file lines. The
 * rows may be a part of the table: each row's issues depend on the row and the context alone.
 */
export function observationChecker(
  ctx: ObservationContext,
): (rows: readonly ObservationRow[], lines: readonly number[]) => ObservationChecks {
  const keySets = new Map(Object.entries(ctx.keys).map(([name, keys]) => [name as TableName, new Set(keys)]));
  const l = lookupsOf(ctx, keySets);
  return (rows, lines) => checkObservationRows(l, keySets, rows, lines);
}

function checkObservationRows(
  l: Lookups,
  keySets: ReadonlyMap<TableName, ReadonlySet<string>>,
  rows: readonly ObservationRow[],
  lines: readonly number[],
): ObservationChecks {
  const issues: Issue[] = [];
  const reporter = rowReporter(issues, fileOf('observations'), lines);
  const report: Report = (_name, ...args) => reporter(...args);
  checkForeignKeys('observations', rows, keySets, report);
  const checkArea = areaRule(l, report);
  rows.forEach((o, i) => checkArea('observations', i, o.area_level, o.area_code));
  const checkSource = sourceRule(l, report);
  rows.forEach((o, i) => checkSource('observations', i, o.source_id));
  const afterAsOf = afterAsOfRule(l, report);
  rows.forEach((o, i) => afterAsOf('observations', i, 'published_on', o.published_on));
  const percent = new Map<string, { first: number; above: boolean }>();
  const checkValue = valueRule(l, report, percent);
  rows.forEach(checkValue);
  return { issues, percent };
}

/** The declared foreign keys of one table's rows. */
function checkForeignKeys(
  name: TableName,
  rows: readonly Row[],
  keySets: ReadonlyMap<TableName, ReadonlySet<string>>,
  report: Report,
): void {
  for (const fk of defOf(name).foreignKeys) {
    const keys = keySets.get(fk.reference.table)!;
    const single = fk.fields.length === 1 ? fk.fields[0]! : null;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // One column (most foreign keys): no array per row.
      if (single !== null) {
        const value = row[single];
        if (value === null || value === undefined || keys.has(String(value))) continue;
      }
      const values = fk.fields.map((f) => row[f]);
      if (values.some((v) => v === null || v === undefined)) continue;
      if (!keys.has(values.length === 1 ? String(values[0]) : values.map(String).join('\u0000'))) {
        report(
          name,
          i,
          fk.fields.join('+'),
          'unknown-reference',
          values.join(', '),
          `"${values.join(', ')}" is not a ${fk.reference.fields.join('+')} in ${fileOf(fk.reference.table)}.`,
          `Use an existing ${fk.reference.fields.join('+')} of ${fileOf(fk.reference.table)}, or add that row first.`,
        );
      }
    }
  }
}

/** Areas by level: never a former code where a current one is required. */
function areaRule(l: Lookups, report: Report): (name: TableName, i: number, level: string, code: string | null) => void {
  const { has, formerByCode, provinceByCode } = l;
  return (name, i, level, code) => {
    if (level === 'national') {
      const ok = name === 'observations' ? code === 'VN' : code === null;
      if (!ok)
        report(
          name,
          i,
          'area_code',
          'area-mismatch',
          code,
          name === 'observations' ? 'A national value has the area code VN.' : 'A national task has no area code.',
          name === 'observations' ? 'Write VN in area_code.' : 'Leave area_code empty, or choose area_level province or commune.',
        );
      return;
    }
    if (code === null) {
      report(
        name,
        i,
        'area_code',
        'missing-value',
        code,
        `An area code is needed for area_level ${level}.`,
        'Write the GSO code of the area.',
      );
      return;
    }
    if (level === 'province' && !has('provinces', code)) {
      const former = formerByCode.get(code);
      if (former) {
        const successor = provinceByCode.get(former.successor_code);
        report(
          name,
          i,
          'area_code',
          'former-code-as-current',
          code,
          `${code} is not a current province here: it is the code of the former province ${former.name_vi}, now part of ${successor ? `${successor.name_vi} (${former.successor_code})` : `province ${former.successor_code}`}.`,
          `Use area_level former_province for data about ${former.name_vi} before 1 July 2025, or the successor code ${former.successor_code} for the current province.`,
        );
      } else
        report(
          name,
          i,
          'area_code',
          'unknown-area',
          code,
          `${code} is not a province code in provinces.csv.`,
          'Use one of the 34 codes of provinces.csv.',
        );
    } else if (level === 'former_province' && !has('former_provinces', code)) {
      report(
        name,
        i,
        'area_code',
        'unknown-area',
        code,
        `${code} is not a former province code in former_provinces.csv.`,
        'Use one of the 63 codes of former_provinces.csv.',
      );
    } else if (level === 'commune' && !has('communes', code)) {
      report(
        name,
        i,
        'area_code',
        'unknown-area',
        code,
        `${code} is not a commune code in communes.csv.`,
        'Use a 5-digit code of communes.csv (current communes, from 1 July 2025).',
      );
    }
  };
}

/** Sources: a document id or a link. */
function sourceRule(l: Lookups, report: Report): (name: TableName, i: number, source: string | null) => void {
  const { has, knownSource } = l;
  return (name, i, source) => {
    if (source === null) return;
    let known = knownSource.get(source);
    if (known === undefined) knownSource.set(source, (known = has('documents', source) || isSafeUrl(source)));
    if (known) return;
    report(
      name,
      i,
      'source_id',
      'unknown-source',
      source,
      `"${source}" is neither a document id of documents.csv nor an http(s) link.`,
      'Add the document to documents.csv first, or give the full https:// address of the source.',
    );
  };
}

/** A date is not after the dataset's as-of date. */
function afterAsOfRule(l: Lookups, report: Report): (name: TableName, i: number, column: string, value: string | null) => void {
  const { asOf } = l;
  return (name, i, column, value) => {
    if (asOf !== null && value !== null && value > asOf) {
      report(
        name,
        i,
        column,
        'date-after-as-of',
        value,
        `${value} is after the dataset's as-of date (${asOf}).`,
        'Correct the date, or move as_of in dataset.json forward if the data really describes a later date.',
      );
    }
  };
}

const PERIOD_OF: Record<string, RegExp> = { year: /^\d{4}$/, quarter: /^\d{4}-Q[1-4]$/, month: /^\d{4}-\d{2}$/ };

/** An observation's value and period against its indicator; its percent values noted in `percentSeen` (per percent indicator: the first row with a value, and whether any value lies outside 0–1). */
function valueRule(
  l: Lookups,
  report: Report,
  percentSeen: Map<string, { first: number; above: boolean }>,
): (o: ObservationRow, i: number) => void {
  const { indicatorById } = l;
  return (o, i) => {
    const ind = o.indicator_id === null ? undefined : indicatorById.get(o.indicator_id);
    if (!ind) return;
    if (o.value !== null && (ind.unit === 'count' || ind.unit === 'rank') && !Number.isInteger(o.value)) {
      report(
        'observations',
        i,
        'value',
        'not-whole-number',
        o.value,
        `${ind.id} is a ${ind.unit}: ${o.value} is not a whole number.`,
        'Check the value against the source (a count or a rank has no fraction).',
      );
    }
    if (o.value !== null && ind.unit === 'percent') {
      const seen = percentSeen.get(ind.id) ?? { first: i, above: false };
      seen.above ||= o.value < 0 || o.value > 1;
      percentSeen.set(ind.id, seen);
    }
    if (o.period !== null && !PERIOD_OF[ind.period_type]!.test(o.period)) {
      report(
        'observations',
        i,
        'period',
        'period-mismatch',
        o.period,
        `${ind.id} is reported by ${ind.period_type}, but the period is ${o.period}.`,
        `Write the period as ${ind.period_type === 'year' ? 'YYYY' : ind.period_type === 'quarter' ? 'YYYY-Qn' : 'YYYY-MM'}.`,
      );
    }
    if (o.value !== null && ((ind.min !== null && o.value < ind.min) || (ind.max !== null && o.value > ind.max))) {
      report(
        'observations',
        i,
        'value',
        'value-out-of-range',
        o.value,
        `${o.value} is outside the range of ${ind.id} (${ind.min ?? '−∞'} to ${ind.max ?? '∞'}).`,
        ind.unit === 'percent'
          ? 'Percentages are written 0–100 (50 for 50%), not as fractions.'
          : 'Check the value and the unit against the source.',
      );
    }
  };
}

/**
 * With `observations`, the rules of each observation row (observationChecker) are not run again:
 * their result is given, for the table's rows as a whole (validate-dataset.ts puts it together from
 * the results of its pieces). Where a table's rows are given as columns (`columns`), its keys are
 * compared on the columns, so that its rows are not made.
 */
export function validateRelations(
  data: Pick<RawDataset, 'tables' | 'lines' | 'meta' | 'rawKeys'> & Partial<Pick<RawDataset, 'reference' | 'columns'>>,
  observations?: ObservationChecks,
): Issue[] {
  const { tables, lines, meta, rawKeys } = data;
  const reference = data.reference ?? null;
  const issues: Issue[] = [];
  const rowsOf = (name: TableName) => tables[name] as unknown as Row[];
  const lineOf = (name: TableName, index: number) => lines[name][index] ?? null;
  const report: Report = (name, ...args) => rowReporter(issues, fileOf(name), lines[name])(...args);

  // --- keys ---------------------------------------------------------------------------------------
  const keySets = new Map<TableName, Set<string>>();
  for (const def of TABLES) {
    const columns = data.columns?.[def.name] as ColumnTable | undefined;
    const duplicates = columns === undefined ? null : duplicatesOnColumns(columns, def.primaryKey);
    const reportDuplicate = (i: number, first: number, row: Row) =>
      report(
        def.name,
        i,
        def.primaryKey.join('+'),
        'duplicate-key',
        def.primaryKey.map((f) => row[f]).join(', '),
        `The key (${def.primaryKey.join(', ')}) is already used on line ${lineOf(def.name, first)}.`,
        'Each row needs a unique key: merge the two rows or correct one of them.',
      );
    if (duplicates !== null && columns !== undefined) {
      for (let d = 0; d < duplicates.length; d += 2) reportDuplicate(duplicates[d]!, duplicates[d + 1]!, columns.row(duplicates[d]!));
    } else {
      const rows = rowsOf(def.name);
      const firstOrAdd = keyIndex(rows, def.primaryKey);
      const parts = def.primaryKey.map(() => '');
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (let k = 0; k < parts.length; k++) parts[k] = keyPart(row[def.primaryKey[k]!]);
        const first = firstOrAdd(parts, i);
        if (first !== undefined) reportDuplicate(i, first, row);
      }
    }
    if (REFERENCED_TABLES.has(def.name)) keySets.set(def.name, referenceKeys(def.name, rowsOf(def.name), rawKeys[def.name]));
    const expected = EXPECTED_ROWS[def.name];
    const count = columns?.length ?? rowsOf(def.name).length;
    if (expected !== undefined && count !== expected) {
      issues.push(
        issue({
          severity: 'warning',
          code: 'table-dimensions',
          file: def.file,
          message: `The table has ${count} rows; ${expected} are expected.`,
          hint: 'Check for missing or extra rows; if the administrative map changed by law, update the expected count in src/lib/data/validate-relations.ts.',
        }),
      );
    }
  }
  const lookups = lookupsOf(
    { asOf: meta?.as_of ?? null, provinces: tables.provinces, formerProvinces: tables.former_provinces, indicators: tables.indicators },
    keySets,
  );
  const { formerByCode, provinceByCode, has } = lookups;

  // --- declared foreign keys (those of observations: with their other rules, below) -----------------
  for (const def of TABLES) if (def.name !== 'observations') checkForeignKeys(def.name, rowsOf(def.name), keySets, report);

  // --- the rules of each observation row ------------------------------------------------------------
  const observed = observations ?? checkObservationRows(lookups, keySets, tables.observations, lines.observations);
  for (const i of observed.issues) issues.push(i);

  // --- areas by level -------------------------------------------------------------------------------
  const checkArea = areaRule(lookups, report);
  tables.tasks.forEach((t, i) => checkArea('tasks', i, t.area_level, t.area_code));
  tables.targets.forEach((t, i) => {
    if (t.scope !== 'national' && t.scope !== null) checkArea('targets', i, 'province', t.scope);
  });

  // --- current provinces carry their official names (reference list; tone-mark placement tolerated) --------------
  if (reference) {
    const formerNames = (code: string) => tables.former_provinces.filter((f) => f.successor_code === code && f.code !== code);
    tables.provinces.forEach((p, i) => {
      if (p.code === null) return;
      const official = reference.provinces.get(p.code);
      if (!official) {
        const former = formerByCode.get(p.code);
        report(
          'provinces',
          i,
          'code',
          'unknown-area',
          p.code,
          `${p.code} is not the code of a current province in the reference list (data/${reference.file})${former ? `: it is the former province ${former.name_vi}, now part of ${former.successor_code}` : ''}.`,
          'List only the 34 current provinces; former provinces go in former_provinces.csv.',
        );
        return;
      }
      for (const column of ['name_vi', 'full_name_vi'] as const) {
        const written = p[column];
        if (written === null || isSameUnitName(written, official[column])) continue;
        const former = formerNames(p.code).find((f) => written.includes(f.name_vi));
        report(
          'provinces',
          i,
          column,
          'unit-name-mismatch',
          written,
          `"${written}" is not the official name of province ${p.code}: the reference list (data/${reference.file}) gives "${official[column]}"${former ? `; ${former.name_vi} is the former province (${former.code}) merged into it` : ''}.`,
          `Write "${official[column]}" (the placement of a tone mark, as in Hoà/Hòa, may differ).`,
        );
      }
    });
  }

  // --- sources: a document id or a link ------------------------------------------------------------------
  const checkSource = sourceRule(lookups, report);
  tables.tasks.forEach((t, i) => checkSource('tasks', i, t.source_id));
  tables.progress_reports.forEach((r, i) => checkSource('progress_reports', i, r.source_id));
  tables.agency_successions.forEach((r, i) => checkSource('agency_successions', i, r.source_id));
  tables.agency_reports.forEach((r, i) => checkSource('agency_reports', i, r.source_id));

  // --- dates ----------------------------------------------------------------------------------------------
  const afterAsOf = afterAsOfRule(lookups, report);
  // Rules of tasks and their reports: validate-tasks.ts.
  tables.tasks.forEach((t, i) => afterAsOf('tasks', i, 'assigned_on', t.assigned_on));
  tables.documents.forEach((d, i) => afterAsOf('documents', i, 'issued_on', d.issued_on));

  // --- values against their indicator ---------------------------------------------------------------------
  tables.indicators.forEach((ind, i) => {
    if (ind.min !== null && ind.max !== null && ind.min > ind.max) {
      report(
        'indicators',
        i,
        'min',
        'invalid-range',
        `${ind.min}..${ind.max}`,
        `min (${ind.min}) is greater than max (${ind.max}).`,
        'Swap or correct the bounds.',
      );
    }
  });
  const percentSeen = observed.percent;

  tables.indicators.forEach((ind, i) => {
    const seen = ind.id === null ? undefined : percentSeen.get(ind.id);
    if (seen && !seen.above) {
      report(
        'indicators',
        i,
        'unit',
        'percent-as-fraction',
        ind.unit,
        `Every value of the percent indicator ${ind.id} lies between 0 and 1 (first on line ${lineOf('observations', seen.first)} of observations.csv): fractions instead of percent?`,
        'Percentages are written 0–100 (50 for 50%). If the values really are below 1%, leave them.',
        'warning',
      );
    }
  });

  // --- targets: comparator and values agree -------------------------------------------------------------------
  tables.targets.forEach((t, i) => {
    const bad = (message: string, hint: string) => report('targets', i, 'comparator', 'target-value-mismatch', t.comparator, message, hint);
    if (t.comparator === 'qualitative') {
      if (t.value !== null || t.value_max !== null)
        bad('A qualitative target has no value.', 'Empty value and value_max, or choose a numeric comparator.');
    } else if (t.comparator === 'between') {
      if (t.value === null || t.value_max === null)
        bad('A "between" target needs value and value_max.', 'Write the lower bound in value and the upper bound in value_max.');
      else if (t.value > t.value_max)
        bad(`value (${t.value}) is greater than value_max (${t.value_max}).`, 'Write the lower bound in value.');
    } else {
      if (t.value === null) bad(`Comparator ${t.comparator} needs a value.`, 'Write the target value, or use comparator qualitative.');
      if (t.value_max !== null) bad('value_max is only used with comparator between.', 'Empty value_max.');
    }
  });

  // --- dated unit changes agree with the current state ----------------------------------------------------------
  const communeTypeByCode = new Map(tables.communes.map((c) => [c.code, c.type]));
  const currentType = (level: string, code: string): string | undefined =>
    (level === 'province' ? provinceByCode.get(code)?.type : communeTypeByCode.get(code)) ?? undefined;
  const latestChange = new Map<string, { index: number; date: string }>();
  tables.unit_changes.forEach((c, i) => {
    if (c.change !== 'type' || c.level === null || c.code === null || c.date === null) return;
    const exists = c.level === 'province' ? has('provinces', c.code) : has('communes', c.code);
    if (!exists) {
      report(
        'unit_changes',
        i,
        'code',
        'unknown-area',
        c.code,
        `${c.code} is not a current ${c.level} code.`,
        `Use a code of ${c.level === 'province' ? 'provinces.csv' : 'communes.csv'}.`,
      );
      return;
    }
    const key = `${c.level}|${c.code}`;
    const prev = latestChange.get(key);
    if (!prev || c.date > prev.date) latestChange.set(key, { index: i, date: c.date });
  });
  for (const [key, { index }] of latestChange) {
    const [level, code] = key.split('|') as [string, string];
    const change = tables.unit_changes[index]!;
    const now = currentType(level, code);
    if (now !== undefined && change.to !== now) {
      report(
        'unit_changes',
        index,
        'to',
        'unit-change-mismatch',
        change.to,
        `The latest type change of ${code} ends in "${change.to}", but its type in ${level === 'province' ? 'provinces.csv' : 'communes.csv'} is "${now}".`,
        'Make the current table and the latest change agree.',
      );
    }
  }

  // --- documents are addressed by slug on the site --------------------------------------------------------------
  const slugs = new Map<string, number>();
  tables.documents.forEach((d, i) => {
    if (d.id === null) return;
    const slug = slugify(d.id);
    const first = slugs.get(slug);
    if (first !== undefined) {
      report(
        'documents',
        i,
        'id',
        'duplicate-slug',
        d.id,
        `"${d.id}" and "${tables.documents[first]!.id}" (line ${lineOf('documents', first)}) have the same web address /documents/${slug}/.`,
        'Make the two ids differ by a letter or digit, not only by punctuation or diacritics.',
      );
    } else slugs.set(slug, i);
  });

  // --- metadata names real sources and tables -------------------------------------------------------------------
  if (meta) {
    const sourceIds = new Set(meta.sources.map((s) => s.id));
    const tableNames = new Set<string>(TABLES.map((t) => t.name));
    for (const [table, ids] of Object.entries(meta.table_sources)) {
      if (!tableNames.has(table))
        issues.push(
          issue({
            code: 'metadata-error',
            file: 'dataset.json',
            column: `table_sources.${table}`,
            value: table,
            message: `"${table}" is not a table.`,
            hint: `Use one of: ${[...tableNames].join(', ')}.`,
          }),
        );
      for (const id of ids) {
        if (!sourceIds.has(id))
          issues.push(
            issue({
              code: 'metadata-error',
              file: 'dataset.json',
              column: `table_sources.${table}`,
              value: id,
              message: `Source "${id}" is not listed in sources.`,
              hint: 'Add it to sources with its licence, or correct the id.',
            }),
          );
      }
    }
  }
  return issues;
}
