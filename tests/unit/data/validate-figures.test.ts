import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

type Changes = Parameters<typeof treeWith>[0];
const cases: [string, Changes, ReturnType<typeof flat>][] = [
  [
    'a rank without the number of units ranked',
    { 'observations.csv': editLine('dti-rank,province,01', ',,34,', ',,,') },
    [['observations.csv', 7, 'rank_of', 'rank-without-scope']],
  ],
  [
    'a rank beyond the number of units ranked (40 of 34)',
    { 'observations.csv': editLine('dti-rank,province,01', '2024,1,', '2024,40,') },
    [['observations.csv', 7, 'value', 'rank-beyond-scope']],
  ],
  [
    'rank_of on a score',
    { 'observations.csv': editLine('dti,province,01', 'as_published,,,,', 'as_published,,,34,') },
    [['observations.csv', 3, 'rank_of', 'rank-of-on-score']],
  ],
  [
    'a snapshot dated after its publication (warning)',
    { 'observations.csv': editLine('dti,province,01', 'as_published,,,,', 'as_published,,2025-11-02,,') },
    [['observations.csv', 3, 'as_of', 'as-of-after-published']],
  ],
  [
    'a snapshot month that contains the publication day is not after it',
    { 'observations.csv': editLine('dti,province,01', 'as_published,,,,', 'as_published,,2025-10,,') },
    [],
  ],
  [
    'a snapshot after the dataset as-of date',
    { 'observations.csv': editLine('dti,province,96', 'unit.,,,', 'unit.,2099-01,,') },
    [
      ['observations.csv', 5, 'as_of', 'as-of-after-published'],
      ['observations.csv', 5, 'as_of', 'date-after-as-of'],
    ],
  ],
  [
    'a snapshot in month 13',
    { 'observations.csv': editLine('dti,province,01', 'as_published,,,,', 'as_published,,2025-13,,') },
    [['observations.csv', 3, 'as_of', 'pattern-error']],
  ],
  [
    'a province document with a level but no code',
    {
      'documents.csv': (t) =>
        `${t}05-KH/TU,ke_hoach,Tỉnh ủy Bạc Liêu,Bạc Liêu Party Committee,2025-02-01,Kế hoạch,Plan,,,former_province,\n`,
    },
    [['documents.csv', 6, 'area_code', 'document-area-incomplete']],
  ],
  [
    'a province document naming a former code as current',
    { 'documents.csv': (t) => `${t}05-KH/TU,ke_hoach,Tỉnh ủy Bạc Liêu,Bạc Liêu Party Committee,2025-02-01,Kế hoạch,Plan,,,province,95\n` },
    [['documents.csv', 6, 'area_code', 'unknown-area']],
  ],
  [
    'a province document with a code and no level',
    { 'documents.csv': (t) => `${t}05-KH/TU,ke_hoach,Tỉnh ủy Bạc Liêu,Bạc Liêu Party Committee,2025-02-01,Kế hoạch,Plan,,,,95\n` },
    [['documents.csv', 6, 'area_level', 'document-area-incomplete']],
  ],
  [
    "a former province's document at its level",
    {
      'documents.csv': (t) =>
        `${t}05-KH/TU,ke_hoach,Tỉnh ủy Bạc Liêu,Bạc Liêu Party Committee,2025-02-01,Kế hoạch,Plan,,,former_province,95\n`,
    },
    [],
  ],
  [
    'a commune pair that crosses provinces (warning)',
    { 'commune_merges.csv': (t) => `${t}26116,25999,Xã Mẫu,95,full,\n` },
    [['commune_merges.csv', 5, 'former_province_code', 'merge-crosses-provinces']],
  ],
];

describe('ranks, snapshots, document areas and commune pairs', () => {
  it.each(cases)('%s', (_intent, changes, expected) => {
    expect(flat(validateDataset(treeWith(changes)).issues)).toEqual(expected);
  });

  it('a cross-province pair is a warning, not an error: the data stays publishable', () => {
    const data = validateDataset(treeWith({ 'commune_merges.csv': (t) => `${t}26116,25999,Xã Mẫu,95,full,Doubtful.\n` }));
    expect(data.valid).toBe(true);
    expect(data.issues.find((i) => i.code === 'merge-crosses-provinces')?.hint).toContain('note already flags');
  });
});
