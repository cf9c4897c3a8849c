/**
 * The observations of the model as columns (issue #17: 3.95 M rows at bench scale M50). The
 * validated store keeps a table as columns (src/lib/data/store.ts); the model keeps them so, and its
 * indexes hold row numbers (a Uint32Array per index) instead of arrays of row objects. A page that
 * asks for a key gets an array of ObservationRow objects, made then from the columns.
 *
 * The arrays made last are remembered, up to RECENT_ROWS rows per index (the most recently asked
 * for first): asked again meanwhile, a key gives the same array, so a page asking several times, and
 * memos keyed by an array's identity (WeakMaps), still hit; past that, the next call makes the array
 * again, equal element by element. (Not a WeakRef: V8 keeps a WeakRef's target alive until the
 * current job ends, and a route's getStaticPaths, one synchronous job, asks for every commune's
 * series: all 3.9 M rows were kept, 1.2 GB of heap.) Rows made for two indexes are different objects
 * with the same fields: nothing compares observations by identity across indexes.
 *
 * Without a store (PORTAL_CACHE_DIR=off, tests), the same columns are made from the typed rows
 * (ColumnTable.fromRows), and the rows are let go: one code path for the model.
 */
import type { ObservationRow } from '../../schemas/index.ts';
import { cell, type Column, type ColumnTable } from '../data/store.ts';

/**
 * How many rows of the arrays made last one index keeps (about 10 MB of row objects): a page's
 * look-ups and the next pages' (a commune's 50 series of 24 periods at bench scale M50) are kept;
 * an array larger than this (an indicator's 79,000 observations) is made each time it is asked for.
 */
export const RECENT_ROWS = 50_000;

/** model.tables.observations: the observations table in file order, as columns. */
export class ObservationTable {
  readonly columns: ColumnTable<ObservationRow>;
  private readonly values: Column | undefined;

  constructor(columns: ColumnTable<ObservationRow>) {
    this.columns = columns;
    this.values = columns.column('value');
  }

  /** Whether row `i` has a value (a gap has none), without making the row. */
  hasValue(i: number): boolean {
    return this.values !== undefined && cell(this.values, i) !== null;
  }

  get length(): number {
    return this.columns.length;
  }

  /** Row `i` of the file (a new object each time). */
  row(i: number): ObservationRow {
    return this.columns.row(i);
  }

  private readonly coded = new Map<string, ReturnType<ColumnTable['codes']>>();

  /** The column `name` as dictionary codes (ColumnTable.codes), worked out once: to read a column of many rows without making them. */
  codes(name: keyof ObservationRow & string): ReturnType<ColumnTable['codes']> {
    let c = this.coded.get(name);
    if (!c) this.coded.set(name, (c = this.columns.codes(name)));
    return c;
  }

  /** Every row in file order, made one at a time (a whole pass makes every row: use an index for one indicator or area). */
  *[Symbol.iterator](): IterableIterator<ObservationRow> {
    for (let i = 0; i < this.columns.length; i++) yield this.columns.row(i);
  }
}

/**
 * One index of the observations, read like a Map from a key to the observations under it (a
 * read-only Map: get, has, size, keys, values, entries, forEach), keys in the order of their first
 * observation, each key's observations in index order. Kept as one Uint32Array of row numbers,
 * grouped by key (`offsets[g]` to `offsets[g + 1]` are group g's).
 */
export class ObservationIndex implements ReadonlyMap<string, ObservationRow[]> {
  private readonly table: ObservationTable;
  private readonly groups: Map<string, number>;
  private readonly offsets: Uint32Array;
  private readonly rows: Uint32Array;
  /** The arrays made last, by group, least recently asked for first; `recentRows` rows in all. */
  private readonly recent = new Map<number, ObservationRow[]>();
  private recentRows = 0;

  constructor(table: ObservationTable, groups: Map<string, number>, offsets: Uint32Array, rows: Uint32Array) {
    this.table = table;
    this.groups = groups;
    this.offsets = offsets;
    this.rows = rows;
  }

