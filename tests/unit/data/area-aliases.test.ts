import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseAliases, resolveArea, type AliasLevel } from '../../../src/lib/data/area-aliases.ts';

const DATA = join(import.meta.dirname, '../../../data');
const csv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(DATA, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
const known = {
  province: new Set(csv('provinces.csv').map((p) => p.code!)),
  former_province: new Set(csv('former_provinces.csv').map((p) => p.code!)),
};
const { index, problems } = parseAliases(csv('area_aliases.csv'), known);
const code = (name: string, level: AliasLevel) => {
  const r = resolveArea(index, name, level);
  return 'code' in r ? r.code : r.problem.code;
};

describe('the reviewed alias table data/area_aliases.csv', () => {
  it('has no invalid row, no duplicate and no code that does not exist at its level', () => {
    expect(problems).toEqual([]);
  });

  it('maps the five spellings of Hồ Chí Minh City to 79', () => {
    expect(['TP.HCM', 'TP HCM', 'TPHCM', 'Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh'].map((n) => code(n, 'province'))).toEqual([
      '79',
      '79',
      '79',
      '79',
      '79',
    ]);
  });

  it('reads a name at its level: Gia Lai is 52 today and was 64 before the merger; Bắc Ninh was 27', () => {
    expect([code('Gia Lai', 'province'), code('Gia Lai', 'former_province'), code('Bắc Ninh', 'former_province')]).toEqual([
      '52',
      '64',
      '27',
    ]);
  });

  it('never guesses: a name without a row is unknown, even when it differs only in case, diacritics or spacing', () => {
    for (const name of ['Tp. Hồ Chí Minh', 'Ha Noi', 'hà nội', 'TP.HCM ', 'Hồ Chí Minh'])
      expect(code(name, 'province')).toBe('unknown-area-name');
    expect(code('Gia Lai', 'national')).toBe('unknown-area-name');
  });

  it('matches a name typed in decomposed Unicode (NFD) as its NFC form', () => {
    expect(code('Hà Nội'.normalize('NFD'), 'province')).toBe('01');
  });

  it('resolves every area name of the press figures and provincial documents at the level it is used', () => {
    const src = (file: string) =>
      Papa.parse<Record<string, string>>(readFileSync(join(DATA, 'sources/press-figures-2025', file), 'utf8'), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const names = src('figures.csv').map((r) => [r.area_name_vi!, r.area_level as AliasLevel] as const);
    const unknown = names.filter(([n, l]) => code(n, l) === 'unknown-area-name');
    expect(unknown).toEqual([]);
  });
});

describe('parseAliases reports every bad row', () => {
  const rows = [
    { name: 'Huế', level: 'province', code: '46', note: '' },
    { name: 'Huế', level: 'province', code: '46', note: 'again' },
    { name: 'Bạc Liêu', level: 'province', code: '95', note: 'a former code used as current' },
    { name: 'Nowhere', level: 'district', code: '01', note: '' },
  ];
  it('as a duplicate, an unknown code and an invalid row, with their lines', () => {
    expect(parseAliases(rows, known).problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'alias-duplicate'],
      [4, 'alias-unknown-code'],
      [5, 'alias-invalid-row'],
    ]);
  });
});
