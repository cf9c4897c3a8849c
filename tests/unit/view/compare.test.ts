import { describe, expect, it } from 'vitest';
import { COMPARE_MAX, compareData, comparePage } from '../../../src/lib/view/compare.ts';
import { realModel } from './real-model.ts';

const model = realModel();
const data = compareData(model, 'en');
const row = (level: 'province' | 'former_province', indicatorHref: string, period: string) =>
  data.levels[level].rows.find((r) => data.indicators[r.indicator]?.href === indicatorHref && r.period === period);

describe('compareData over the published data', () => {
  it('lists the 34 provinces and the 63 former provinces, linked to their pages', () => {
    expect(data.levels.province.areas).toHaveLength(34);
    expect(data.levels.former_province.areas).toHaveLength(63);
    expect(data.levels.province.areas.find((a) => a.code === '79')).toEqual({ code: '79', name: 'Hồ Chí Minh', href: '/en/provinces/79/' });
    expect(data.levels.former_province.areas.find((a) => a.code === '02')?.href).toBe('/en/former-provinces/02/');
  });

  it('puts the published rank beside the value of its indicator, "of 34" for provinces and "of 63" for former ones', () => {
    const dti2024 = row('province', '/en/indicators/dti/', '2024');
    expect(dti2024?.cells['01']?.rank).toBe('1 of 34');
    expect(dti2024?.cells['01']?.value).not.toBeNull();
    expect(Object.keys(dti2024?.cells ?? {})).toHaveLength(34);
    const former2022 = row('former_province', '/en/indicators/dti/', '2022');
    expect(former2022?.cells['01']?.rank).toMatch(/ of 63$/);
    // No row of its own for a rank indicator that has a parent.
    expect(data.indicators.some((i) => i.href === '/en/indicators/dti-rank/')).toBe(false);
  });

  it('shows only published ranks: the DTI sub-indices, scored for all 34, carry no rank', () => {
    const sub = row('province', '/en/indicators/dti-nhan-thuc-so/', '2024');
    expect(Object.keys(sub?.cells ?? {})).toHaveLength(34);
    expect(Object.values(sub?.cells ?? {}).every((c) => c.rank === null && c.value !== null)).toBe(true);
  });

  it('each figure keeps its source and date', () => {
    const cell = row('province', '/en/indicators/dti/', '2024')?.cells['01'];
    const source = data.sources[cell?.valueSource ?? -1];
    expect(source?.label).toBeTruthy();
    expect(source?.date).toMatch(/\d{4}/);
    expect(data.sources[cell?.rankSource ?? -1]).toBeDefined();
  });

  it('a snapshot is its own row, dated', () => {
    const snap = row('province', '/en/indicators/idx766/', '2025, as of 29 Aug 2025');
    expect(snap?.cells['19']?.rank).toBe('1 of 34');
  });

  it('counts the tasks of each province by derived status; the former provinces have none of their own', () => {
    const tasks = data.levels.province.tasks ?? [];
    const total = tasks[0]?.counts['01'] ?? 0;
    expect(total).toBe(model.tasksByArea.get('province|01')?.length);
    expect(tasks.slice(1).reduce((n, r) => n + (r.counts['01'] ?? 0), 0)).toBe(total);
    expect(tasks.find((r) => r.text === 'Past deadline, no completion reported')?.counts['01']).toBe(
      model.tasksByArea.get('province|01')?.filter((x) => x.computed === 'past_deadline').length,
    );
    expect(data.levels.former_province.tasks).toBeNull();
  });

  it('holds no empty figure: a gap is an absent cell', () => {
    for (const level of Object.values(data.levels))
      for (const r of level.rows) for (const c of Object.values(r.cells)) expect(c.value !== null || c.rank !== null).toBe(true);
  });
});

describe('comparePage', () => {
  it('gives the island its data address and translated strings, and the no-JavaScript fallback', () => {
    const vi = comparePage(model, 'vi');
    expect(vi.dataUrl).toBe('/compare/data.json');
    expect(vi.max).toBe(COMPARE_MAX);
    expect(vi.strings.selected).toBe('Đã chọn {count} đơn vị: {names}.');
    expect(vi.fallback.provinces).toHaveLength(34);
    expect(vi.fallback.downloads.href).toBe('/data/');
    const en = comparePage(model, 'en');
    expect(en.dataUrl).toBe('/en/compare/data.json');
    expect(en.strings.chooseLegend).toBe('Choose up to 5');
    expect(en.fallback.provinces[0]?.href).toMatch(/^\/en\/provinces\/\d\d\/$/);
  });
});
