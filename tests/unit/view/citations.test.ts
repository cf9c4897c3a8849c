/** The citations page of a page with figures ({page}cite/): its entries, their anchors and the two files. */
import { describe, expect, it } from 'vitest';
import {
  citationsPath,
  formatCitationsBibtex,
  formatCitationsCsl,
  observationKey,
  type CslItem,
  type FigureCite,
} from '../../../src/lib/view/cite.ts';
import { citationFile, citationPages, citationPaths, citationsPage, figuresOf } from '../../../src/lib/view/citations.ts';
import { communePage } from '../../../src/lib/view/commune.ts';
import { provincePage } from '../../../src/lib/view/province.ts';
import { targetPage, targetsWithProgress } from '../../../src/lib/view/targets.ts';
import { buildModel } from '../../../src/lib/model/index.ts';
import { realModel } from './real-model.ts';

const model = realModel();
const BASE = 'https://nq57.example.org';

/** The entries of a BibTeX file: type, key and body, split on the "@type{key," lines. */
function bibEntries(bib: string): { type: string; key: string; body: string }[] {
  return [...bib.matchAll(/^@(\w+)\{([^,\n]+),\n([\s\S]*?)\n\}$/gm)].map((m) => ({ type: m[1]!, key: m[2]!, body: m[3]! }));
}

/** Unescaped braces balance: no value can close a field early. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text.replace(/\\[{}]/g, '')) {
    depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('citations page of a province', () => {
  const v = citationsPage(model, 'provinces', '79', 'vi', BASE);
  const page = provincePage(model, '79', 'vi');
  const rows = [...page.dti.rows, ...page.other.rows, ...(page.formerValues?.rows ?? [])];

  it('has one entry per figure of the page, in page order, each under the anchor its row links to', () => {
    expect(v.entries.map((e) => e.anchor)).toEqual(rows.map((r) => r.cite.key));
    expect(v.path).toBe('/provinces/79/cite/');
    for (const r of rows) expect(r.cite.entry).toBe(`/provinces/79/cite/#${r.cite.key}`);
    expect(new Set(v.entries.map((e) => e.anchor)).size).toBe(v.entries.length);
  });

  it("takes each anchor from the row's primary key, so a rebuild gives the same anchors", () => {
    const obs = [...model.tables.observations].find(
      (o) => o.indicator_id === 'dti' && o.area_level === 'province' && o.area_code === '79',
    )!;
    expect(observationKey(obs)).toBe(`dti-province-79-${obs.period}`);
    expect(citationsPage(model, 'provinces', '79', 'vi', BASE).entries.map((e) => e.anchor)).toEqual(v.entries.map((e) => e.anchor));
  });

  it('gives each entry its text, BibTeX, parseable CSL-JSON and report links for the same figure', () => {
    const e = v.entries[0]!;
    expect(e.text).toContain(e.what);
    const bib = bibEntries(e.bibtex);
    expect(bib.at(-1)).toMatchObject({ type: 'dataset' });
    expect(bib.at(-1)!.key.endsWith(`-${e.anchor}`)).toBe(true);
    const csl = JSON.parse(e.csl) as CslItem[];
    expect(csl.map((i) => i.id)).toEqual(bib.map((b) => b.key));
    expect(csl.at(-1)!.note).toContain(e.what);
    expect(e.report?.github ?? e.report?.mailto).toBeTruthy();
  });

  it('links the two files next to it, in the page language', () => {
    expect(v.files.bibtex.href).toBe('/provinces/79/cite/figures.bib');
    expect(citationsPage(model, 'provinces', '79', 'en', BASE).files.csl.href).toBe('/en/provinces/79/cite/figures.csl.json');
  });
});

describe('the files of a citations page', () => {
  const v = {
    ...citationsPage(model, 'provinces', '96', 'vi', BASE),
    bibtex: citationFile(model, 'provinces', '96', 'vi', BASE, 'bibtex'),
    csl: citationFile(model, 'provinces', '96', 'vi', BASE, 'csl'),
  };

  it('BibTeX: every source once, one dataset entry per figure, unique keys, balanced braces, Vietnamese kept as NFC', () => {
    const entries = bibEntries(v.bibtex);
    const keys = entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(entries.filter((e) => e.type === 'dataset')).toHaveLength(v.entries.length);
    for (const e of entries) expect(balanced(e.body), e.key).toBe(true);
    expect(v.bibtex).toContain('Cà Mau');
    expect(v.bibtex.normalize('NFC')).toBe(v.bibtex);
    // Every key is ASCII: BibTeX and biber read it on any setup.
    for (const k of keys) expect(k).toMatch(/^[a-z0-9.-]+$/);
  });

  it('CSL-JSON: parses as an array of items with unique ids, the same ids as the BibTeX keys', () => {
    const items = JSON.parse(v.csl) as CslItem[];
    expect(Array.isArray(items)).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.map((i) => i.id)).toEqual(bibEntries(v.bibtex).map((e) => e.key));
    for (const i of items) expect(i.title.length, i.id).toBeGreaterThan(0);
  });
});

/** SYNTHETIC: two figures citing one press page read on two dates, with text BibTeX treats specially. */
const figure = (key: string, date: string): FigureCite => ({
  lang: 'vi',
  key,
  entry: `/provinces/66/cite/#${key}`,
  what: `Tỷ lệ {50%} & #1 — “Đắk Lắk”_a^b~c\\d (${key})`,
  sources: [
    {
      id: 'https://example.org/bai-bao',
      type: 'webpage',
      author: 'Báo Đắk Lắk',
      title: 'Chuyển đổi số 100% & $',
      number: null,
      date,
      url: 'https://example.org/bai-bao',
    },
  ],
  portal: {
    title: 'Dữ liệu',
    publisher: 'Cổng',
    version: '9.9.9',
    date: '2026-12-02',
    pinnedPath: '/data/v/9.9.9/observations.csv',
    licence: 'CC-BY-4.0',
  },
  path: '/provinces/66/',
  cell: { file: 'observations.csv', key, column: 'value', value: '50', source: 'https://example.org/bai-bao' },
});

