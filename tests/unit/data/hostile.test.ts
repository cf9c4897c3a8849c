/** Hostile input the validator must refuse, with the exact code, before anything reaches a page or a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

/** A CSV cell quoted as RFC 4180 wants, so only the value itself is hostile. */
const csv = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('hostile cells are refused', () => {
  it.each([
    [
      '<script> in a title',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '<script>window.__xss=1</script>') },
      [['tasks.csv', 3, 'title_vi', 'html-in-text']],
    ],
    [
      'closing </script> in a note',
      { 'observations.csv': editLine('dti,province,96', 'Not published for this unit.', 'x</script><script>alert(1)</script>') },
      [['observations.csv', 5, 'note', 'html-in-text']],
    ],
    [
      '<svg onload> in a name',
      { 'provinces.csv': editLine('96,', 'Cà Mau,Ca Mau', 'Cà Mau,<svg onload=alert(1)>') },
      [['provinces.csv', 4, 'name_en', 'html-in-text']],
    ],
    [
      '"><img onerror> breaking out of an attribute',
      { 'documents.csv': editLine('118/2025', 'Nghị định số 118/2025/NĐ-CP', csv('"><img src=x onerror=alert(1)> Nghị định')) },
      [['documents.csv', 4, 'title_vi', 'html-in-text']],
    ],
    [
      'an HTML entity',
      { 'documents.csv': editLine('118/2025', 'Nghị định số', 'Nghị định &lt;số&gt;') },
      [['documents.csv', 4, 'title_vi', 'html-in-text']],
    ],
    [
      '=HYPERLINK formula',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện cơ sở dữ liệu', csv('=HYPERLINK("http://evil.example","x")')) },
      [['tasks.csv', 3, 'title_vi', 'formula-injection']],
    ],
    [
      '+cmd formula',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '+cmd|calc') },
      [['tasks.csv', 3, 'title_vi', 'formula-injection']],
    ],
    [
      '@SUM formula',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '@SUM(A1)') },
      [['tasks.csv', 3, 'title_vi', 'formula-injection']],
    ],
    [
      'javascript: link',
      { 'documents.csv': editLine('fixture-article', 'https://example.org/article', 'javascript:alert(1)') },
      [['documents.csv', 5, 'url', 'unsafe-url']],
    ],
    [
      'data: link',
      { 'documents.csv': editLine('fixture-article', 'https://example.org/article', csv('data:text/html,<b>x</b>')) },
      [['documents.csv', 5, 'url', 'unsafe-url']],
    ],
    [
      'javascript: source',
      { 'observations.csv': editLine('dti,province,01', 'fixture-article', 'javascript:alert(1)') },
      [['observations.csv', 3, 'source_id', 'unsafe-url']],
    ],
    [
      'right-to-left override in a title',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', 'Hoàn \u202Ethiện\u202C') },
      [['tasks.csv', 3, 'title_vi', 'bidi-control']],
    ],
    [
      'bidi isolate in a name',
      { 'provinces.csv': editLine('96,', 'Cà Mau,Ca', '\u2066Cà Mau\u2069,Ca') },
      [['provinces.csv', 4, 'name_vi', 'bidi-control']],
    ],
    [
      'zero-width space in a name',
      { 'communes.csv': editLine('00004,', 'Ba Đình,Ba', 'Ba\u200BĐình,Ba') },
      [['communes.csv', 2, 'name_vi', 'invisible-character']],
    ],
    [
      'byte-order mark inside text',
      { 'documents.csv': editLine('118/2025', 'Nghị định số', 'Nghị định\uFEFF số') },
      [['documents.csv', 4, 'title_vi', 'invisible-character']],
    ],
    [
      'word joiner in a note',
      { 'observations.csv': editLine('dti,province,96', 'Not published for this unit.', 'Not\u2060published.') },
      [['observations.csv', 5, 'note', 'invisible-character']],
    ],
    [
      'credentials in a document link',
      { 'documents.csv': editLine('fixture-article', 'https://example.org/article', 'https://user:pass@example.org/article') },
      [['documents.csv', 5, 'url', 'url-credentials']],
    ],
    [
      'user name in the source link of a progress report',
      { 'progress_reports.csv': editLine('t-centres', 'fixture-article', 'https://admin@example.org/evidence') },
      [['progress_reports.csv', 2, 'source_id', 'url-credentials']],
    ],
    [
      'credentials in a source link',
      { 'tasks.csv': editLine('t-databases', 'https://example.org/article', 'https://u:p@example.org/article') },
      [['tasks.csv', 3, 'source_id', 'url-credentials']],
    ],
    [
      'tab before a formula',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện cơ sở dữ liệu', csv('\t=1+1')) },
      [
        ['tasks.csv', 3, 'title_vi', 'formula-injection'],
        ['tasks.csv', 3, 'title_vi', 'surrounding-whitespace'],
      ],
    ],
    [
      'space before a formula',
      { 'tasks.csv': editLine('t-databases', 'Hoàn thiện cơ sở dữ liệu', csv(' =1+1')) },
      [
        ['tasks.csv', 3, 'title_vi', 'formula-injection'],
        ['tasks.csv', 3, 'title_vi', 'surrounding-whitespace'],
      ],
    ],
    [
      'title of 100,000 characters',
      { 'documents.csv': editLine('118/2025', 'Nghị định số', `${'Nghị định '.repeat(10_000)}số`) },
      [['documents.csv', 4, 'title_vi', 'text-too-long']],
    ],
    [
      'province name one character over its limit',
      { 'provinces.csv': editLine('96,', 'Cà Mau,Ca', `${'a'.repeat(101)},Ca`) },
      [['provinces.csv', 4, 'name_vi', 'text-too-long']],
    ],
    [
      '400-digit value',
      { 'observations.csv': editLine('dti,province,01', '0.8241', '9'.repeat(400)) },
      [['observations.csv', 3, 'value', 'number-overflow']],
    ],
    [
      '400-digit minimum',
      { 'indicators.csv': editLine('dti-rank', ',1,63,', `,${'1'.repeat(400)},63,`) },
      [['indicators.csv', 3, 'min', 'number-overflow']],
    ],
    [
      '400-digit negative maximum',
      { 'indicators.csv': editLine('dti-rank', ',1,63,', `,1,-${'6'.repeat(400)},`) },
      [['indicators.csv', 3, 'max', 'number-overflow']],
    ],
  ] as const)('%s', (_name, changes, expected) => {
    const changed = new Set(Object.keys(changes));
    expect(flat(validateDataset(treeWith(changes)).issues).filter(([f]) => changed.has(f))).toEqual(expected);
  });

  it('accepts text that only looks dangerous: comparisons, quotes, braces, right-to-left script, odd Unicode', () => {
    const data = validateDataset(
      treeWith({
        'tasks.csv': editLine(
          't-databases',
          'Hoàn thiện cơ sở dữ liệu',
          csv(`a < b && c > d; "q" 'q' \`q\` \${x} {{y}} עברית q\u0308 🇻🇳 - a = b @x Hoàn thiện`),
        ),
      }),
    );
    expect(data.valid).toBe(true);
  });

  it('names the hidden character and where it is, and says how to find it in an editor', () => {
    const [problem] = validateDataset(treeWith({ 'tasks.csv': editLine('t-databases', 'Hoàn thiện', 'Hoàn \u202Ethiện') })).issues.filter(
      (i) => i.code === 'bidi-control',
    );
    expect(problem?.message).toContain('U+202E at character 6');
    expect(problem?.hint).toContain('Render Control Characters');
  });

  it("accepts a text exactly at its column's limit", () => {
    expect(
      validateDataset(treeWith({ 'provinces.csv': editLine('96,', 'Cà Mau,Ca', `${'a'.repeat(100)},Ca`) })).issues.filter(
        (i) => i.file === 'provinces.csv' && i.code !== 'table-dimensions',
      ),
    ).toEqual([]);
  });
});
