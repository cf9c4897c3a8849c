/**
 * The keys of Astro's incremental build (src/lib/view/page-keys.ts): a page whose key is unchanged is
 * copied from the previous build, so whatever the page shows must be in its key. Checked over SYNTHETIC
 * observations added to the valid fixture: every change that changes a commune's page or citations
 * files, or an indicator's page, citations, feed or chart embeds, changes its key, and a change elsewhere
 * leaves it alone (its page is then copied, not rendered).
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allChartKeys, chartSpec } from '../../../src/lib/charts/specs.ts';
import { viewChart } from '../../../src/lib/charts/view.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { indicatorFeed } from '../../../src/lib/feeds/build.ts';
import { buildAtomFeed } from '../../../src/lib/release/metadata.ts';
import { buildModel, type Model } from '../../../src/lib/model/index.ts';
import { citationFile, citationsPage } from '../../../src/lib/view/citations.ts';
import { chartCite } from '../../../src/lib/view/cite.ts';
import { communePage } from '../../../src/lib/view/commune.ts';
import { indicatorPage } from '../../../src/lib/view/indicator.ts';
import { chartKey, communeKey, dataKey, indicatorFeedKey, indicatorKey } from '../../../src/lib/view/page-keys.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';
import { communeFigure } from './synthetic.ts';

const fixture = join(import.meta.dirname, '../../fixtures/valid');
const data = validateDataset(fixture);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// SYNTHETIC figures of ward 00004 (and of 26116, another commune).
const obs = communeFigure;

const base = [
  obs('00004', 'dti', '2023', 0.4),
  obs('00004', 'dti', '2024', 0.5),
  obs('00004', 'online-share', '2024', 61.2),
  obs('26116', 'dti', '2024', 0.3),
];

const modelOf = (observations: ObservationRow[], dir = fixture): Model =>
  buildModel({ ...data.tables, observations: [...data.tables.observations, ...observations] }, data.meta!, dir);

/** All a commune shows: its page and its two citations files, in both languages. */
const shown = (model: Model, code: string) =>
  JSON.stringify(
    (['vi', 'en'] as const).flatMap((lang) => [
      communePage(model, code, lang),
      citationFile(model, 'communes', code, lang, 'https://nq57.example.org/', 'bibtex'),
      citationFile(model, 'communes', code, lang, 'https://nq57.example.org/', 'csl'),
    ]),
  );

describe('communeKey', () => {
  const before = modelOf(base);
  const replace = (i: number, row: ObservationRow) => base.map((o, j) => (j === i ? row : o));
  const changes: [string, ObservationRow[]][] = [
    ['the latest value', replace(1, obs('00004', 'dti', '2024', 0.55))],
    ['the latest value’s source', replace(1, obs('00004', 'dti', '2024', 0.5, { source_id: 'https://example.org/synthetic' }))],
    ['the latest value’s publication date', replace(1, obs('00004', 'dti', '2024', 0.5, { published_on: '2025-11-01' }))],
    ['a newer gap', [...base, obs('00004', 'dti', '2025', null)]],
    ['a newer value', [...base, obs('00004', 'dti', '2025', 0.6)]],
    ['an older period', [...base, obs('00004', 'dti', '2022', 0.3)]],
    ['a figure of another indicator', [...base, obs('00004', 'dti-rank', '2024', 12)]],
    ['a figure removed', base.filter((_, i) => i !== 2)],
  ];

  for (const [what, observations] of changes)
    it(`changes with ${what}, as the page does`, () => {
      const after = modelOf(observations);
      expect(shown(after, '00004')).not.toBe(shown(before, '00004'));
      expect(communeKey(after, '00004')).not.toBe(communeKey(before, '00004'));
    });

  it('stays when what the page shows stays: an older value changed, another commune changed', () => {
    const after = modelOf([...replace(0, obs('00004', 'dti', '2023', 0.45)).slice(0, 3), obs('26116', 'dti', '2024', 0.35)]);
    expect(shown(after, '00004')).toBe(shown(before, '00004'));
    expect(communeKey(after, '00004')).toBe(communeKey(before, '00004'));
    expect(communeKey(after, '26116')).not.toBe(communeKey(before, '26116'));
  });
});

const SITE = 'https://nq57.example.org/';
const LANGS = ['vi', 'en'] as const;

/** An embed page's chart: its spec, drawn, and its citation (Chart.astro). */
const embedShown = (model: Model, key: string) =>
  LANGS.map((lang) => {
    const spec = chartSpec(model, lang, key);
    const view = viewChart(spec);
    return [spec, view, chartCite(model, lang, { key: spec.key, title: view.title, pageUrl: spec.pageUrl, sources: view.sources })];
  });

