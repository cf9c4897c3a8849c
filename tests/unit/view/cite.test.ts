import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bibtexEscape,
  chartCite,
  pinnedEmbed,
  citedSource,
  cslDate,
  formatCiteBibtex,
  formatCiteCsl,
  formatCiteText,
  observationCite,
  releaseOfFile,
  taskCite,
  type FigureCite,
} from '../../../src/lib/view/cite.ts';

import { latestVersion } from '../../../src/lib/release/publish.ts';
import { realModel } from './real-model.ts';

// The latest release of the real data; its observations.csv and tasks.csv are the working files byte for byte
// (checked below), so every citation pins to it.
const LATEST = latestVersion(join(import.meta.dirname, '../../../data'))!;

const model = realModel();
const BASE = 'https://nq57.example.org';
const hanoiDti = [...model.tables.observations].find(
  (o) => o.indicator_id === 'dti' && o.area_level === 'province' && o.area_code === '01' && o.period === '2024',
)!;
const cite = (lang: 'vi' | 'en') => observationCite(model, lang, hanoiDti, '0,8241', '/provinces/01/');

/** SYNTHETIC: a figure whose source and text carry every character BibTeX and URLs treat specially. */
const hostile: FigureCite = {
  lang: 'vi',
  key: 'ty-le-66-2025',
  entry: '/provinces/66/cite/#ty-le-66-2025',
  what: 'Tỷ lệ {50%} & #1 — “Đắk Lắk”_a^b~c\\d',
  sources: [
    {
      id: '12/2025/QĐ-UBND',
      type: 'legislation',
      author: 'UBND tỉnh Đắk Lắk',
      title: 'Quyết định về {chuyển đổi số} 100% & $ #',
      number: '12/2025/QĐ-UBND',
      date: '2025-03',
      url: 'https://example.org/a b/{x}?q=1%20',
    },
  ],
  portal: {
    title: 'Dữ liệu',
    publisher: 'Cổng',
    version: `${LATEST}`,
    date: '2026-12-02',
    pinnedPath: `/data/v/${LATEST}/observations.csv`,
    licence: 'CC-BY-4.0',
  },
  path: '/provinces/66/',
  cell: { file: 'observations.csv', key: 'k', column: 'value', value: '50', source: '12/2025/QĐ-UBND' },
};

describe('citation of a figure over the published data', () => {
  it('pins to the latest release whose observations.csv is the working file byte for byte', () => {
    const release = releaseOfFile(model.dataDir, 'observations.csv');
    expect(release?.version).toBe(`${LATEST}`);
    expect(cite('en').portal).toMatchObject({ version: `${LATEST}`, date: '2026-12-02', pinnedPath: `/data/v/${LATEST}/observations.csv` });
  });

  it('names the original source first: the Ministry, its page and the date it published the figure', () => {
    const c = cite('vi');
    expect(c.sources).toEqual([
      {
        id: 'dti-gov-vn-xep-hang-2024',
        type: 'webpage',
        author: 'Bộ Khoa học và Công nghệ (dti.gov.vn)',
        title: 'Xếp hạng DTI 2024 (34 tỉnh, thành phố)',
        number: null,
        date: '2025-10-21',
        url: 'https://dti.gov.vn/xep-hang-2024',
      },
    ]);
    const text = formatCiteText(c, BASE);
    expect(text).toBe(
      'Bộ Khoa học và Công nghệ (dti.gov.vn). Xếp hạng DTI 2024 (34 tỉnh, thành phố), 21/10/2025, https://dti.gov.vn/xep-hang-2024. ' +
        'Số liệu: Chỉ số chuyển đổi số cấp tỉnh (DTI) — Hà Nội, 2024: 0,8241. ' +
        `Trích qua: ${model.meta.publisher}, ${model.meta.title_vi}, phiên bản ${LATEST} (2026-12-02), https://nq57.example.org/data/v/${LATEST}/observations.csv. ` +
        'Trang: https://nq57.example.org/provinces/01/',
    );
    expect(text.indexOf('dti.gov.vn')).toBeLessThan(text.indexOf(`${LATEST}`));
  });

  it('in English the page path carries /en/ and the source its English issuer', () => {
    const c = cite('en');
    expect(c.what).toBe('Provincial Digital Transformation Index (DTI) — Hà Nội, 2024: 0,8241');
    expect(c.path).toBe('/en/provinces/01/');
    expect(c.sources[0]?.author).toBe('Ministry of Science and Technology (dti.gov.vn)');
    expect(c.cell).toEqual({
      file: 'observations.csv',
      key: 'indicator_id=dti; area_level=province; area_code=01; period=2024',
      column: 'value',
      value: '0,8241',
      source: 'dti-gov-vn-xep-hang-2024',
    });
  });

  it('a legal document is cited as legislation with its number', () => {
    expect(citedSource(model, 'en', '57-NQ/TW', null)).toMatchObject({ type: 'legislation', number: '57-NQ/TW', date: '2024-12-22' });
  });

  it('a task cites the document it comes from, pinned to the release of tasks.csv', () => {
    const task = model.tasks[0]!;
    const c = taskCite(model, 'en', task, 'Past deadline', `/tasks/${task.id}/`);
    expect(c.sources[0]?.id).toBe(task.source_id);
    expect(c.what).toBe(`${task.title_en || task.title_vi} (Past deadline)`);
    expect(c.portal.pinnedPath).toBe(`/data/v/${LATEST}/tasks.csv`);
    expect(c.cell.key).toBe(`id=${task.id}`);
  });

  it('without a matching release the portal part says the data is unreleased, dated by as_of, with no pinned URL', () => {
    const c: FigureCite = { ...cite('en'), portal: { ...cite('en').portal, version: null, date: '2026-07-25', pinnedPath: null } };
    expect(formatCiteText(c, BASE)).toContain('unreleased data (as of 2026-07-25)');
    expect(formatCiteText(c, BASE)).not.toContain('/data/v/');
    expect(formatCiteCsl(c, BASE).at(-1)).toMatchObject({
      URL: 'https://nq57.example.org/en/provinces/01/',
      accessed: cslDate('2026-07-25'),
    });
  });
});

