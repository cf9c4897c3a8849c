/** Unit names against the official reference list: tone-mark placement tolerated, nothing else. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { isSameUnitName } from '../../../src/lib/data/unit-names.ts';
import { editLine, flat, treeWith } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
/** The real reference list (data/reference/README.md gives its origin). */
const REFERENCE = readFileSync(join(ROOT, 'data/reference/provinces.csv'), 'utf8');

type Case = [intent: string, changes: Parameters<typeof treeWith>[0], expected: ReturnType<typeof flat>];

const withReference = (changes: Parameters<typeof treeWith>[0]) => treeWith({ 'reference/provinces.csv': REFERENCE, ...changes });
const provincesOnly = (dir: string) => flat(validateDataset(dir).issues).filter(([file]) => file === 'provinces.csv');

describe('tone-mark placement', () => {
  it.each([
    ['Khánh Hoà', 'Khánh Hòa', true],
    ['Thanh Hoá', 'Thanh Hóa', true],
    ['Thuỷ Nguyên', 'Thủy Nguyên', true],
    ['Hoà'.normalize('NFD'), 'Hòa', true],
    ['Cà Mau', 'Cà Máu', false],
    ['Hòa', 'Hoa', false],
    ['Bắc Sơn', 'Bác Sơn', false],
    ['Xã Bắc Sơn', 'xã Bắc Sơn', false],
    ['Hoà Bình', 'Hòa Bính', false],
  ] as const)('%s = %s: %s', (a, b, same) => {
    expect(isSameUnitName(a, b)).toBe(same);
  });
});

describe('provinces against the reference list', () => {
  const cases: Case[] = [
    [
      'a current province labelled with its former name',
      { 'provinces.csv': editLine('75,', 'Đồng Nai,Dong Nai,Thành phố Đồng Nai', 'Bình Phước,Dong Nai,Thành phố Bình Phước') },
      [
        ['provinces.csv', 3, 'full_name_vi', 'unit-name-mismatch'],
        ['provinces.csv', 3, 'name_vi', 'unit-name-mismatch'],
      ],
    ],
    [
      'a wrong tone mark',
      { 'provinces.csv': editLine('96,', '96,Cà Mau', '96,Cà Máu') },
      [['provinces.csv', 4, 'name_vi', 'unit-name-mismatch']],
    ],
    [
      'the unit word of a former type',
      { 'provinces.csv': editLine('75,', 'Thành phố Đồng Nai', 'Tỉnh Đồng Nai') },
      [['provinces.csv', 3, 'full_name_vi', 'unit-name-mismatch']],
    ],
    [
      'a former province code among the current ones',
      { 'provinces.csv': (t) => `${t}95,Bạc Liêu,Bac Lieu,Tỉnh Bạc Liêu,Bac Lieu Province,tinh\n` },
      [['provinces.csv', 5, 'code', 'unknown-area']],
    ],
  ];
  it.each(cases)('%s', (_intent, changes, expected) => {
    // Only the rule's own rows (a changed type also disagrees with unit_changes.csv, for example).
    expect(
      provincesOnly(withReference(changes)).filter(([, , , code]) => code === 'unit-name-mismatch' || code === 'unknown-area'),
    ).toEqual(expected);
  });

  it('accepts the other tone-mark placement of an official name', () => {
    const dir = withReference({ 'provinces.csv': (t) => `${t}56,Khánh Hòa,Khanh Hoa,Tỉnh Khánh Hòa,Khanh Hoa Province,tinh\n` });
    expect(provincesOnly(dir)).toEqual([]);
  });

  it('names the official name and the former province in the message', () => {
    const dir = withReference({ 'provinces.csv': editLine('75,', 'Đồng Nai,Dong Nai', 'Bình Phước,Dong Nai') });
    const [problem] = validateDataset(dir).issues.filter((i) => i.code === 'unit-name-mismatch');
    expect(problem?.message).toBe(
      '"Bình Phước" is not the official name of province 75: the reference list (data/reference/provinces.csv) gives "Đồng Nai"; Bình Phước is the former province (70) merged into it.',
    );
  });

  it('the valid tree passes with the reference list', () => {
    expect(flat(validateDataset(withReference({})).issues)).toEqual([]);
  });
});
