/**
 * One defect per case, CSV-on-the-Web style: each row names the intent, the change to the valid
 * fixture tree, and the exact [file, line, column, code] list the validator must report.
 */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

type Case = [intent: string, changes: Parameters<typeof treeWith>[0], expected: ReturnType<typeof flat>];

const PROVINCES_HEADER = 'code,name_vi,name_en,full_name_vi,full_name_en,type';

const cases: Case[] = [
  [
    'decimal comma in a value',
    { 'observations.csv': editLine('dti,province,01', '0.8241', '"0,8241"') },
    [['observations.csv', 3, 'value', 'decimal-comma']],
  ],
  [
    'percent sign in a value',
    { 'observations.csv': editLine('online-share', ',50,', ',50%,') },
    [['observations.csv', 8, 'value', 'percent-sign']],
  ],
  [
    'day/month/year date',
    { 'tasks.csv': editLine('t-centres', '2025-10-04', '04/10/2025') },
    [['tasks.csv', 2, 'assigned_on', 'date-format']],
  ],
  [
    'spreadsheet serial date',
    { 'tasks.csv': editLine('t-centres', '2025-10-04', '45934') },
    [['tasks.csv', 2, 'assigned_on', 'excel-serial-date']],
  ],
  [
    'date that does not exist',
    { 'documents.csv': editLine('57-NQ/TW', '2024-12-22', '2025-02-30') },
    [['documents.csv', 2, 'issued_on', 'invalid-date']],
  ],
  [
    'text not in NFC',
    { 'provinces.csv': editLine('96,', 'Cà Mau', 'Cà Mau'.normalize('NFD')) },
    [['provinces.csv', 4, 'name_vi', 'not-nfc']],
  ],
  ['space around a key', { 'provinces.csv': editLine('96,', '96,', ' 96,') }, [['provinces.csv', 4, 'code', 'surrounding-whitespace']]],
  [
    'spreadsheet formula in text',
    { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '=SUM(A1)') },
    [['tasks.csv', 3, 'title_vi', 'formula-injection']],
  ],
  [
    'leading minus in text',
    { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '- Hoàn thiện') },
    [['tasks.csv', 3, 'title_vi', 'formula-injection']],
  ],
  [
    'HTML in text',
    { 'documents.csv': editLine('118/2025', 'Nghị định số', '<b>Nghị định</b> số') },
    [['documents.csv', 4, 'title_vi', 'html-in-text']],
  ],
  [
    'javascript: link',
    { 'tasks.csv': editLine('t-databases', 'https://example.org/article', 'javascript:alert(1)') },
    [['tasks.csv', 3, 'source_id', 'unsafe-url']],
  ],
  [
    'value not in the list',
    { 'progress_reports.csv': editLine('t-databases', 'in_progress', 'ongoing') },
    [['progress_reports.csv', 3, 'status', 'not-allowed-value']],
  ],
  ['province code of three digits', { 'provinces.csv': editLine('96,', '96,', '096,') }, [['provinces.csv', 4, 'code', 'pattern-error']]],
  [
    'missing required value',
    { 'indicators.csv': editLine('dti-rank', 'Thứ hạng DTI', '') },
    [['indicators.csv', 3, 'name_vi', 'missing-value']],
  ],
  [
    'period in the wrong form',
    { 'observations.csv': editLine('online-share', '2024-Q4', 'Q4/2024') },
    [['observations.csv', 8, 'period', 'period-format']],
  ],
];

describe('cell rules', () => {
  it.each(cases)('%s', (_intent, changes, expected) => {
    // Only the changed file: a refused key may also be reported where other tables refer to it.
    const changed = new Set(Object.keys(changes));
    expect(flat(validateDataset(treeWith(changes)).issues).filter(([file]) => changed.has(file))).toEqual(expected);
  });

  it('reads an empty numeric cell as not available, never as zero', () => {
    const data = validateDataset(treeWith({}));
    const camau = data.tables.observations.find((o) => o.area_code === '96' && o.indicator_id === 'dti');
    expect(camau?.value).toBeNull();
  });
});

