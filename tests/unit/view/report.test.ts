import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORRECTION_FIELDS,
  CORRECTION_TEMPLATE,
  MAX_URL_LENGTH,
  clip,
  githubIssueUrl,
  mailBody,
  mailtoUrl,
  reportLinks,
  type ReportInput,
} from '../../../src/lib/view/report.ts';
import { chartCite, type FigureCite } from '../../../src/lib/view/cite.ts';
import { citationsPage } from '../../../src/lib/view/citations.ts';
import { provincePage } from '../../../src/lib/view/province.ts';
import { realModel } from './real-model.ts';

const REPO = 'https://github.com/nq57-portal/nq57-portal';
const MAIL = 'corrections@nq57.example.org';
/** SYNTHETIC: a cell whose text holds what URLs treat specially: &, #, =, +, %, ?, a line break, Vietnamese. */
const input: ReportInput = {
  page: 'https://nq57.example.org/provinces/66/',
  what: 'Tỷ lệ hồ sơ & thủ tục #1 — Đắk Lắk',
  file: 'observations.csv',
  key: 'indicator_id=ho-so-truc-tuyen; area_level=province; area_code=66; period=2025',
  column: 'value',
  value: '50% + 3 = ?\nxem ghi chú',
  source: 'https://example.org/bai?id=1&p=2#muc',
};

describe('GitHub issue link', () => {
  it('opens the correction form with every field prefilled, decoded back exactly', () => {
    const url = new URL(githubIssueUrl(REPO, 'vi', input)!);
    expect(`${url.origin}${url.pathname}`).toBe(`${REPO}/issues/new`);
    const q = url.searchParams;
    expect(q.get('template')).toBe(CORRECTION_TEMPLATE);
    expect(q.get('title')).toBe('Đính chính: Tỷ lệ hồ sơ & thủ tục #1 — Đắk Lắk');
    expect(q.get('page')).toBe(input.page);
    expect(q.get('file')).toBe('observations.csv');
    expect(q.get('key')).toBe(input.key);
    expect(q.get('column')).toBe('value');
    expect(q.get('wrong')).toBe('50% + 3 = ?\nxem ghi chú');
    expect(q.get('source')).toBe(input.source);
    // Nothing of the data escapes into the URL's own syntax: one "?", no raw "#", "&" only between parameters.
    expect(url.hash).toBe('');
    expect([...q.keys()].sort()).toEqual(['column', 'file', 'key', 'page', 'source', 'template', 'title', 'wrong']);
  });

  it('uses only field ids the issue template declares', () => {
    const yml = readFileSync(join(import.meta.dirname, '../../../.github/ISSUE_TEMPLATE', CORRECTION_TEMPLATE), 'utf8');
    const ids = [...yml.matchAll(/^\s+id: (\S+)$/gm)].map((m) => m[1]);
    for (const f of CORRECTION_FIELDS) expect(ids).toContain(f);
  });

  it('is left out when dataset.json names no repository', () => {
    expect(githubIssueUrl(undefined, 'en', input)).toBeNull();
    expect(reportLinks({ contact_email: MAIL }, 'en', input).github).toBeNull();
  });
});