describe('a set of citations', () => {
  const cites = [figure('a-2024', '2025-01-02'), figure('a-2025', '2025-06-30'), figure('b-2025', '2025-01-02')];

  it('keeps one entry per source and date: the same page read on another date gets the date in its key', () => {
    const entries = bibEntries(formatCitationsBibtex(cites, BASE));
    expect(entries.map((e) => [e.type, e.key])).toEqual([
      ['online', 'https-example-org-bai-bao'],
      ['dataset', 'nq57-9.9.9-a-2024'],
      ['online', 'https-example-org-bai-bao-2025-06-30'],
      ['dataset', 'nq57-9.9.9-a-2025'],
      ['dataset', 'nq57-9.9.9-b-2025'],
    ]);
    expect(formatCitationsCsl(cites, BASE).map((i) => i.id)).toEqual(entries.map((e) => e.key));
  });

  it('escapes TeX specials and keeps Vietnamese text in every entry', () => {
    const bib = formatCitationsBibtex(cites, BASE);
    expect(bib).toContain('title = {Chuyển đổi số 100\\% \\& \\$}');
    expect(bib).toContain('note = {Tỷ lệ \\{50\\%\\} \\& \\#1 — “Đắk Lắk”\\_a\\^{}b\\textasciitilde{}c\\textbackslash{}d (a-2024).');
    for (const e of bibEntries(bib)) expect(balanced(e.body), e.key).toBe(true);
    const csl = formatCitationsCsl(cites, BASE);
    expect(JSON.parse(JSON.stringify(csl))).toEqual(csl);
    expect(csl[1]!.note).toContain('“Đắk Lắk”_a^b~c\\d');
  });

  it('refuses two different entries under one key (two ids that slug alike)', () => {
    const other = figure('c-2025', '2025-01-02');
    const clash: FigureCite = { ...other, sources: [{ ...other.sources[0]!, id: 'https://example.org/bai_bao', title: 'Khác' }] };
    expect(() => formatCitationsBibtex([cites[0]!, clash], BASE)).toThrow(/Two different citations have the key https-example-org-bai-bao/);
  });
});

