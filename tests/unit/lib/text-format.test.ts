import { describe, expect, it } from 'vitest';
import { formatComparator, formatDate, formatNumber, formatPeriod, formatPeriodOf } from '../../../src/lib/format.ts';
import { foldDiacritics, slugOf, slugify } from '../../../src/lib/text.ts';

describe('Vietnamese text', () => {
  it('folds diacritics and đ for search typed without them', () => {
    expect(foldDiacritics('Đắk Lắk, Cà Mau, Đồng Tháp, Đà Nẵng, Thừa Thiên Huế')).toBe(
      'Dak Lak, Ca Mau, Dong Thap, Da Nang, Thua Thien Hue',
    );
  });
  it('makes stable slugs of document numbers', () => {
    expect(slugify('118/2025/NĐ-CP')).toBe('118-2025-nd-cp');
    expect(slugify('02-KH/BCĐTW')).toBe('02-kh-bcdtw');
  });
  it('slugOf slugs as slugify does, ASCII or not', () => {
    for (const text of ['118/2025/NĐ-CP', 'dti province 01 2024 ', '--A_b--', 'Thừa Thiên Huế', 'https://x.example.org/a?b=1', ''])
      expect(slugOf(text)).toBe(slugify(text));
    expect(slugOf('Đắk Lắk 2024-Q3')).toBe('dak-lak-2024-q3');
  });
});

describe('formats by language', () => {
  it('numbers', () => {
    expect(formatNumber(0.8241, 'vi', 4)).toBe('0,8241');
    expect(formatNumber(0.8241, 'en', 4)).toBe('0.8241');
    expect(formatNumber(3321, 'vi', 0)).toBe('3.321');
    expect(formatNumber(3321, 'en', 0)).toBe('3,321');
  });
  it('dates, in UTC whatever the machine zone', () => {
    expect(formatDate('2025-10-21', 'vi')).toBe('21/10/2025');
    expect(formatDate('2025-10-21', 'en')).toBe('21 Oct 2025');
  });
  it('formatPeriodOf gives formatPeriod, asked once or many times', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const period of ['2025', '2025-Q3', '2025-10', '2025-08-29', 'other'])
        for (let i = 0; i < 2; i++) expect(formatPeriodOf(period, lang)).toBe(formatPeriod(period, lang));
    expect(formatPeriodOf('2025-10', 'en')).toBe('Oct 2025');
  });
  it('periods', () => {
    expect(formatPeriod('2025-Q3', 'vi')).toBe('Quý 3/2025');
    expect(formatPeriod('2025-10', 'en')).toBe('Oct 2025');
    expect(formatPeriod('2024', 'en')).toBe('2024');
  });
});

describe('formatComparator', () => {
  it('writes >= and <= as the signs a reader knows; other comparators unchanged', () => {
    expect(['>=', '<=', '>', '<', '='].map(formatComparator)).toEqual(['≥', '≤', '>', '<', '=']);
  });
});