/** Every keyed page of the indicators, by name: its key and all it shows, in both languages. */
function indicatorPages(model: Model): Map<string, { key: string; shown: string }> {
  const pages = new Map<string, { key: string; shown: string }>();
  for (const { id } of model.tables.indicators) {
    const page = LANGS.flatMap((lang) => [
      indicatorPage(model, id, lang),
      citationsPage(model, 'indicators', id, lang, SITE),
      citationFile(model, 'indicators', id, lang, SITE, 'bibtex'),
      citationFile(model, 'indicators', id, lang, SITE, 'csl'),
    ]);
    pages.set(`indicator ${id}`, { key: indicatorKey(model, id), shown: JSON.stringify(page) });
    const feed = LANGS.map((lang) => buildAtomFeed(indicatorFeed({ model, history: [], corrections: [], base: SITE, lang }, id)));
    pages.set(`feed ${id}`, { key: indicatorFeedKey(model, id), shown: JSON.stringify(feed) });
  }
  for (const key of allChartKeys(model)) {
    const cacheKey = chartKey(model, key);
    if (cacheKey !== undefined) pages.set(`embed ${key}`, { key: cacheKey, shown: JSON.stringify(embedShown(model, key)) });
  }
  return pages;
}

// SYNTHETIC province figures, in the models only.
const province = (code: string, indicator: string, period: string, value: number | null, more: Partial<ObservationRow> = {}) =>
  obs(code, indicator, period, value, { area_level: 'province', ...more });
/** The fixture's figures, with ten more SYNTHETIC provinces for DTI 2024 so that DTI is charted (chartableIndicators). */
const fixtureRows = data.tables.observations;
const charted = Array.from({ length: 10 }, (_, i) => province(String(10 + i), 'dti', '2024', i === 0 ? 0 : 0.5 + i / 100));
const indicatorBase = [...fixtureRows, ...charted];
const HEADER = 'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note,as_of,rank_of,quote';
/** A row as a CSV record, as a data file writes it (-0 as -0; a cell with a comma or a quote quoted). */
const record = (o: ObservationRow) =>
  HEADER.split(',')
    .map((c) => {
      const v = (o as unknown as Record<string, string | number | null | undefined>)[c] ?? null;
      if (v === null) return '';
      if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');

/**
 * The model of the fixture (with the real data's boundaries, which the map charts draw) whose
 * observations.csv holds these rows: the indicators' keys are of the file's bytes, the pages of the
 * rows the model reads from it.
 */
function indicatorModel(observations: ObservationRow[]): Model {
  const dir = mkdtempSync(join(tmpdir(), 'nq57-page-keys-'));
  made.push(dir);
  cpSync(fixture, dir, { recursive: true });
  cpSync(join(import.meta.dirname, '../../../data/boundaries'), join(dir, 'boundaries'), { recursive: true });
  writeFileSync(join(dir, 'observations.csv'), `${[HEADER, ...observations.map(record)].join('\n')}\n`);
  // The SYNTHETIC provinces are not in provinces.csv: the rows are read, the relations fail (the build would stop, not the key).
  const read = validateDataset(dir);
  expect(read.tables.observations).toHaveLength(observations.length);
  return buildModel(read.tables, read.meta!, dir);
}

describe('indicatorKey, indicatorFeedKey, chartKey', () => {
  const before = indicatorPages(indicatorModel(indicatorBase));
  // Without the ten provinces, DTI's ranking is not complete (Cà Mau has a gap): it shows the ranks dti-rank publishes.
  const published = indicatorPages(indicatorModel(fixtureRows));
  const at = (predicate: (o: ObservationRow) => boolean) => indicatorBase.findIndex(predicate);
  const replace = (i: number, more: Partial<ObservationRow>) => indicatorBase.map((o, j) => (j === i ? { ...o, ...more } : o));
  const national = at((o) => o.indicator_id === 'dti' && o.area_level === 'national');
  const hanoi = at((o) => o.indicator_id === 'dti' && o.area_code === '01');
  const former = at((o) => o.indicator_id === 'dti' && o.area_level === 'former_province');
  const rank = fixtureRows.findIndex((o) => o.indicator_id === 'dti-rank');
  const zero = at((o) => o.indicator_id === 'dti' && o.value === 0);
  const online = at((o) => o.indicator_id === 'online-share');
  const changes: [string, ObservationRow[]][] = [
    ['a national value', replace(national, { value: 0.7 })],
    ['a province value (the ranking)', replace(hanoi, { value: 0.83 })],
    ['a province value’s source', replace(hanoi, { source_id: 'https://example.org/synthetic' })],
    ['a province value’s publication date', replace(hanoi, { published_on: '2025-11-01' })],
    ['a former province’s value', replace(former, { value: 0.61 })],
    ['a value that becomes a gap', replace(hanoi, { value: null })],
    ['0 written -0', replace(zero, { value: -0 })],
    ['a figure of a newer period', [...indicatorBase, province('01', 'dti', '2025', 0.9)]],
    ['a figure removed', indicatorBase.filter((_, i) => i !== hanoi)],
    ['a figure of another indicator', replace(online, { value: 51 })],
    ['a commune’s figure', [...indicatorBase, obs('00004', 'dti', '2024', 0.5)]],
    [
      'another indicator charted (every area chart offers it)',
      [...indicatorBase, ...charted.map((o) => ({ ...o, indicator_id: 'online-share', period: '2024-Q4' }))],
    ],
  ];

  const rankChanged = fixtureRows.map((o, j) => (j === rank ? { ...o, value: 2 } : o));
  for (const [what, observations, base = before] of [
    ...changes,
    ['a published rank (the rank indicator’s row, on DTI’s page)', rankChanged, published] as const,
  ])
    it(`changes the key of every page whose output changes with ${what}`, () => {
      const after = indicatorPages(indicatorModel(observations));
      const changed = [...base].filter(([name, page]) => after.has(name) && after.get(name)!.shown !== page.shown).map(([name]) => name);
      // The change is one that a page shows, and no page that shows it keeps its key (it would be copied, stale).
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((name) => after.get(name)!.key === base.get(name)!.key)).toEqual([]);
    });

  it('leaves the keys of the other indicators’ pages: a figure of online-share changed', () => {
    const after = indicatorPages(indicatorModel(replace(online, { value: 51 })));
    const kept = [...before].filter(([name]) => !name.includes('online-share'));
    expect(kept.length).toBeGreaterThan(4);
    for (const [name, page] of kept) {
      expect(after.get(name)!.shown).toBe(page.shown);
      expect(after.get(name)!.key, name).toBe(page.key);
    }
  });

  it('leaves the keys of an indicator’s page, citations and charts when a commune’s figure changes (its feed lists it)', () => {
    const after = indicatorPages(indicatorModel([...indicatorBase, obs('00004', 'dti', '2024', 0.5)]));
    const changed = [...before].filter(([name, page]) => after.get(name)!.key !== page.key).map(([name]) => name);
    expect(changed).toEqual(['feed dti']);
  });

  it('covers the pages of each kind: indicators, feeds, area charts and histories', () => {
    const names = [...before.keys()];
    for (const kind of ['indicator dti', 'feed dti', 'embed ranking/dti', 'embed tilegrid/dti', 'embed map/dti', 'embed history/dti/VN'])
      expect(names).toContain(kind);
  });
});

describe('dataKey', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq57-page-keys-'));
    made.push(dir);
    cpSync(fixture, dir, { recursive: true });
    return dir;
  };
  const keyOf = (dir: string) => dataKey(modelOf([], dir));
  const reference = keyOf(copy());

  it('is the same for another copy of the same folder, and leaves the observations out', () => {
    const dir = copy();
    expect(keyOf(dir)).toBe(reference);
    appendFileSync(join(dir, 'observations.csv'), 'dti,province,79,2024,0.7,fixture-article,2025-10-21,as_published,SYNTHETIC,,,\n');
    expect(keyOf(dir)).toBe(reference);
  });

  it('changes with any other file: a table, the dataset description, a file added', () => {
    for (const change of [
      (dir: string) => appendFileSync(join(dir, 'tasks.csv'), '\n'),
      (dir: string) => appendFileSync(join(dir, 'dataset.json'), ' '),
      (dir: string) => writeFileSync(join(dir, 'README.md'), 'SYNTHETIC'),
    ]) {
      const dir = copy();
      change(dir);
      expect(keyOf(dir)).not.toBe(reference);
    }
  });
});

