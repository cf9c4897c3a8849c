import { describe, expect, it } from 'vitest';
import { indicatorPage } from '../../../src/lib/view/indicator.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('indicatorPage on the published data', () => {
  it('DTI: the latest national average is 2024 (0.6961), the 34 provinces are charted, none missing', () => {
    const v = indicatorPage(model, 'dti', 'en');
    expect(v.latestNational).toMatchObject({ value: '0.6961', period: '2024', method: 'average of provinces' });
    expect(v.ranking?.heading).toBe('Ranking of the 34 provinces, 2024');
    expect(v.ranking?.charts?.ranking.key).toBe('ranking/dti');
    expect(v.ranking?.table).toBeNull();
    expect(v.ranking?.missing).toBeNull();
    expect(v.ranking?.mergedNote).toMatch(/mean of the former provinces/);
    expect(v.national?.table?.rows.map((r) => [r.period, r.value])).toEqual([
      ['2023', '0.6783'],
      ['2024', '0.6961'],
    ]);
    expect(v.components.length).toBeGreaterThanOrEqual(8);
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
    const v = indicatorPage(model, 'chu-ky-so-nguoi-truong-thanh', 'en');
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