describe('mailto link', () => {
  it('percent-encodes subject and body as UTF-8 (space %20, line break %0D%0A), no "+" and no raw "&" or "#"', () => {
    const url = mailtoUrl(MAIL, 'en', input)!;
    expect(url.startsWith(`mailto:${MAIL}?subject=`)).toBe(true);
    const query = url.slice(url.indexOf('?') + 1);
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual(['subject', 'body']);
    expect(url).not.toMatch(/[ +#\n]/);
    expect(url).toContain('%0D%0A');
    expect(url).toContain('%C4%90%E1%BA%AFk'); // "Đắk" in UTF-8
    const params = Object.fromEntries(query.split('&').map((p) => [p.split('=')[0], decodeURIComponent(p.split('=')[1]!)]));
    expect(params.subject).toBe('Correction: Tỷ lệ hồ sơ & thủ tục #1 — Đắk Lắk');
    expect(params.body).toBe(mailBody('en', input));
    expect(params.body).toContain('Value shown: 50% + 3 = ?\nxem ghi chú');
    expect(params.body).toContain(`Source: ${input.source}\r\n`);
  });

  it('labels the body in the page language', () => {
    expect(mailBody('vi', input).split('\r\n')[0]).toBe(`Trang: ${input.page}`);
    expect(mailBody('en', input).split('\r\n')[0]).toBe(`Page: ${input.page}`);
  });

  it('is left out when dataset.json names no address', () => {
    expect(mailtoUrl(undefined, 'vi', input)).toBeNull();
  });
});

describe('length limits', () => {
  // SYNTHETIC: a quote of 5 000 Vietnamese characters, ~45 000 characters once percent-encoded.
  const long: ReportInput = { ...input, value: 'Đặng Thị Ngọc Ánh '.repeat(280) };

  it('both links stay under the limit, the long field cut with "…" and still decodable', () => {
    const gh = githubIssueUrl(REPO, 'vi', long)!;
    const mail = mailtoUrl(MAIL, 'vi', long)!;
    expect(gh.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(mail.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    const wrong = new URL(gh).searchParams.get('wrong')!;
    expect(wrong.endsWith('…')).toBe(true);
    expect(long.value.startsWith(wrong.slice(0, -1))).toBe(true);
    expect(() => decodeURIComponent(mail.slice(mail.indexOf('body=') + 5))).not.toThrow();
  });

  it('a short field is never cut', () => {
    expect(new URL(githubIssueUrl(REPO, 'vi', input)!).searchParams.get('wrong')).toBe(input.value);
  });

  it('clip counts code points and never splits a surrogate pair', () => {
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('Đắk'.normalize('NFD'), 3)).toBe('Đắk');
  });
});

describe('a chart and a citations entry', () => {
  const model = realModel();
  const links = (cite: FigureCite) =>
    reportLinks({ repository: REPO, contact_email: MAIL }, cite.lang, {
      ...cite.cell,
      page: `https://nq57.example.org${cite.path}`,
      what: cite.what,
    });

  it('a chart reports as the chart (its key, its page, its sources), the value left for the reader to name', () => {
    // SYNTHETIC title with characters URLs treat specially.
    const cite = chartCite(model, 'vi', {
      key: 'ranking/dti',
      title: 'DTI & chỉ số #2 — 2024 (50%)',
      pageUrl: '/embed/ranking/dti/',
      sources: [{ label: 'Bộ Chính trị — 57-NQ/TW', href: '/documents/57-nq-tw/', date: null }],
    });
    const { github, mailto } = links(cite);
    const q = new URL(github!).searchParams;
    expect(q.get('title')).toBe('Đính chính: DTI & chỉ số #2 — 2024 (50%)');
    expect(q.get('key')).toBe('chart=ranking/dti');
    expect(q.get('page')).toBe('https://nq57.example.org/embed/ranking/dti/');
    expect(q.get('source')).toBe('57-NQ/TW');
    expect(q.has('wrong')).toBe(false);
    expect(mailto).not.toMatch(/[ +#\n]/);
    const body = decodeURIComponent(mailto!.slice(mailto!.indexOf('body=') + 5));
    expect(body).toContain('Khoá: chart=ranking/dti\r\n');
  });

  it("a figure on a citations page reports the same cell as its row's link", () => {
    const entry = citationsPage(model, 'provinces', '01', 'en', 'https://nq57.example.org').entries[0]!;
    const row = provincePage(model, '01', 'en').dti.rows[0]!;
    expect(entry.report).toEqual(links(row.cite));
    expect(new URL(entry.report!.github!).searchParams.get('key')).toBe(row.cite.cell.key);
  });
});
