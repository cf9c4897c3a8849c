/** Hostile input the validator must refuse, with the exact code, before anything reaches a page or a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

/** A CSV cell quoted as RFC 4180 wants, so only the value itself is hostile. */
const csv = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('hostile cells are refused', () => {
  it.each([
    ['<script> in a title', { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '<script>window.__xss=1</script>') }, [['tasks.csv', 3, 'title_vi', 'html-in-text']]],
    ['closing </script> in a note', { 'observations.csv': editLine('dti,province,96', 'Not published for this unit.', 'x</script><script>alert(1)</script>') }, [['observations.csv', 5, 'note', 'html-in-text']]],
    ['<svg onload> in a name', { 'provinces.csv': editLine('96,', 'Cà Mau,Ca Mau', 'Cà Mau,<svg onload=alert(1)>') }, [['provinces.csv', 4, 'name_en', 'html-in-text']]],
    ['"><img onerror> breaking out of an attribute', { 'documents.csv': editLine('118/2025', 'Nghị định số 118/2025/NĐ-CP', csv('"><img src=x onerror=alert(1)> Nghị định')) }, [['documents.csv', 4, 'title_vi', 'html-in-text']]],
    ['an HTML entity', { 'documents.csv': editLine('118/2025', 'Nghị định số', 'Nghị định &lt;số&gt;') }, [['documents.csv', 4, 'title_vi', 'html-in-text']]],
    ['=HYPERLINK formula', { 'tasks.csv': editLine('t-databases', 'Hoàn thiện cơ sở dữ liệu', csv('=HYPERLINK("http://evil.example","x")')) }, [['tasks.csv', 3, 'title_vi', 'formula-injection']]],
    ['+cmd formula', { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '+cmd|calc') }, [['tasks.csv', 3, 'title_vi', 'formula-injection']]],
    ['@SUM formula', { 'tasks.csv': editLine('t-databases', 'Hoàn thiện', '@SUM(A1)') }, [['tasks.csv', 3, 'title_vi', 'formula-injection']]],
    ['javascript: link', { 'documents.csv': editLine('fixture-article', 'https://example.org/article', 'javascript:alert(1)') }, [['documents.csv', 5, 'url', 'unsafe-url']]],
    ['data: link', { 'documents.csv': editLine('fixture-article', 'https://example.org/article', csv('data:text/html,<b>x</b>')) }, [['documents.csv', 5, 'url', 'unsafe-url']]],
    ['javascript: source', { 'observations.csv': editLine('dti,province,01', 'fixture-article', 'javascript:alert(1)') }, [['observations.csv', 3, 'source_id', 'unsafe-url']]],
  ] as const)('%s', (_name, changes, expected) => {
    const changed = new Set(Object.keys(changes));
    expect(flat(validateDataset(treeWith(changes)).issues).filter(([f]) => changed.has(f))).toEqual(expected);
  });

  it('accepts text that only looks dangerous: comparisons, quotes, braces, odd Unicode', () => {
    const data = validateDataset(treeWith({ 'tasks.csv': editLine('t-databases', 'Hoàn thiện cơ sở dữ liệu', csv(`a < b && c > d; "q" 'q' \`q\` \${x} {{y}} \u202Ertl\u202C q\u0308 🇻🇳 Hoàn thiện`)) }));
    expect(data.valid).toBe(true);
  });
});