describe('which pages have a citations page', () => {
  const pages = citationPages(model);

  it('every province, indicator and target with progress, and the former provinces and communes that have figures', () => {
    const count = (section: string) => pages.filter((p) => p.section === section).length;
    expect(count('provinces')).toBe(model.provinces.length);
    expect(count('indicators')).toBe(model.tables.indicators.length);
    expect(count('targets')).toBe(targetsWithProgress(model).length);
    const withFigures = new Set([...model.tables.observations].filter((o) => o.area_level === 'commune').map((o) => o.area_code));
    expect(count('communes')).toBe(withFigures.size);
  });

  it("a target's page rows and a commune's (the latest value per indicator only) link to their entries", () => {
    const target = targetsWithProgress(model)[0]!;
    const rows = targetPage(model, target.id, 'en').rows;
    expect(figuresOf(model, 'targets', target.id, 'en').cites.map((c) => c.key)).toEqual(rows.map((r) => r.cite.key));
    expect(rows[0]!.cite.entry).toBe(`/en${citationsPath(`/targets/${target.id}/`)}#${rows[0]!.cite.key}`);
    const code = model.tables.communes[0]!.code;
    const commune = communePage(model, code, 'vi');
    expect(figuresOf(model, 'communes', code, 'vi').cites).toHaveLength(commune.figures?.rows.length ?? 0);
    expect(commune.figures?.rows.length ?? 0).toBeLessThanOrEqual(model.tables.indicators.length);
  });
});

describe('a commune with many periods', () => {
  it('cites only the latest value per indicator, as its page shows', () => {
    const base = realModel();
    const code = base.tables.communes[0]!.code;
    const like = [...base.tables.observations].find((o) => o.area_level === 'province' && o.value !== null)!;
    // SYNTHETIC: ten periods of one indicator for one commune.
    const series = Array.from({ length: 10 }, (_, i) => ({
      ...like,
      area_level: 'commune' as const,
      area_code: code,
      period: String(2015 + i),
      as_of: null,
    }));
    const model = buildModel({ ...base.tables, observations: [...base.tables.observations, ...series] }, base.meta, base.dataDir);
    expect(citationPages(model).filter((p) => p.section === 'communes')).toEqual([{ section: 'communes', id: code }]);
    // A commune has the two files and no citations page (CITATION_FILES_ONLY): the files hold its one figure.
    const files = citationPaths(model, 'files').filter((p) => p.params.section === 'communes');
    expect(files.map((p) => [p.params.locale, p.params.id])).toEqual([
      [undefined, code],
      ['en', code],
    ]);
    expect(citationPaths(model, 'page').some((p) => p.params.section === 'communes')).toBe(false);
    expect(citationPaths(model, 'page').some((p) => p.params.section === 'provinces')).toBe(true);
    const key = observationKey(series.at(-1)!);
    expect(figuresOf(model, 'communes', code, 'en').cites.map((c) => c.key)).toEqual([key]);
    // The files cite exactly what the page's rows cite (one function builds both: communeFigures).
    expect(figuresOf(model, 'communes', code, 'en').cites).toEqual((communePage(model, code, 'en').figures?.rows ?? []).map((r) => r.cite));
    const bib = bibEntries(citationFile(model, 'communes', code, 'en', BASE, 'bibtex'));
    expect(bib.filter((e) => e.key.endsWith(key))).toHaveLength(1);
    const csl = JSON.parse(citationFile(model, 'communes', code, 'en', BASE, 'csl')) as CslItem[];
    expect(csl.some((i) => i.id.endsWith(key))).toBe(true);
    // Its rows link to no entry of a page that does not exist; the page links the two files once, under its table.
    const figures = communePage(model, code, 'en').figures!;
    expect(figures.rows.map((r) => r.cite.entry)).toEqual([null]);
    expect([figures.files.bibtex.href, figures.files.csl.href]).toEqual([
      `/en/communes/${code}/cite/figures.bib`,
      `/en/communes/${code}/cite/figures.csl.json`,
    ]);
  });
});