describe('BibTeX', () => {
  it('escapes every TeX special character, braces included, and keeps Vietnamese as NFC UTF-8', () => {
    expect(bibtexEscape('{a} 50% & #1 $x_y^z~ \\')).toBe('\\{a\\} 50\\% \\& \\#1 \\$x\\_y\\^{}z\\textasciitilde{} \\textbackslash{}');
    const decomposed = 'Đắk Lắk'.normalize('NFD');
    expect(bibtexEscape(decomposed)).toBe('Đắk Lắk'.normalize('NFC'));
    expect(bibtexEscape('a\nb')).toBe('a b');
  });

  it('gives balanced entries: the source first (corporate author in braces), then the portal dataset with version and pinned URL', () => {
    const bib = formatCiteBibtex(hostile, BASE);
    const entries = bib.split('\n\n');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^@legislation\{12-2025-qd-ubnd,\n/);
    expect(entries[0]).toContain('author = {{UBND tỉnh Đắk Lắk}}');
    expect(entries[0]).toContain('title = {Quyết định về \\{chuyển đổi số\\} 100\\% \\& \\$ \\#}');
    expect(entries[0]).toContain('url = {https://example.org/a%20b/%7Bx%7D?q=1%20}');
    expect(entries[0]).toContain('date = {2025-03}');
    expect(entries[1]?.startsWith(`@dataset{nq57-${LATEST}-ty-le-66-2025,\n`)).toBe(true);
    expect(entries[1]).toContain(`version = {${LATEST}}`);
    expect(entries[1]).toContain(`url = {https://nq57.example.org/data/v/${LATEST}/observations.csv}`);
    // Unescaped braces balance in every entry: no data can close a field early.
    for (const e of entries) {
      const bare = e.replace(/\\[{}]/g, '');
      let depth = 0;
      for (const ch of bare) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
});

describe('CSL-JSON', () => {
  const CSL_TYPES = new Set(['legislation', 'report', 'article-newspaper', 'webpage', 'document', 'dataset']);

  it('is an array of items with valid CSL types and fields, the source before the portal', () => {
    const items = formatCiteCsl(cite('en'), BASE);
    expect(items.map((i) => i.type)).toEqual(['webpage', 'dataset']);
    for (const item of items) {
      expect(CSL_TYPES.has(item.type)).toBe(true);
      expect(typeof item.id).toBe('string');
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.author.every((a) => typeof a.literal === 'string')).toBe(true);
    }
    expect(items[0]).toMatchObject({ issued: { 'date-parts': [[2025, 10, 21]] }, URL: 'https://dti.gov.vn/xep-hang-2024' });
    expect(items[1]).toMatchObject({
      version: `${LATEST}`,
      publisher: model.meta.publisher,
      issued: { 'date-parts': [[2026, 12, 2]] },
      URL: `https://nq57.example.org/data/v/${LATEST}/observations.csv`,
    });
  });

  it('"accessed" is the release date, never the clock', () => {
    const items = formatCiteCsl(cite('vi'), BASE);
    expect(items.at(-1)?.accessed).toEqual({ 'date-parts': [[2026, 12, 2]] });
    expect(JSON.stringify(items)).not.toContain(new Date().toISOString().slice(0, 10));
  });

  it('keeps the precision of a date: a month stays a month', () => {
    expect(cslDate('2025-03')).toEqual({ 'date-parts': [[2025, 3]] });
    expect(cslDate('2025')).toEqual({ 'date-parts': [[2025]] });
  });

  it('round-trips hostile text through JSON unchanged', () => {
    const items = formatCiteCsl(hostile, BASE);
    expect(JSON.parse(JSON.stringify(items))).toEqual(items);
    expect(items[0]?.title).toBe('Quyết định về {chuyển đổi số} 100% & $ #');
  });
});

describe('chart citation and pinned embed', () => {
  it("finds each caption source's document again by its page link, and keeps a label-only source as text", () => {
    const c = chartCite(model, 'vi', {
      key: 'ranking/dti',
      title: 'DTI — 2024',
      pageUrl: '/embed/ranking/dti/',
      sources: [
        { label: 'Bộ Chính trị — 57-NQ/TW', href: '/documents/57-nq-tw/', date: null },
        { label: 'Không rõ', href: null, date: '2025-01-02' },
      ],
    });
    expect(c.sources.map((s) => [s.id, s.type])).toEqual([
      ['57-NQ/TW', 'legislation'],
      ['Không rõ', 'document'],
    ]);
    expect(c.sources[1]).toMatchObject({ url: null, date: '2025-01-02' });
  });

  it('the pinned embed is the latest frame plus a link to the release data file', () => {
    const c = chartCite(model, 'en', { key: 'ranking/dti', title: 'DTI', pageUrl: '/en/embed/ranking/dti/', sources: [] });
    const p = pinnedEmbed(c, '<iframe src="x"></iframe>', BASE)!;
    expect(p.label).toContain(`${LATEST}`);
    expect(p.code).toBe(
      `<iframe src="x"></iframe>\n<p><a href="https://nq57.example.org/data/v/${LATEST}/observations.csv">Data: release ${LATEST}</a></p>`,
    );
    expect(pinnedEmbed({ ...c, portal: { ...c.portal, version: null, pinnedPath: null } }, '<iframe></iframe>', BASE)).toBeNull();
  });
});