describe('the keys and the release of the observations', () => {
  it('changes when the working observations file is no longer the latest release’s copy (the citations name it)', () => {
    const real = join(import.meta.dirname, '../../../data');
    const [published, changed] = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'nq57-page-keys-'));
      made.push(dir);
      cpSync(real, dir, { recursive: true });
      return dir;
    });
    // The same rows, the last one's line break left out: its figures are no longer those of a release.
    const file = join(changed!, 'observations.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n$/, ''));
    // SYNTHETIC: a figure of ward 00004, in the models only.
    const figure = obs('00004', 'dti', '2024', 0.5, { source_id: 'dti-gov-vn-xep-hang-2024' });
    const model = (dir: string) => {
      const d = validateDataset(dir);
      return buildModel({ ...d.tables, observations: [...d.tables.observations, figure] }, d.meta!, dir);
    };
    const [before, after] = [model(published!), model(changed!)];
    expect(shown(after, '00004')).not.toBe(shown(before, '00004'));
    expect(communeKey(after, '00004')).not.toBe(communeKey(before, '00004'));
    // An indicator's figures and its charts cite the same release (its feed names none).
    const [pagesBefore, pagesAfter] = [indicatorPages(before), indicatorPages(after)];
    const differ = [...pagesBefore].filter(([name, page]) => pagesAfter.get(name)?.shown !== page.shown).map(([name]) => name);
    expect(differ.some((name) => name.startsWith('indicator '))).toBe(true);
    expect(differ.some((name) => name.startsWith('embed '))).toBe(true);
    expect(differ.filter((name) => pagesAfter.get(name)!.key === pagesBefore.get(name)!.key)).toEqual([]);
  });
});