  /** The row number of group g's first observation. */
  firstRow(g: number): number {
    return this.rows[this.offsets[g]!]!;
  }

  get size(): number {
    return this.groups.size;
  }

  has(key: string): boolean {
    return this.groups.has(key);
  }

  get(key: string): ObservationRow[] | undefined {
    const g = this.groups.get(key);
    return g === undefined ? undefined : this.group(g);
  }

  /** How many observations `key` has (0 for an unknown key), without making them. */
  count(key: string): number {
    const g = this.groups.get(key);
    return g === undefined ? 0 : this.offsets[g + 1]! - this.offsets[g]!;
  }

  /** How many observations of `key` have a value (gaps not counted), without making them. */
  countValues(key: string): number {
    const g = this.groups.get(key);
    if (g === undefined) return 0;
    let n = 0;
    for (let j = this.offsets[g]!; j < this.offsets[g + 1]!; j++) if (this.table.hasValue(this.rows[j]!)) n++;
    return n;
  }

  /** The row numbers (in the observations' file) under `key`, in index order; empty when there are none. */
  rowNumbers(key: string): Uint32Array {
    const g = this.groups.get(key);
    return g === undefined ? new Uint32Array(0) : this.groupRowNumbers(g);
  }

  /** Group g's row numbers, in index order. */
  groupRowNumbers(g: number): Uint32Array {
    return this.rows.subarray(this.offsets[g], this.offsets[g + 1]);
  }

  /** Group g's rows: the array made for it while it is among the recent ones, or a new one. */
  group(g: number): ObservationRow[] {
    const known = this.recent.get(g);
    if (known) {
      this.recent.delete(g);
      this.recent.set(g, known);
      return known;
    }
    const from = this.offsets[g]!;
    const to = this.offsets[g + 1]!;
    const out: ObservationRow[] = new Array(to - from);
    for (let j = from; j < to; j++) out[j - from] = this.table.row(this.rows[j]!);
    if (out.length <= RECENT_ROWS) {
      this.recent.set(g, out);
      this.recentRows += out.length;
      for (const [old, rows] of this.recent) {
        if (this.recentRows <= RECENT_ROWS) break;
        this.recent.delete(old);
        this.recentRows -= rows.length;
      }
    }
    return out;
  }

  keys(): MapIterator<string> {
    return this.groups.keys();
  }

  *values(): MapIterator<ObservationRow[]> {
    for (const g of this.groups.values()) yield this.group(g);
  }

  *entries(): MapIterator<[string, ObservationRow[]]> {
    for (const [k, g] of this.groups) yield [k, this.group(g)];
  }

  [Symbol.iterator](): MapIterator<[string, ObservationRow[]]> {
    return this.entries();
  }

  forEach(fn: (value: ObservationRow[], key: string, map: ReadonlyMap<string, ObservationRow[]>) => void): void {
    for (const [k, g] of this.groups) fn(this.group(g), k, this);
  }
}

/**
 * The series of one area by indicator id (model.seriesByArea's values): the arrays of the series
 * index itself, so `seriesByArea.get(area).get(id)` is `series.get(seriesKey(id, …))`.
 */
export class AreaSeries implements ReadonlyMap<string, ObservationRow[]> {
  private readonly series: ObservationIndex;
  private readonly byIndicator = new Map<string, number>();

  constructor(series: ObservationIndex) {
    this.series = series;
  }

  /** Adds the series group `g` under `indicatorId` (the model builds the index). */
  add(indicatorId: string, g: number): void {
    this.byIndicator.set(indicatorId, g);
  }

  get size(): number {
    return this.byIndicator.size;
  }

  has(id: string): boolean {
    return this.byIndicator.has(id);
  }

  get(id: string): ObservationRow[] | undefined {
    const g = this.byIndicator.get(id);
    return g === undefined ? undefined : this.series.group(g);
  }

