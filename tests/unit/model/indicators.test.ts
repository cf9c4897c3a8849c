import { describe, expect, it } from 'vitest';
import { gapToTarget, latestPeriod, rankObservations } from '../../../src/lib/model/indicators.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';

const obs = (area_code: string, value: number | null, period = '2024'): ObservationRow => ({
  indicator_id: 'dti',
  area_level: 'province',
  area_code,
  period,
  value,
  source_id: 'x',
  published_on: null,
  method: 'as_published',
  note: null,
});

describe('rankings', () => {
  it('ranks higher-is-better values, ties share a rank, gaps are left out (never filled)', () => {
    const ranked = rankObservations([obs('01', 0.8), obs('02', 0.7), obs('03', 0.8), obs('04', null), obs('05', 0.6)], true);
    expect(ranked.map((r) => [r.obs.area_code, r.rank])).toEqual([
      ['01', 1],
      ['03', 1],
      ['02', 3],
      ['05', 4],
    ]);
  });
  it('ranks lower-is-better values (ranks)', () => {
    expect(rankObservations([obs('01', 3), obs('02', 1)], false).map((r) => r.obs.area_code)).toEqual(['02', '01']);
  });
  it('finds the latest period that has a value', () => {
    expect(latestPeriod([obs('01', 1, '2023'), obs('01', null, '2025'), obs('01', 2, '2024')])).toBe('2024');
    expect(latestPeriod([obs('01', null, '2025')])).toBeNull();
  });
});

describe('gap to target', () => {
  it.each([
    [50, { comparator: '>=', value: 70, value_max: null }, { kind: 'gap', value: 50, gap: 20 }],
    [70, { comparator: '>=', value: 70, value_max: null }, { kind: 'met', value: 70 }],
    [70, { comparator: '>', value: 70, value_max: null }, { kind: 'gap', value: 70, gap: 0 }],
    [12, { comparator: '<=', value: 10, value_max: null }, { kind: 'gap', value: 12, gap: 2 }],
    [45, { comparator: 'between', value: 40, value_max: 50 }, { kind: 'met', value: 45 }],
    [35, { comparator: 'between', value: 40, value_max: 50 }, { kind: 'gap', value: 35, gap: 5 }],
    [1, { comparator: 'qualitative', value: null, value_max: null }, { kind: 'not_comparable' }],
  ] as const)('%s against %o', (value, target, expected) => {
    expect(gapToTarget(value, target)).toEqual(expected);
  });
});