describe('file structure', () => {
  const structural: Case[] = [
    ['byte-order mark', { 'provinces.csv': (t) => `\uFEFF${t}` }, [['provinces.csv', 1, null, 'bom']]],
    ['semicolon-separated file', { 'provinces.csv': (t) => t.replace(/,/g, ';') }, [['provinces.csv', 1, null, 'wrong-delimiter']]],
    [
      'duplicate header',
      { 'provinces.csv': (t) => t.replace(PROVINCES_HEADER, 'code,name_vi,name_vi,full_name_vi,full_name_en,type') },
      [
        ['provinces.csv', 1, 'name_en', 'missing-header'],
        ['provinces.csv', 1, 'name_vi', 'duplicate-header'],
      ],
    ],
    [
      'unknown header',
      { 'provinces.csv': (t) => t.replace(PROVINCES_HEADER, 'code,name_vi,name_en,full_name_vi,full_name_en,kind') },
      [
        ['provinces.csv', 1, 'kind', 'unknown-header'],
        ['provinces.csv', 1, 'type', 'missing-header'],
      ],
    ],
    ['row with an extra cell', { 'provinces.csv': editLine('96,', ',tinh', ',tinh,x') }, [['provinces.csv', 4, null, 'extra-cell']]],
    ['row with a missing cell', { 'provinces.csv': editLine('96,', ',tinh', '') }, [['provinces.csv', 4, null, 'missing-cell']]],
    ['blank line', { 'provinces.csv': (t) => t.replace('\n75,', '\n\n75,') }, [['provinces.csv', 3, null, 'blank-row']]],
    ['line of commas', { 'provinces.csv': (t) => t.replace('\n75,', '\n,,,,,\n75,') }, [['provinces.csv', 3, null, 'blank-row']]],
    [
      'stray quote in an unquoted cell',
      { 'provinces.csv': editLine('96,', 'Cà Mau,Ca', 'Cà "Mau",Ca') },
      [['provinces.csv', 4, null, 'stray-quote']],
    ],
    // The error names the first line whose ending differs from line 1's; no CR is left in a cell or a column name.
    ['mixed line endings', { 'provinces.csv': (t) => t.replace('\n75,', '\r\n75,') }, [['provinces.csv', 2, null, 'mixed-line-endings']]],
    ['header in CRLF, rows in LF', { 'provinces.csv': (t) => t.replace('\n', '\r\n') }, [['provinces.csv', 2, null, 'mixed-line-endings']]],
    [
      'rows in CRLF, one in LF',
      { 'provinces.csv': (t) => t.replace(/\n/g, '\r\n').replace('\r\n96,', '\n96,') },
      [['provinces.csv', 3, null, 'mixed-line-endings']],
    ],
    [
      'not UTF-8 (Windows-1258 bytes)',
      {
        'provinces.csv': new Uint8Array([
          ...new TextEncoder().encode(`${PROVINCES_HEADER}\n01,H`),
          0xe0,
          ...new TextEncoder().encode(' Noi,x,y,z,tinh\n'),
        ]),
      },
      [['provinces.csv', 2, null, 'encoding-error']],
    ],
    [
      'spreadsheet given as CSV',
      { 'provinces.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]) },
      [['provinces.csv', 1, null, 'encoding-error']],
    ],
    ['empty file', { 'provinces.csv': '' }, [['provinces.csv', null, null, 'empty-file']]],
  ];
  it.each(structural)('%s', (_intent, changes, expected) => {
    const issues = flat(validateDataset(treeWith(changes)).issues).filter(([file]) => file === 'provinces.csv');
    expect(issues).toEqual(expected);
  });

  it('counts file lines, not records, after a cell with a line break', () => {
    const dir = treeWith({
      // Line 2 holds a quoted note over two lines (itself refused), so t-commune starts on line 5.
      'tasks.csv': (t) =>
        editLine('t-commune', ',none,', ',unknown,')(editLine('t-centres', ',fixture-article,', ',fixture-article,"two\nlines"')(t)),
    });
    expect(flat(validateDataset(dir).issues)).toEqual([
      ['tasks.csv', 2, 'note', 'control-character'],
      ['tasks.csv', 5, 'recurrence', 'not-allowed-value'],
    ]);
  });
});