  /** The row numbers of the series of indicator `id`, oldest first, without making its rows; empty when there is none. */
  rowNumbers(id: string): Uint32Array {
    const g = this.byIndicator.get(id);
    return g === undefined ? new Uint32Array(0) : this.series.groupRowNumbers(g);
  }

  keys(): MapIterator<string> {
    return this.byIndicator.keys();
  }

  *values(): MapIterator<ObservationRow[]> {
    for (const g of this.byIndicator.values()) yield this.series.group(g);
  }

  *entries(): MapIterator<[string, ObservationRow[]]> {
    for (const [k, g] of this.byIndicator) yield [k, this.series.group(g)];
  }

  [Symbol.iterator](): MapIterator<[string, ObservationRow[]]> {
    return this.entries();
  }

  forEach(fn: (value: ObservationRow[], key: string, map: ReadonlyMap<string, ObservationRow[]>) => void): void {
    for (const [k, g] of this.byIndicator) fn(this.series.group(g), k, this);
  }
}

/** The code of each row in one key column of the observations (dictionary codes), with the distinct values. */
interface KeyColumn {
  dict: readonly string[];
  codes: ArrayLike<number>;
}

/**
 * The row numbers of the observations in the model's order: by period (String#localeCompare), rows
 * of one period in file order, exactly as `[...rows].sort((a, b) => a.period.localeCompare(b.period))`
 * (a stable sort): the distinct periods are ranked once, periods that compare equal share a rank,
 * then the rows are counted into place.
 */
export function periodOrder(period: KeyColumn, n: number): Uint32Array {
  const byText = period.dict.map((_, i) => i).sort((a, b) => period.dict[a]!.localeCompare(period.dict[b]!));
  const rank = new Uint32Array(period.dict.length);
  let r = 0;
  byText.forEach((code, i) => {
    if (i > 0 && period.dict[byText[i - 1]!]!.localeCompare(period.dict[code]!) !== 0) r++;
    rank[code] = r;
  });
  const starts = new Uint32Array(r + 2);
  for (let i = 0; i < n; i++) starts[rank[period.codes[i]!]! + 1]!++;
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[starts[rank[period.codes[i]!]!]!++] = i;
  return order;
}

/**
 * Groups the rows of `order` by a key made of key columns (each row's codes, one number per
 * combination), keys in order of first appearance, rows in `order` within a key; `name` spells a
 * group's key from its first row's values (the string keys of keys.ts). Two combinations that would
 * spell one key are refused (the columns' formats exclude the separator).
 */
export function groupRows(
  table: ObservationTable,
  order: Uint32Array,
  columns: readonly KeyColumn[],
  name: (values: readonly string[]) => string,
): ObservationIndex {
  const n = order.length;
  let span = 1;
  for (const c of columns) span *= Math.max(1, c.dict.length);
  if (!Number.isSafeInteger(span)) throw new Error(`An index of the observations over ${span} key combinations cannot be built.`);
  const groupOf = new Map<number, number>();
  const groupOfRow = new Uint32Array(n);
  const counts: number[] = [];
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    let key = 0;
    for (const c of columns) key = key * Math.max(1, c.dict.length) + c.codes[i]!;
    let g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, (g = counts.length));
      counts.push(0);
    }
    counts[g]!++;
    groupOfRow[j] = g;
  }
  const offsets = new Uint32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  const fill = offsets.slice(0, counts.length);
  const rows = new Uint32Array(n);
  for (let j = 0; j < n; j++) rows[fill[groupOfRow[j]!]!++] = order[j]!;
  const groups = new Map<string, number>();
  for (let g = 0; g < counts.length; g++) {
    const i = rows[offsets[g]!]!;
    const key = name(columns.map((c) => c.dict[c.codes[i]!]!));
    if (groups.has(key)) throw new Error(`Two groups of observations have the key ${JSON.stringify(key)}.`);
    groups.set(key, g);
  }
  return new ObservationIndex(table, groups, offsets, rows);
}
