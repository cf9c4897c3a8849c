import { describe, expect, it } from 'vitest';
import { en } from '../../../src/lib/i18n/en.ts';
import { label, t, textIn } from '../../../src/lib/i18n/index.ts';
import type { Plural } from '../../../src/lib/i18n/types.ts';
import { vi } from '../../../src/lib/i18n/vi.ts';
import { DUE_SOON_DAYS } from '../../../src/lib/model/tasks.ts';

describe('t', () => {
  it('returns the message of a key in each language', () => {
    expect(t('vi', 'navProvinces')).toBe('Tỉnh, thành');
    expect(t('en', 'navProvinces')).toBe('Provinces');
  });
  it('fills parameters, formatting numbers for the language', () => {
    expect(t('vi', 'dueSoon', { days: DUE_SOON_DAYS })).toBe(`Sắp đến hạn (${DUE_SOON_DAYS} ngày)`);
    expect(t('en', 'dueSoon', { days: 7 })).toBe('Due within 7 days');
    expect(t('vi', 'provinceDescription', { name: 'A', merged: '', communes: 1234 })).toBe(
      'A: 1.234 xã, phường; nhiệm vụ, chỉ số DTI và nguồn.',
    );
    expect(t('en', 'provinceDescription', { name: 'A', merged: '', communes: 1234 })).toBe('A: 1,234 communes; tasks, DTI and sources.');
  });
  it('does not read placeholders inside a parameter value', () => {
    expect(t('en', 'typeSince', { date: '{before}', before: 'x' })).toBe('since {before}; before: x');
  });
});

describe('dictionaries', () => {
  it('have the same keys in both languages, and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const dict of [vi, en])
      for (const [key, message] of Object.entries(dict))
        expect(typeof message === 'string' ? message : (message as Plural).other, key).not.toBe('');
  });
  it('use in English only parameters the Vietnamese message declares (an English one may leave one out)', () => {
    const params = (m: unknown) => [...new Set([...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]))];
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(params(vi[key]), key).toEqual(expect.arrayContaining(params(en[key])));
  });
  it('are NFC', () => {
    for (const dict of [vi, en])
      for (const message of Object.values(dict)) expect(JSON.stringify(message)).toBe(JSON.stringify(message).normalize('NFC'));
  });
});

describe('label', () => {
  it('names a code value through the same dictionaries, and an unknown code by itself', () => {
    expect(label('vi', 'overdue_reported')).toBe('Quá hạn (theo báo cáo)');
    expect(label('en', 'thanh_pho')).toBe('Centrally-run city');
    expect(label('en', 'not-a-code')).toBe('not-a-code');
    expect(label('en', null)).toBe('');
  });
});

describe('textIn', () => {
  it('picks a data field by language, with or without a _vi suffix', () => {
    expect(textIn('vi', { name_vi: 'Hà Nội', name_en: 'Hanoi' }, 'name')).toBe('Hà Nội');
    expect(textIn('en', { name_vi: 'Hà Nội', name_en: 'Hanoi' }, 'name')).toBe('Hanoi');
    expect(textIn('vi', { issuer: 'Bộ Chính trị', issuer_en: 'Politburo' }, 'issuer')).toBe('Bộ Chính trị');
    expect(textIn('en', { issuer: 'Bộ Chính trị', issuer_en: null }, 'issuer')).toBe('');
  });
});
