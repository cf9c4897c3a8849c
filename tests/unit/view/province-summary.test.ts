import { describe, expect, it } from 'vitest';
import { compareRanks, formatRankChange, provinceSummary, type PublishedRank } from '../../../src/lib/view/province-summary.ts';
import { buildModel } from '../../../src/lib/model/index.ts';
import { realModel } from './real-model.ts';

const model = realModel();
const rank = (value: number, rank_of: number | null, period = '2024', as_of: string | null = null): PublishedRank => ({
  value,
  rank_of,
  period,
  as_of,
});

describe('compareRanks', () => {
  it('computes a change only between two ranks among the same number of units', () => {
    expect(compareRanks(rank(3, 34, '2025'), rank(5, 34))).toEqual({ kind: 'change', places: 2, previous: rank(5, 34) });
    expect(compareRanks(rank(7, 34, '2025'), rank(5, 34))).toMatchObject({ kind: 'change', places: -2 });
    expect(compareRanks(rank(5, 34, '2025'), rank(5, 34))).toMatchObject({ kind: 'change', places: 0 });
  });

  it('refuses to compare a rank of 34 with a rank of 63, or a rank whose basis is unknown', () => {
    expect(compareRanks(rank(1, 34, '2025'), rank(6, 63))).toEqual({ kind: 'not-comparable', previous: rank(6, 63) });
    expect(compareRanks(rank(1, 34, '2025'), rank(6, null)).kind).toBe('not-comparable');
    expect(compareRanks(rank(1, null, '2025'), rank(6, null)).kind).toBe('not-comparable');
  });

  it('has nothing to say without a previous rank', () => {
    expect(compareRanks(rank(1, 34), null)).toEqual({ kind: 'none' });
  });

  it('says the change in words, with the previous rank and its period', () => {
    expect(formatRankChange(compareRanks(rank(3, 34, '2025'), rank(5, 34)), 'en', false)).toBe('up 2 places since 2024 (5 of 34)');
    expect(formatRankChange(compareRanks(rank(6, 34, '2025'), rank(5, 34)), 'en', false)).toBe('down 1 place since 2024 (5 of 34)');
    expect(formatRankChange(compareRanks(rank(3, 34, '2025'), rank(5, 34)), 'vi', false)).toBe('tăng 2 bậc so với 2024 (hạng 5/34)');
    expect(formatRankChange(compareRanks(rank(1, 34, '2025'), rank(6, 63, '2023')), 'en', false)).toBe('2023: 6 of 63 — not comparable');
    expect(formatRankChange(compareRanks(rank(1, 34, '2025'), null), 'en', true)).toBe('no earlier rank of the merged province');
  });
});

describe('provinceSummary over the published data', () => {
  it('Hà Nội, unchanged by the merger: DTI 2024 1 of 34, its 2023 rank of 63 cited as not comparable', () => {
    const s = provinceSummary(model, '01', 'en');
    const dti = s.ranks.find((r) => r.indicator.href === '/en/indicators/dti-rank/');
    expect(dti).toMatchObject({ rank: '1 of 34', period: '2024' });
    expect(dti?.change).toBe('2023: 6 of 63 — not comparable');
    expect(dti?.previousOf).toEqual({ text: 'Hà Nội', href: '/en/former-provinces/01/' });
    expect(dti?.source.href).not.toBeNull();
  });

  it('a merged province has no earlier rank of its own and compares none', () => {
    const s = provinceSummary(model, '79', 'vi');
    expect(s.ranks.length).toBeGreaterThan(0);
    for (const r of s.ranks) {
      expect(r.change).toBe('chưa có thứ hạng trước đó của tỉnh sau sáp nhập');
      expect(r.previousOf).toBeNull();
    }
  });

  it('a snapshot rank carries its as-of date', () => {
    const s = provinceSummary(model, '19', 'en');
    expect(s.ranks.find((r) => r.indicator.href === '/en/indicators/idx766-rank/')?.period).toBe('2025, as of 29 Aug 2025');
  });

  it('task counts are the derived statuses of the tasks that apply, and add up to the total', () => {
    const tasks = model.tasksByArea.get('province|01') ?? [];
    const s = provinceSummary(model, '01', 'en');
    const count = (key: string) => s.counts.find((c) => c.key === key)?.count ?? 0;
    expect(count('total')).toBe(tasks.length);
    expect(count('past_deadline')).toBe(tasks.filter((x) => x.computed === 'past_deadline').length);
    expect(count('done')).toBe(tasks.filter((x) => x.computed.startsWith('done')).length);
    expect(count('in_progress')).toBe(tasks.filter((x) => x.computed === 'in_progress').length);
    expect(s.counts.slice(1).reduce((n, c) => n + c.count, 0)).toBe(count('total'));
    expect(s.counts.find((c) => c.key === 'past_deadline')?.text).toBe('Past deadline, no completion reported');
    expect(s.counts.every((c) => c.href === '#tasks')).toBe(true);
  });

  it('states the as-of date and links to the details', () => {
    const s = provinceSummary(model, '01', 'vi');
    expect(s.asOf).toBe('Số liệu tính đến 25/07/2026; nguồn báo cáo tiến độ đã tra cứu đến 15/11/2025.');
    expect(s.details.map((d) => d.href)).toEqual(['#tasks', '#dti', '#indicators', '/tasks/']);
  });

  it('a province without a published rank says so (SYNTHETIC: the published ranks of Đà Nẵng removed)', () => {
    const ranks = new Set(model.tables.indicators.filter((i) => i.unit === 'rank').map((i) => i.id));
    const observations = [...model.tables.observations].filter((o) => !(ranks.has(o.indicator_id) && o.area_code === '48'));
    const s = provinceSummary(buildModel({ ...model.tables, observations }, model.meta, model.dataDir), '48', 'en');
    expect(s.ranks).toEqual([]);
    expect(s.noRanks).toBe('No rank of this province has been published in the sources collected.');
    expect(provinceSummary(model, '48', 'en').noRanks).toBeNull();
  });
});
