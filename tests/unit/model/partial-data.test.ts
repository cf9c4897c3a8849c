import { describe, expect, it } from 'vitest';
import { editionsOf, provinceValues } from '../../../src/lib/model/editions.ts';
import { formatRankRanges, partialRanking, rankRanges, scoresRankable } from '../../../src/lib/model/rankings.ts';
import { compareInTime, describedDate, latestValue } from '../../../src/lib/model/snapshots.ts';
import { targetProgress } from '../../../src/lib/model/target-progress.ts';
import type { FormerProvinceRow, ObservationRow, TargetRow } from '../../../src/schemas/index.ts';

// SYNTHETIC observations: values and codes are made up for the tests.
const o = (fields: Partial<ObservationRow>): ObservationRow => ({
  indicator_id: 'x',
  area_level: 'province',
  area_code: '01',
  period: '2024',
  value: 1,
  source_id: 's',
  published_on: null,
  method: 'as_published',
  note: null,
  as_of: null,
  rank_of: null,
  quote: null,
  ...fields,
});
const codes34 = Array.from({ length: 34 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('partial rankings never invent positions', () => {
  const top5 = [1, 2, 3, 4, 5].map((rank, i) => o({ indicator_id: 'pii-rank', area_code: codes34[i * 3]!, value: rank, rank_of: 34 }));

  it('keeps the top five of 34 as published and lists the other 29 as unknown, with no rank', () => {
    const r = partialRanking(top5, codes34);
    expect(r.known.map((k) => [k.code, k.rank])).toEqual([
      ['01', 1],
      ['04', 2],
      ['07', 3],
      ['10', 4],
      ['13', 5],
    ]);
    expect(r.unknown).toHaveLength(29);
    expect(r.unknown).not.toContain('01');
    expect(r.of).toBe(34);
    expect(r.complete).toBe(false);
    expect(formatRankRanges(r.ranges)).toBe('1–5');
  });

  it('gives no unknown unit a rank, a low rank or zero: unknown units are not in known at all', () => {
    const r = partialRanking([...top5, o({ indicator_id: 'pii-rank', area_code: '20', value: null, rank_of: 34 })], codes34);
    const ranks = r.known.map((k) => k.rank);
    expect(ranks.every((x) => x >= 1 && x <= 5)).toBe(true);
    expect(ranks).not.toContain(0);
    expect(r.known.map((k) => k.code)).not.toContain('20');
    expect(r.unknown).toContain('20');
  });

  it('writes scattered known ranks as ranges (one province ranked 21st is a range of its own)', () => {
    expect(rankRanges([16, 1, 2, 3, 8, 9, 10, 29, 24, 23])).toEqual([
      [1, 3],
      [8, 10],
      [16, 16],
      [23, 24],
      [29, 29],
    ]);
    expect(formatRankRanges(rankRanges([21]))).toBe('21');
  });

  it('keeps a published tie (two units at 15, no 16)', () => {
    const r = partialRanking(
      [
        o({ area_code: '01', value: 15, rank_of: 63 }),
        o({ area_code: '02', value: 15, rank_of: 63 }),
        o({ area_code: '03', value: 17, rank_of: 63 }),
      ],
      ['01', '02', '03'],
    );
    expect(r.known.map((k) => k.rank)).toEqual([15, 15, 17]);
    expect(r.complete).toBe(true);
  });

  it('says the scope is unknown when the rows disagree on it (34 and 63 mixed)', () => {
    expect(partialRanking([o({ value: 1, rank_of: 34 }), o({ area_code: '02', value: 1, rank_of: 63 })], codes34).of).toBeNull();
  });

  it('refuses to rank from scores unless every unit has one (16 of 63 PCI scores are not a ranking)', () => {
    const sixteen = Array.from({ length: 16 }, (_, i) =>
      o({ area_level: 'former_province', area_code: String(i + 1).padStart(2, '0'), value: 70 - i }),
    );
    expect(scoresRankable(sixteen, 63)).toBe(false);
    expect(
      scoresRankable(
        codes34.map((c) => o({ area_code: c, value: 0.5 })),
        34,
      ),
    ).toBe(true);
    expect(scoresRankable([...codes34.slice(1).map((c) => o({ area_code: c })), o({ area_code: '01', value: null })], 34)).toBe(false);
  });
});

describe('snapshots and the latest value with its as-of date', () => {
  it('places a value at the end of what it describes', () => {
    expect(describedDate({ period: '2025', as_of: '2025-08-29' })).toBe('2025-08-29');
    expect(describedDate({ period: '2025', as_of: '2025-04' })).toBe('2025-04-30');
    expect(describedDate({ period: '2024', as_of: '2024-02' })).toBe('2024-02-29');
    expect(describedDate({ period: '2025-Q2', as_of: null })).toBe('2025-06-30');
    expect(describedDate({ period: '2025-10', as_of: null })).toBe('2025-10-31');
    expect(describedDate({ period: '2024', as_of: null })).toBe('2024-12-31');
  });

  it('orders two snapshots of one period as two observations, the whole-period value last', () => {
    const rows = [
      o({ period: '2024', as_of: null, value: 45.8 }),
      o({ period: '2024', as_of: '2024-08', value: 37 }),
      o({ period: '2023', value: 30 }),
    ];
    expect([...rows].sort(compareInTime).map((r) => r.value)).toEqual([30, 37, 45.8]);
  });

  it('returns the newest snapshot with its as-of date, and the earlier readings of its period', () => {
    const rows = [
      o({ period: '2025', as_of: '2025-08', value: 85.75 }),
      o({ period: '2025', as_of: '2025-08-29', value: 86.13 }),
      o({ period: '2025', as_of: '2025-09-01', value: null }),
    ];
    const latest = latestValue(rows)!;
    expect([latest.obs.value, latest.asOf]).toEqual([86.13, '2025-08-29']);
    expect(latest.earlierInPeriod.map((r) => r.value)).toEqual([85.75]);
    expect(latestValue([o({ value: null })])).toBeNull();
  });
});

describe('editions and levels', () => {
  it('reads a 63-province and a 34-province edition from the level of the values and ranks', () => {
    const scores = [
      o({ area_level: 'former_province', period: '2024', value: 60 }),
      o({ area_level: 'province', period: '2025', value: 65 }),
      o({ area_level: 'province', period: '2025', area_code: '79', value: 59 }),
    ];
    const ranks = [
      o({ area_level: 'former_province', period: '2024', value: 1, rank_of: 63 }),
      o({ area_level: 'former_province', period: '2024', area_code: '04', value: 63, rank_of: 63 }),
    ];
    expect(editionsOf(scores, ranks)).toEqual([
      { period: '2024', level: 'former_province', units: 63, withValue: 1, withRank: 2 },
      { period: '2025', level: 'province', units: 34, withValue: 2, withRank: 0 },
    ]);
  });

  it('counts a unit with two snapshots once', () => {
    const e = editionsOf([o({ as_of: '2025-08', period: '2025' }), o({ as_of: '2025-08-29', period: '2025' })]);
    expect(e[0]!.withValue).toBe(1);
  });

  it("keeps a current province's own values apart from its former provinces' values", () => {
    const formers = [
      { code: '24', name_vi: 'Bắc Giang' },
      { code: '27', name_vi: 'Bắc Ninh' },
    ] as FormerProvinceRow[];
    // Code 24 is both the former Bắc Giang and the current Bắc Ninh: the level decides.
    const rows = [
      o({ area_level: 'province', area_code: '24', value: 0.75 }),
      o({ area_level: 'former_province', area_code: '24', value: 71.24 }),
      o({ area_level: 'former_province', area_code: '27', value: 0.7 }),
      o({ area_level: 'former_province', area_code: '01', value: 9 }),
    ];
    const v = provinceValues(rows, '24', formers);
    expect(v.own.map((r) => r.value)).toEqual([0.75]);
    expect(v.former.map((f) => [f.former.name_vi, f.obs.value])).toEqual([
      ['Bắc Giang', 71.24],
      ['Bắc Ninh', 0.7],
    ]);
  });
});

describe('target progress', () => {
  const target = { id: 't', comparator: '>=', value: 70, value_max: null, deadline: '2030-12-31', scope: 'national' } as TargetRow;
  const national = (period: string, as_of: string | null, value: number) =>
    o({ area_level: 'national', area_code: 'VN', period, as_of, value });

  it('gives the values over time, the gap, and the steady path from the first value to the deadline', () => {
    const p = targetProgress(target, [
      national('2025', '2025-05-12', 27.7),
      national('2024', '2024-07', 13.5),
      national('2025', '2025-04', 26.08),
      o({ value: 99 }),
    ]);
    expect(p.points.map((x) => [x.date, x.value])).toEqual([
      ['2024-07-31', 13.5],
      ['2025-04-30', 26.08],
      ['2025-05-12', 27.7],
    ]);
    expect(p.gap).toEqual({ kind: 'gap', value: 27.7, gap: 70 - 27.7 });
    expect(p.path).toEqual({ from: { date: '2024-07-31', value: 13.5 }, to: { date: '2030-12-31', value: 70 } });
    // 0.78 of a year into a 6.42-year path from 13.5 to 70: the path stands near 20.4; 27.7 is above it.
    expect(p.pathAtLatest!).toBeCloseTo(13.5 + (56.5 * 0.7813) / 6.4203, 0);
    expect(p.onPath).toBe(true);
    expect(p.neededPerYear!).toBeCloseTo((70 - 27.7) / 5.64, 1);
    expect(p.observedPerYear!).toBeGreaterThan(p.neededPerYear!);
  });

  it('with one value has a gap but no path position and no pace', () => {
    const p = targetProgress(target, [national('2025-Q2', null, 26)]);
    expect(p.gap).toEqual({ kind: 'gap', value: 26, gap: 44 });
    expect([p.pathAtLatest, p.onPath, p.observedPerYear]).toEqual([null, null, null]);
  });

  it('with no value in scope has no progress at all (a provincial value does not stand for the nation)', () => {
    const p = targetProgress(target, [o({ area_level: 'former_province', area_code: '84', value: 2.11 })]);
    expect([p.latest, p.gap, p.path]).toEqual([null, null, null]);
  });

  it('a met target needs nothing more per year; a qualitative one is not compared', () => {
    expect(targetProgress(target, [national('2024', null, 20), national('2030', null, 75)]).neededPerYear).toBeNull();
    const q = targetProgress({ ...target, comparator: 'qualitative', value: null }, [national('2024', null, 20)]);
    expect([q.path, q.gap]).toEqual([null, { kind: 'not_comparable' }]);
  });
});
