import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

type Case = [intent: string, changes: Parameters<typeof treeWith>[0], expected: ReturnType<typeof flat>];

const cases: Case[] = [
  // Rules of tasks and their progress reports: validate-tasks.test.ts.
  [
    'duplicate primary key',
    { 'provinces.csv': (t) => `${t}96,Cà Mau,Ca Mau,Tỉnh Cà Mau,Ca Mau Province,tinh\n` },
    [['provinces.csv', 5, 'code', 'duplicate-key']],
  ],
  [
    'reference to a missing document',
    { 'tasks.csv': editLine('t-databases', '57-NQ/TW', '58-NQ/TW') },
    [['tasks.csv', 3, 'document_id', 'unknown-reference']],
  ],
  [
    'former province code used as a current one',
    { 'observations.csv': editLine('dti,former_province,95', 'former_province', 'province') },
    [['observations.csv', 6, 'area_code', 'former-code-as-current']],
  ],
  [
    'commune that does not exist',
    { 'tasks.csv': editLine('t-commune', '00004', '99999') },
    [['tasks.csv', 4, 'area_code', 'unknown-area']],
  ],
  [
    'national value without VN',
    { 'observations.csv': editLine('dti,national', ',VN,', ',01,') },
    [['observations.csv', 2, 'area_code', 'area-mismatch']],
  ],
  [
    'unknown source',
    { 'observations.csv': editLine('dti,province,01', 'fixture-article', 'no-such-article') },
    [['observations.csv', 3, 'source_id', 'unknown-source']],
  ],
  [
    'value above the indicator maximum',
    { 'observations.csv': editLine('dti,province,01', '0.8241', '82.41') },
    [['observations.csv', 3, 'value', 'value-out-of-range']],
  ],
  [
    'quarterly indicator with a yearly period',
    { 'observations.csv': editLine('online-share', '2024-Q4', '2024') },
    [['observations.csv', 8, 'period', 'period-mismatch']],
  ],
  [
    'between without an upper bound',
    { 'targets.csv': editLine('t-range', 'between,40,50', 'between,40,') },
    [['targets.csv', 3, 'comparator', 'target-value-mismatch']],
  ],
  [
    'qualitative target with a value',
    { 'targets.csv': editLine('t-text', 'qualitative,,', 'qualitative,5,') },
    [['targets.csv', 4, 'comparator', 'target-value-mismatch']],
  ],
  [
    'unit change that disagrees with the current type',
    { 'provinces.csv': editLine('75,', 'Thành phố Đồng Nai,Dong Nai City,thanh_pho', 'Tỉnh Đồng Nai,Dong Nai Province,tinh') },
    [['unit_changes.csv', 2, 'to', 'unit-change-mismatch']],
  ],
  [
    'two document ids with the same web address',
    { 'documents.csv': (t) => `${t}57-nq-tw,nghi_quyet,Bộ Chính trị,Politburo,,Bản sao,Copy,,,,\n` },
    [['documents.csv', 6, 'id', 'duplicate-slug']],
  ],
  [
    'rank with a fraction',
    { 'observations.csv': editLine('dti-rank,province,01', ',1,', ',1.5,') },
    [['observations.csv', 7, 'value', 'not-whole-number']],
  ],
  [
    'percent indicator written as fractions (warning)',
    { 'observations.csv': editLine('online-share', ',50,', ',0.5,') },
    [['indicators.csv', 4, 'unit', 'percent-as-fraction']],
  ],
  [
    'reported done before its document was issued (a warning)',
    {
      'progress_reports.csv': (t) =>
        `${t}t-databases,2025-10-22,2025-10-22,Hoàn thành,done,SYNTHETIC kết quả.,,2024-11-01,fixture-article,SYNTHETIC fixture row.\n`,
    },
    [['progress_reports.csv', 5, 'completed_on', 'completed-before-issued']],
  ],
  [
    'due before its document was issued (71/NQ-CP assigns tasks due in March 2025): no issue',
    { 'tasks.csv': editLine('t-databases', ',2025,2025,none,', ',6/2024,2024-06,none,') },
    [],
  ],
  [
    'metadata naming an unknown source',
    { 'dataset.json': (t) => t.replace('"observations": ["fixture"]', '"observations": ["nowhere"]') },
    [['dataset.json', null, 'table_sources.observations', 'metadata-error']],
  ],
];

describe('rules across tables', () => {
  it.each(cases)('%s', (_intent, changes, expected) => {
    expect(flat(validateDataset(treeWith(changes)).issues)).toEqual(expected);
  });

  it('names the successor when a former code is used as a current one', () => {
    const data = validateDataset(treeWith({ 'observations.csv': editLine('dti,former_province,95', 'former_province', 'province') }));
    const found = data.issues.find((i) => i.code === 'former-code-as-current');
    expect(found?.message).toContain('Bạc Liêu');
    expect(found?.message).toContain('Cà Mau (96)');
  });

  it('collects every problem of a many-defect tree in one run', () => {
    const dir = treeWith({
      'observations.csv': (t) =>
        [
          editLine('dti,province,01', '0.8241', '"0,8241"'),
          editLine('dti,province,75', '0.7', '70%'),
          editLine('dti-rank', '2025-10-21', '21/10/2025'),
          editLine('online-share', 'fixture-article', 'nowhere'),
          editLine('dti,former_province,95', 'former_province', 'province'),
        ].reduce((text, edit) => edit(text), t),
      'tasks.csv': editLine('t-databases', 'Hoàn thiện', '@Hoàn thiện'),
    });
    const counts: Record<string, number> = {};
    for (const [, , , code] of flat(validateDataset(dir).issues)) counts[code] = (counts[code] ?? 0) + 1;
    expect(counts).toEqual({
      'decimal-comma': 1,
      'percent-sign': 1,
      'date-format': 1,
      'unknown-source': 1,
      'former-code-as-current': 1,
      'formula-injection': 1,
    });
  });

  it('accepts the valid fixture tree with only the row-count warnings of a small tree', () => {
    const data = validateDataset(treeWith({}));
    expect(data.valid).toBe(true);
    expect(data.issues.map((i) => [i.severity, i.code, i.file])).toEqual([
      ['warning', 'table-dimensions', 'former_provinces.csv'],
      ['warning', 'table-dimensions', 'provinces.csv'],
    ]);
  });
});
