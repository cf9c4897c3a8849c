/**
 * The page "For developers and journalists" (/developers/): the JSON API and its schemas, the
 * SQLite database with example queries, and the versioned downloads. URLs and counts come from the
 * API's own index (src/lib/api) and the release records, so the page cannot list a URL the build
 * does not serve.
 */
import { buildIndex } from '../api/resources.ts';
import { formatDate, formatNumber } from '../format.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { LATEST_ZIP, zipName } from '../release/publish.ts';
import { SQLITE_NAME, SQLITE_VIEWS } from '../release/sqlite.ts';
import { TABLES } from '../../schemas/index.ts';
import { CITATION_FILES, citationPages } from './citations.ts';
import { citationsPath } from './cite.ts';
import { href, type Link } from './links.ts';

/** The views the page explains, each with its sentence in the dictionaries. */
const VIEW_TEXT = {
  latest_values: 'dev.viewLatestValues',
  task_current_report: 'dev.viewTaskCurrentReport',
  observations_with_source: 'dev.viewObservationsWithSource',
} as const;

/** Example queries: SQL is the same in both languages, the sentence before it is translated. */
const QUERIES = [
  {
    text: 'dev.queryLatestDti',
    sql: "SELECT area_code, period, value, source_id, published_on\nFROM latest_values\nWHERE indicator_id = 'dti' AND area_level = 'province'\nORDER BY value DESC;",
  },
  {
    text: 'dev.queryTaskStatus',
    sql: 'SELECT status, count(*) AS tasks\nFROM task_current_report\nGROUP BY status\nORDER BY tasks DESC;',
  },
  {
    text: 'dev.querySources',
    sql: "SELECT period, value, quote, source_title_vi, source_url\nFROM observations_with_source\nWHERE area_level = 'province' AND area_code = '01'\nORDER BY indicator_id, period;",
  },
] as const;

export interface DevelopersPage {
  lang: Lang;
  title: string;
  description: string;
  lead: string;
  apiIntro: string;
  asOfText: string;
  latestRelease: string | null;
  curl: string[];
  resources: { name: string; count: string; list: string; item: string; itemSchema: string; listSchema: string }[];
  indexUrl: string;
  indexSchema: string;
  tableSchemas: { name: string; url: string }[];
  sqlite: { latest: string; releases: { version: string; date: string; sqlite: string; zip: string; datapackage: string }[] };
  views: { name: string; text: string }[];
  openWith: { dbBrowser: string; datasette: string; python: string; datasetteCode: string; pythonCode: string };
  queries: { text: string; sql: string }[];
  downloads: { latestZip: string; latestPackage: string; intro: string };
  /** The citations pages: what they hold, and one served example (its page and its two files). */
  citations: { intro: string; page: Link; bibtex: string; csl: string } | null;
  links: { data: Link; releases: Link; about: Link };
  feed: string;
}

export function developersPage(model: Model, lang: Lang, origin: string): DevelopersPage {
  const index = buildIndex(model);
  const abs = (path: string) => `${origin}${path}`;
  const example = index.resources.find((r) => r.name === 'provinces');
  return {
    lang,
    title: t(lang, 'dev.title'),
    description: t(lang, 'dev.description'),
    lead: t(lang, 'dev.lead'),
    asOfText: formatDate(model.asOf, lang),
    apiIntro: t(lang, 'dev.apiIntro', { asOf: formatDate(model.asOf, lang) }),
    latestRelease: index.latest_release,
    curl: [
      `curl -s ${abs(index.self)}`,
      `curl -s ${abs(example ? example.list : index.self)}`,
      `curl -s ${abs('/api/v1/provinces/01.json')} | jq '.observations[] | {indicator_id, period, value, source_id, quote}'`,
      `curl -sO ${abs(`/data/latest/${SQLITE_NAME}`)}`,
    ],
    resources: index.resources.map((r) => ({
      name: r.name,
      count: formatNumber(r.count, lang, 0),
      list: r.list,
      item: r.item,
      itemSchema: r.item_schema,
      listSchema: r.list_schema,
    })),
    indexUrl: index.self,
    indexSchema: index.schemas.index,
    tableSchemas: TABLES.map((def) => ({ name: def.name, url: `/data/schemas/${def.name}.schema.json` })),
    sqlite: {
      latest: `/data/latest/${SQLITE_NAME}`,
      releases: [...index.releases].reverse().map((r) => ({
        version: r.version,
        date: formatDate(r.released_on, lang),
        sqlite: r.sqlite,
        zip: `/data/v/${r.version}/${zipName(r.version)}`,
        datapackage: r.datapackage,
      })),
    },
    views: SQLITE_VIEWS.map((v) => ({ name: v.name, text: t(lang, VIEW_TEXT[v.name as keyof typeof VIEW_TEXT]) })),
    openWith: {
      dbBrowser: t(lang, 'dev.openDbBrowser'),
      datasette: t(lang, 'dev.openDatasette'),
      python: t(lang, 'dev.openPython'),
      datasetteCode: `datasette ${SQLITE_NAME}`,
      pythonCode: `import sqlite3\ndb = sqlite3.connect('${SQLITE_NAME}')\nfor row in db.execute("SELECT * FROM latest_values WHERE indicator_id = 'dti' LIMIT 5"):\n    print(row)`,
    },
    queries: QUERIES.map((q) => ({ text: t(lang, q.text), sql: q.sql })),
    downloads: {
      latestZip: `/data/latest/${LATEST_ZIP}`,
      latestPackage: '/data/latest/datapackage.json',
      intro: t(lang, 'dev.downloadsIntro', { versioned: '/data/v/{version}/', latest: '/data/latest/' }),
    },
    citations: citationsExample(model, lang),
    links: {
      data: { text: t(lang, 'navData'), href: href(lang, '/data/') },
      releases: { text: t(lang, 'releases'), href: href(lang, '/data/releases/') },
      about: { text: t(lang, 'about'), href: href(lang, '/about/') },
    },
    feed: '/data/releases.atom',
  };
}

/** The first page that has a citations page (a province), as the example of the files every such page offers. */
function citationsExample(model: Model, lang: Lang): DevelopersPage['citations'] {
  const first = citationPages(model)[0];
  if (!first) return null;
  const path = citationsPath(`/${first.section}/${first.id}/`);
  return {
    intro: t(lang, 'dev.citationsIntro', { bibtex: CITATION_FILES.bibtex, csl: CITATION_FILES.csl }),
    page: { text: href(lang, path), href: href(lang, path) },
    bibtex: href(lang, `${path}${CITATION_FILES.bibtex}`),
    csl: href(lang, `${path}${CITATION_FILES.csl}`),
  };
}
