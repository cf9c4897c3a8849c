import { describe, expect, it } from 'vitest';
import { indicatorPage } from '../../../src/lib/view/indicator.ts';
import { realModel, withoutNational } from './real-model.ts';

const model = realModel();

describe('indicatorPage on the published data', () => {
  it('DTI: the 34 provinces are ranked and charted, none missing; the national average is its own indicator', () => {
    const v = indicatorPage(model, 'dti', 'en');
    expect(v.latestNational).toBeNull();
    expect(v.ranking?.heading).toBe('Ranking of the 34 provinces, 2024');
    expect(v.ranking?.partialNote).toBeNull();
    expect(v.ranking?.charts?.ranking.key).toBe('ranking/dti');
    expect(v.ranking?.table).toBeNull();
    expect(v.ranking?.missing).toBeNull();
    expect(v.ranking?.mergedNote).toMatch(/mean of the former provinces/);
    expect(v.components.length).toBeGreaterThanOrEqual(8);
    const average = indicatorPage(model, 'dti-trung-binh-tinh', 'en');
    expect(average.latestNational).toMatchObject({ value: '0.6961', period: '2024', method: 'average of provinces' });
    expect(average.national?.table?.rows.map((r) => [r.period, r.value])).toEqual([
      ['2023', '0.6783'],
      ['2024', '0.6961'],
    ]);
  });

  it('snapshots: the latest national value names its as-of date, the national table is in time order with each date', () => {
    const v = indicatorPage(model, 'chu-ky-so-nguoi-truong-thanh', 'en');
    expect(v.latestNational).toMatchObject({ value: '27.70%', period: '2025, as of 12 May 2025' });
    expect(v.national?.table?.rows.map((r) => [r.period, r.asOf, r.value])).toEqual([
      ['2024', 'as of Jul 2024', '13.50%'],
      ['2025', 'as of Apr 2025', '26.08%'],
      ['2025', 'as of 12 May 2025', '27.70%'],
    ]);
    expect(v.targets).toEqual([expect.objectContaining({ reference: '03/NQ-CP PL I.31 (2030)', status: '; Gap: 42.3 percentage points' })]);
  });

  it('partial data: no rank computed from a partial list of scores; the published ranks only, and which ones are known', () => {
    const v = indicatorPage(model, 'pii', 'vi');
    expect(v.ranking?.heading).toBe('Giá trị đã công bố của các tỉnh, 2025');
    expect(v.ranking?.partialNote).toBe(
      'Hạng 1–5, 21 trên 34 đã được công bố; các hạng khác không có trong nguồn. Không xếp hạng từ một phần điểm số.',
    );
    // Gia Lai is 21st of 34 in the source, not 6th among the scores known.
    expect(v.ranking?.table?.rows.find((r) => r.area.text === 'Gia Lai')).toMatchObject({ rank: '21', value: '37,66' });
  });

  it('a child indicator has its parent in the breadcrumbs', () => {
    expect(indicatorPage(model, 'dti-nhan-thuc-so', 'vi').breadcrumbs).toEqual([
      ['Chỉ số', '/indicators/'],
      ['Chỉ số chuyển đổi số cấp tỉnh (DTI)', '/indicators/dti/'],
    ]);
  });

  it('a target with a national value reports the gap; a qualitative one reports nothing more', () => {
    const v = indicatorPage(model, 'egdi-rank', 'vi');
    expect(v.latestNational?.value).toBe('71');
    expect(v.targets.length).toBe(2);
    expect(v.targets.every((x) => x.status === '')).toBe(true);
  });

  it('a target without a national value says so', () => {
    // SYNTHETIC: the published data without the national values of the signature indicator.
    const v = indicatorPage(withoutNational(model, 'chu-ky-so-nguoi-truong-thanh'), 'chu-ky-so-nguoi-truong-thanh', 'en');
    expect(v.latestNational).toBeNull();
    expect(v.targets).toEqual([expect.objectContaining({ reference: '03/NQ-CP PL I.31 (2030)', status: '; no national value yet' })]);
  });

  it('former provinces: one row per former province, a column per period, "—" for a period without a row', () => {
    const v = indicatorPage(model, 'par-index', 'vi');
    expect(v.former?.periods).toEqual(['2023', '2024']);
    const hanoi = v.former?.rows.find((r) => r.area.href === '/former-provinces/01/');
    expect(hanoi?.values).toEqual(['91,43%', '—']);
    expect(hanoi?.successor).toEqual({ text: 'Hà Nội', href: '/provinces/01/' });
    expect(v.ranking).toBeNull();
  });
});
