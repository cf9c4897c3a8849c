import { describe, expect, it } from 'vitest';
import { layoutInlineBar } from '../../../src/lib/charts/inline-bar.ts';
import { areaPath, documentPath, href } from '../../../src/lib/view/links.ts';
import { sourceRef } from '../../../src/lib/view/source.ts';
import { latestOf, latestValue, rankAmong } from '../../../src/lib/view/values.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';
import { fixtureModel } from './real-model.ts';

const model = fixtureModel('valid');
const obs = (period: string, value: number | null): ObservationRow =>
  ({
    indicator_id: 'x',
    area_level: 'province',
    area_code: '01',
    period,
    value,
    source_id: 's',
    published_on: null,
    method: 'as_published',
    note: null,
  }) as ObservationRow;

describe('latestValue: a gap is never the latest value', () => {
  it('takes the newest period with a value, skipping a newer gap', () => {
    expect(latestValue([obs('2022', 0.5), obs('2023', 0.6), obs('2024', null)])?.period).toBe('2023');
  });
  it('takes, among values of the same time, the later in the series; a value for the whole period after its snapshots', () => {
    const first = obs('2024', 0.1);
    const second = obs('2024', 0.2);
    expect(latestValue([obs('2023', 0.9), first, second])).toBe(second);
    const snapshot = { ...obs('2024', 0.3), as_of: '2024-06-30' } as ObservationRow;
    expect(latestValue([first, snapshot])).toBe(first);
    expect(latestValue([snapshot, obs('2023', 0.9)])).toBe(snapshot);
  });
  it('has no latest value for a series of gaps only, or an empty one', () => {
    expect(latestValue([obs('2023', null), obs('2024', null)])).toBeNull();
    expect(latestValue([])).toBeNull();
  });
  it('reads a series of the model by indicator, level and area', () => {
    expect(latestOf(model, 'dti', 'province', '01')?.value).toBe(0.8241);
    // Province 96 has only a gap for DTI in the fixture.
    expect(latestOf(model, 'dti', 'province', '96')).toBeNull();
  });
});

describe('rankAmong', () => {
  const dti = model.indicator.get('dti')!;
  it('ranks an area among the areas of its level with a value in the period', () => {
    expect(rankAmong(model, dti, 'province', '2024', '01')).toEqual({ rank: 1, of: 2 });
    expect(rankAmong(model, dti, 'province', '2024', '75')).toEqual({ rank: 2, of: 2 });
  });
  it('does not rank an area without a value, nor an indicator that is itself a rank', () => {
    expect(rankAmong(model, dti, 'province', '2024', '96')).toBeNull();
    expect(rankAmong(model, { ...dti, unit: 'rank' }, 'province', '2024', '01')).toBeNull();
  });
});

describe('links', () => {
  it('slugs a document id with one function that folds Đ', () => {
    expect(documentPath('02-KH/BCĐTW')).toBe('/documents/02-kh-bcdtw/');
    expect(documentPath('118/2025/NĐ-CP')).toBe('/documents/118-2025-nd-cp/');
  });
  it('puts a path under the page language and names the page of each area level', () => {
    expect(href('en', documentPath('57-NQ/TW'))).toBe('/en/documents/57-nq-tw/');
    expect(href('vi', '/provinces/01/')).toBe('/provinces/01/');
    expect(areaPath('commune', '00004')).toBe('/communes/00004/');
    expect(areaPath('former_province', '95')).toBe('/former-provinces/95/');
    expect(areaPath('national', 'VN')).toBeNull();
  });
});

describe('sourceRef', () => {
  it('links a document to its page, named by issuer and number; an article by its issuer only', () => {
    expect(sourceRef(model, 'en', '57-NQ/TW', null)).toMatchObject({
      label: 'Politburo — 57-NQ/TW',
      href: '/en/documents/57-nq-tw/',
      external: false,
      dateText: 'date unknown',
    });
    const article = sourceRef(model, 'vi', 'fixture-article', '2025-10-21');
    expect(article).toMatchObject({
      label: 'Báo Mẫu',
      href: '/documents/fixture-article/',
      external: false,
      date: '2025-10-21',
      dateText: '21/10/2025',
    });
  });
  it('names an external URL by its host, and says when the date is unknown', () => {
    const ref = sourceRef(model, 'vi', 'https://example.gov.vn/a/b', null);
    expect(ref).toMatchObject({ label: 'example.gov.vn', href: 'https://example.gov.vn/a/b', external: true, dateText: 'không rõ ngày' });
  });
  it('shows a URL that is not safe to link as text', () => {
    const ref = sourceRef(model, 'vi', 'javascript:alert(1)', null);
    expect(ref.href).toBeNull();
    expect(ref.label).toBe('javascript:alert(1)');
  });
});

describe('layoutInlineBar', () => {
  it('draws a value to scale inside the domain, whole pixels, clamped', () => {
    expect(layoutInlineBar(0.8241).barWidth).toBe(49);
    expect(layoutInlineBar(50, [0, 100]).barWidth).toBe(30);
    expect(layoutInlineBar(1.5).barWidth).toBe(60);
    expect(layoutInlineBar(-1).barWidth).toBe(0);
  });
});
