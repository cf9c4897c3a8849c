/**
 * The model's observations as columns (src/lib/model/observations.ts): every index gives the same
 * keys, in the same order, with the same rows in the same order, as the row-object model it replaced
 * (the observations sorted by period, then grouped by key: written out below as the reference),
 * whether the columns come from the validated store or from rows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnTable, decodeTable, encodeTable } from '../../../src/lib/data/store.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, type Model } from '../../../src/lib/model/index.ts';
import { areaKey, crossKey, indicatorLevelKey, seriesKey } from '../../../src/lib/model/keys.ts';
import { latestValue } from '../../../src/lib/view/values.ts';
import { prng } from '../../../scripts/bench/synthetic.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';

const data = validateDataset(join(import.meta.dirname, '../../fixtures/valid'));

/**
 * SYNTHETIC observations, in a shuffled file order: periods of three shapes (years, quarters,
 * months) out of order, several snapshots (as_of) of one period, gaps (null values), -0, two levels,
 * and sources shared across indicators.
 */
function synthetic(count: number, seed: number): ObservationRow[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const periods = ['2024', '2023', '2025-Q1', '2024-Q3', '2025-03', '2024-12', '2022'];
  const rows: ObservationRow[] = [];
  const seen = new Set<string>();
  while (rows.length < count) {
    const level = pick(['province', 'commune'] as const);
    const row: ObservationRow = {
      indicator_id: pick(['dti', 'online-share', 'synthetic-a', 'synthetic-b']),
      area_level: level,
      area_code: level === 'province' ? pick(['01', '79', '96']) : pick(['00004', '00006', '26734']),
      period: pick(periods),
      value: random() < 0.15 ? null : random() < 0.05 ? -0 : Math.round(random() * 10_000) / 100,
      source_id: pick(['https://example.org/synthetic-1', 'https://example.org/synthetic-2', 'https://example.org/synthetic-3']),
      published_on: random() < 0.3 ? null : pick(['2025-01-15', '2025-06-30']),
      method: 'as_published',
      note: random() < 0.8 ? null : 'SYNTHETIC',
      as_of: random() < 0.7 ? null : pick(['2025-08-29', '2025-08', '2025-09-01']),
      rank_of: null,
      quote: null,
    };
    const key = [row.indicator_id, row.area_level, row.area_code, row.period, row.as_of].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(row);
  }
  return rows;
}

/** The reference: the row-object model's grouping (the sorted rows grouped by key, keys in order of first appearance). */
function reference(rows: readonly ObservationRow[], key: (o: ObservationRow) => string): Map<string, ObservationRow[]> {
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  const map = new Map<string, ObservationRow[]>();
  for (const o of sorted) {
    const list = map.get(key(o));
    if (list) list.push(o);
    else map.set(key(o), [o]);
  }
  return map;
}

const INDEXES: [keyof Model, (o: ObservationRow) => string][] = [
  ['series', (o) => seriesKey(o.indicator_id, o.area_level, o.area_code)],
  ['cross', (o) => crossKey(o.indicator_id, o.area_level, o.period)],
  ['byArea', (o) => areaKey(o.area_level, o.area_code)],
  ['byIndicator', (o) => o.indicator_id],
  ['byIndicatorLevel', (o) => indicatorLevelKey(o.indicator_id, o.area_level)],
  ['observationsBySource', (o) => o.source_id],
];

/** An index as text: keys in order, each key's rows in order, every field with its key order (and -0 apart from 0). */
const text = (map: ReadonlyMap<string, readonly ObservationRow[]>) =>
  JSON.stringify([...map].map(([k, rows]) => [k, rows.map((o) => Object.entries(o).map(([f, v]) => [f, Object.is(v, -0) ? '-0' : v]))]));

describe('the columnar model of the observations', () => {
  const rows = synthetic(600, 17);
  const withRows = { ...data.tables, observations: rows };
  // Through the store: the columns of a store entry of these rows, as the build reads them.
  const stored = decodeTable(
    encodeTable({ rows, lines: rows.map((_, i) => i + 2), rawKeys: new Set(), issues: [], records: rows.length }, false),
  );
  const models: [string, Model][] = [
    ['from rows', buildModel(withRows, data.meta!, data.dir)],
    ['from the store', buildModel({ ...data.tables, observations: stored.columns as ColumnTable<ObservationRow> }, data.meta!, data.dir)],
  ];

  for (const [how, model] of models) {
    it(`${how}: every index has the row model's keys, rows and order`, () => {
      for (const [name, key] of INDEXES) {
        const index = model[name] as ReadonlyMap<string, ObservationRow[]>;
        expect(text(index), name).toBe(text(reference(rows, key)));
        expect(index.size).toBe(reference(rows, key).size);
      }
    });

    it(`${how}: each series' latest value is the row model's`, () => {
      for (const [k, series] of reference(rows, INDEXES[0]![1])) expect(latestValue(model.series.get(k)!), k).toEqual(latestValue(series));
    });

    it(`${how}: the table in file order, and an area's series are the series index's arrays`, () => {
      expect([...model.tables.observations]).toEqual(rows);
      expect(model.tables.observations.length).toBe(rows.length);
      let n = 0;
      for (const [area, byIndicator] of model.seriesByArea)
        for (const [id, series] of byIndicator) {
          n++;
          const [level, code] = area.split('|') as [string, string];
          expect(model.series.get(seriesKey(id, level, code))).toBe(series);
        }
      expect(n).toBe(model.series.size);
    });
  }

  it('gives the same array for a key while it is held, and rows equal to the file rows', () => {
    const model = models[0]![1];
    const dti = model.byIndicator.get('dti')!;
    expect(model.byIndicator.get('dti')).toBe(dti);
    expect(model.byIndicator.rowNumbers('dti').length).toBe(dti.length);
    expect([...model.byIndicator.rowNumbers('dti')].map((i) => rows[i])).toEqual(dti);
    expect(model.byIndicator.get('no-such-indicator')).toBeUndefined();
    expect(model.byIndicator.rowNumbers('no-such-indicator').length).toBe(0);
  });

  it('an empty observations table gives empty indexes', () => {
    const model = buildModel({ ...data.tables, observations: [] }, data.meta!, data.dir);
    for (const [name] of INDEXES) expect((model[name] as ReadonlyMap<string, unknown>).size).toBe(0);
    expect(model.seriesByArea.size).toBe(0);
    expect(model.tables.observations.length).toBe(0);
  });
});
