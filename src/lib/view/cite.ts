/**
 * "Cite this" for one figure or task: the original source first (the document or press page, with
 * its date), then the portal with the data release the figure is in and a URL pinned to that
 * release. One model, three formats: plain text, BibTeX and CSL-JSON. The formatters are pure and
 * take the site's origin as a parameter; `figureCite`/`taskCite` build the model from the data.
 *
 * Pinned URLs: the download /data/v/{version}/{file} never changes (docs/releases.md). Pages are
 * not versioned: the page URL is given as where the figure is shown today, not as a pinned copy.
 * No date comes from the clock: "accessed" is the release date (or the dataset's as-of date).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRelease, readReleaseIndex, sha256 } from '../data/read-releases.ts';
import { formatDate, formatPeriodOf } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import { resolveSource, type Model } from '../model/index.ts';
import { isSafeUrl } from '../../schemas/cells.ts';
import type { DatasetMeta, DocumentRow, ObservationRow } from '../../schemas/index.ts';
import { slugify, slugOf } from '../text.ts';
import { documentPath, href } from './links.ts';

/** CSL 1.0.2 item types used here (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types). */
export type CslType = 'legislation' | 'report' | 'article-newspaper' | 'webpage' | 'document' | 'dataset';

export interface CitedSource {
  /** Document id of documents.csv, or the URL. */
  id: string;
  type: CslType;
  /** Issuing body or publisher (an organisation, never split into given/family names). */
  author: string;
  title: string;
  /** The document number (legal documents), or null. */
  number: string | null;
  /** "YYYY-MM-DD" or null when the source gives no date. */
  date: string | null;
  /** Where the source can be read (absolute), or null. */
  url: string | null;
}

export interface PortalRef {
  title: string;
  publisher: string;
  /** The release whose file holds the figure byte for byte, or null when the figure is not released yet. */
  version: string | null;
  /** The release date, or the dataset's as-of date before a release: also the "accessed" date. */
  date: string;
  /** Path under the site of the pinned download (`/data/v/1.1.0/observations.csv`), or null. */
  pinnedPath: string | null;
  licence: string;
}

/** What a correction needs to find the cell: the fields of .github/ISSUE_TEMPLATE/data-correction.yml. */
export interface CellRef {
  file: string;
  /** The row's primary key, `column=value` pairs joined by "; ". */
  key: string;
  column: string;
  /** The value as the page shows it. */
  value: string;
  /** The source id the data gives. */
  source: string;
}

export interface FigureCite {
  lang: Lang;
  /**
   * The figure's identifier, from its data only (so the same across rebuilds): the slug of its row's
   * primary key ("dti-province-01-2024"), `task-{id}` for a task, the chart's key for a chart. The
   * anchor of its entry on the citations page and the end of its BibTeX/CSL-JSON key.
   */
  key: string;
  /** Its entry on the page's citations page (`{page}cite/#{key}`: BibTeX and CSL-JSON), or null when the page carries the formats itself. */
  entry: string | null;
  /** A short name of what is cited ("DTI — Hà Nội, 2024: 0,62"). */
  what: string;
  /** Original sources, first in every format. */
  sources: CitedSource[];
  portal: PortalRef;
  /** The page path (with its language prefix) where the figure is shown. */
  path: string;
  cell: CellRef;
}

const CSL_TYPE: Partial<Record<DocumentRow['kind'], CslType>> = {
  bai_bao: 'article-newspaper',
  trang_web: 'webpage',
  bao_cao: 'report',
};
const LEGAL = new Set([
  'nghi_quyet',
  'ke_hoach',
  'chuong_trinh',
  'nghi_dinh',
  'quyet_dinh',
  'chi_thi',
  'cong_van',
  'thong_bao',
  'ket_luan',
  'de_an',
]);

/** What citedSource says of a source in a language, apart from the figure's date: `issued` stands in for a missing one. */
type SourceBase = Omit<CitedSource, 'date'> & { issued: string | null };
const citedSources = new WeakMap<object, Record<Lang, Map<string, SourceBase>>>();

/** A source as cited: a document of documents.csv, or an external URL named by its host. `date` is the figure's date when known. */
export function citedSource(model: Pick<Model, 'document'>, lang: Lang, sourceId: string, date: string | null): CitedSource {
  // Remembered per documents map, language and source: a page cites a few sources many times.
  let byLang = citedSources.get(model.document);
  if (!byLang) citedSources.set(model.document, (byLang = { vi: new Map(), en: new Map() }));
  let s = byLang[lang].get(sourceId);
  if (!s) byLang[lang].set(sourceId, (s = citedSourceBase(model, lang, sourceId)));
  return { id: s.id, type: s.type, author: s.author, title: s.title, number: s.number, date: date ?? s.issued, url: s.url };
}

function citedSourceBase(model: Pick<Model, 'document'>, lang: Lang, sourceId: string): SourceBase {
  const resolved = resolveSource(model, sourceId);
  if ('document' in resolved) {
    const d = resolved.document;
    const legal = LEGAL.has(d.kind);
    return {
      id: d.id,
      type: CSL_TYPE[d.kind] ?? (legal ? 'legislation' : 'document'),
      author: textIn(lang, d, 'issuer'),
      title: textIn(lang, d, 'title'),
      number: legal || d.kind === 'bao_cao' ? d.id : null,
      issued: d.issued_on,
      url: d.url && isSafeUrl(d.url) ? d.url : null,
    };
  }
  const safe = isSafeUrl(resolved.url);
  const host = safe ? new URL(resolved.url).hostname : resolved.url;
  return { id: sourceId, type: 'webpage', author: host, title: host, number: null, issued: null, url: safe ? resolved.url : null };
}

const pinned = new Map<string, { version: string; released_on: string } | null>();

/**
 * The latest release whose copy of `file` is byte for byte the working file the pages are built
 * from, or null (the figure is newer than every release). Read once per data directory and file.
 */
export function releaseOfFile(dataDir: string, file: string): { version: string; released_on: string } | null {
  const k = `${dataDir}\0${file}`;
  if (!pinned.has(k)) {
    const latest = readReleaseIndex(dataDir).releases.at(-1);
    let found: { version: string; released_on: string } | null = null;
    if (latest) {
      const recorded = readRelease(dataDir, latest.version).files.find((f) => f.path === file);
      const hash = sha256(new Uint8Array(readFileSync(join(dataDir, file))));
      if (recorded?.sha256 === hash) found = { version: latest.version, released_on: latest.released_on };
    }
    pinned.set(k, found);
  }
  return pinned.get(k) ?? null;
}

export function portalRef(
  meta: DatasetMeta,
  lang: Lang,
  release: { version: string; released_on: string } | null,
  file: string,
): PortalRef {
  return {
    title: textIn(lang, meta, 'title'),
    publisher: meta.publisher,
    version: release?.version ?? null,
    date: release?.released_on ?? meta.as_of,
    pinnedPath: release ? `/data/v/${release.version}/${file}` : null,
    licence: meta.licence,
  };
}

const portals = new WeakMap<object, Map<string, PortalRef>>();

/** The portal reference of figures of `file` (portalRef of the file's release): one object per dataset, language and file, shared by its citations. */
function portalOf(model: Pick<Model, 'meta' | 'dataDir'>, lang: Lang, file: string): PortalRef {
  let byKey = portals.get(model.meta);
  if (!byKey) portals.set(model.meta, (byKey = new Map()));
  const k = `${lang}\0${model.dataDir}\0${file}`;
  let portal = byKey.get(k);
  if (!portal) byKey.set(k, (portal = portalRef(model.meta, lang, releaseOfFile(model.dataDir, file), file)));
  return portal;
}

type CiteModel = Pick<Model, 'document' | 'meta' | 'dataDir' | 'indicator' | 'province' | 'formerProvince' | 'commune'>;

/** "DTI — Hà Nội, 2024: 0,8241": the indicator, the area, the period (and snapshot date) and the value as shown. */
export function observationWhat(model: CiteModel, lang: Lang, obs: ObservationRow, shown: string): string {
  const ind = model.indicator.get(obs.indicator_id);
  const area =
    obs.area_level === 'national'
      ? t(lang, 'national')
      : ((obs.area_level === 'province'
          ? model.province.get(obs.area_code)
          : obs.area_level === 'former_province'
            ? model.formerProvince.get(obs.area_code)
            : model.commune.get(obs.area_code)
        )?.name_vi ?? obs.area_code);
  const period = `${formatPeriodOf(obs.period, lang)}${obs.as_of ? ` (${obs.as_of})` : ''}`;
  return `${ind ? textIn(lang, ind, 'name') : obs.indicator_id} — ${area}, ${period}: ${shown}`;
}

type KeyFields = Pick<ObservationRow, 'indicator_id' | 'area_level' | 'area_code' | 'period' | 'as_of'>;
/** An observation's keys, remembered per row: a commune's figures are cited on its page and in its files, in two languages. */
const rowKeys = new WeakMap<KeyFields, { slug: string; cell: string }>();

function keysOf(obs: KeyFields): { slug: string; cell: string } {
  let keys = rowKeys.get(obs);
  if (!keys) {
    keys = {
      slug: slugOf([obs.indicator_id, obs.area_level, obs.area_code, obs.period, obs.as_of ?? ''].join(' ')),
      cell: [
        `indicator_id=${obs.indicator_id}`,
        `area_level=${obs.area_level}`,
        `area_code=${obs.area_code}`,
        `period=${obs.period}`,
        ...(obs.as_of ? [`as_of=${obs.as_of}`] : []),
      ].join('; '),
    };
    rowKeys.set(obs, keys);
  }
  return keys;
}

/** The slug of an observation's primary key: unique per row, from the data alone. */
export const observationKey = (obs: KeyFields) => keysOf(obs).slug;

/** The citations page of a page (its BibTeX and CSL-JSON per figure): `{page}cite/`. */
export const citationsPath = (pagePath: string) => `${pagePath}cite/`;

/** The two files of a page's citations, in its citations folder: every figure of the page in BibTeX and in CSL-JSON. */
export const CITATION_FILES = { bibtex: 'figures.bib', csl: 'figures.csl.json' } as const;

/** The links to a page's two citations files. */
export function citationFilesOf(lang: Lang, path: string): { bibtex: string; csl: string } {
  return {
    bibtex: href(lang, `${citationsPath(path)}${CITATION_FILES.bibtex}`),
    csl: href(lang, `${citationsPath(path)}${CITATION_FILES.csl}`),
  };
}

/**
 * The citation of one observation whose value the page shows as `shown`, on `path` (without language
 * prefix). `path` is a page with a citations page (`citationsPath`), where the entry is; with
 * `where` = 'files', a page that has only the two citations files (a commune), which hold its entry.
 */
export function observationCite(
  model: CiteModel,
  lang: Lang,
  obs: ObservationRow,
  shown: string,
  path: string,
  where: 'entry' | 'files' = 'entry',
): FigureCite {
  const file = 'observations.csv';
  const { slug: figureKey, cell: key } = keysOf(obs);
  return {
    lang,
    key: figureKey,
    entry: where === 'entry' ? `${href(lang, citationsPath(path))}#${figureKey}` : null,
    what: observationWhat(model, lang, obs, shown),
    sources: obs.source_id ? [citedSource(model, lang, obs.source_id, obs.published_on)] : [],
    portal: portalOf(model, lang, file),
    path: href(lang, path),
    cell: { file, key, column: 'value', value: shown, source: obs.source_id ?? '' },
  };
}

/** The citation of a task (tasks.csv), its source the document that assigned it or the article that reported it. */
export function taskCite(
  model: CiteModel,
  lang: Lang,
  task: { id: string; source_id: string; title_vi: string; title_en: string | null },
  status: string,
  path: string,
): FigureCite {
  const file = 'tasks.csv';
  const title = textIn(lang, task, 'title') || task.title_vi;
  return {
    lang,
    key: `task-${slugify(task.id)}`,
    entry: null,
    what: `${title} (${status})`,
    sources: [citedSource(model, lang, task.source_id, model.document.get(task.source_id)?.issued_on ?? null)],
    portal: portalOf(model, lang, file),
    path: href(lang, path),
    cell: { file, key: `id=${task.id}`, column: '', value: `${title}: ${status}`, source: task.source_id },
  };
}

/**
 * A chart: every source of its caption (as the chart view lists them: label, link, date), then the
 * portal; the file is the table the chart is drawn from. A document is found again by its page link.
 */
export function chartCite(
  model: CiteModel,
  lang: Lang,
  chart: { key: string; title: string; pageUrl: string; sources: { label: string; href: string | null; date: string | null }[] },
  /** The citations page of the page the chart is on, whose entries cite each of its figures; null for none. */
  figures: string | null = null,
): FigureCite {
  const file = 'observations.csv';
  const byPage = documentsByPage(model, lang);
  const sources = chart.sources.map((s): CitedSource => {
    const id = s.href ? (byPage.get(s.href) ?? (isSafeUrl(s.href) ? s.href : null)) : null;
    return id
      ? citedSource(model, lang, id, s.date)
      : { id: s.label, type: 'document', author: s.label, title: s.label, number: null, date: s.date, url: null };
  });
  return {
    lang,
    key: `chart-${slugify(chart.key)}`,
    entry: figures,
    what: chart.title,
    sources,
    portal: portalOf(model, lang, file),
    path: chart.pageUrl,
    // A chart holds many figures: the report names the chart (its key, as in /embed/{key}/) and leaves the value for the reader to say.
    cell: { file, key: `chart=${chart.key}`, column: 'value', value: '', source: sources.map((s) => s.id).join('; ') },
  };
}

const pages = new WeakMap<object, Partial<Record<Lang, Map<string, string>>>>();
/** Document page link (in `lang`) → document id, built once per model and language. */
function documentsByPage(model: Pick<Model, 'document'>, lang: Lang): Map<string, string> {
  const byLang = pages.get(model.document) ?? {};
  pages.set(model.document, byLang);
  return (byLang[lang] ??= new Map([...model.document.keys()].map((id) => [href(lang, documentPath(id)), id])));
}

const abs = (baseUrl: string, path: string) => `${baseUrl.replace(/\/$/, '')}${path}`;
const dateText = (date: string | null, lang: Lang) => (date ? formatDate(date, lang) : t(lang, 'noDate'));

const vias = new WeakMap<PortalRef, Map<string, string>>();

/** "via the portal, release V, pinned URL": remembered per portal reference (its figures share one, portalOf). */
function viaText(lang: Lang, portal: PortalRef, baseUrl: string): string {
  let byKey = vias.get(portal);
  if (!byKey) vias.set(portal, (byKey = new Map()));
  const k = `${lang}\0${baseUrl}`;
  let text = byKey.get(k);
  if (text === undefined) {
    text = portal.version
      ? t(lang, 'citeThis.viaRelease', {
          publisher: portal.publisher,
          title: portal.title,
          version: portal.version,
          date: portal.date,
          url: abs(baseUrl, portal.pinnedPath!),
        })
      : t(lang, 'citeThis.viaUnreleased', { publisher: portal.publisher, title: portal.title, date: portal.date });
    byKey.set(k, text);
  }
  return text;
}

/** The citation as one paragraph: original source(s), then the portal, its release and pinned URL, then the page. */
export function formatCiteText(c: FigureCite, baseUrl: string): string {
  const { lang, portal } = c;
  const sources = c.sources.map((s) =>
    [`${s.author}${s.number && !s.title.includes(s.number) ? ` (${s.number})` : ''}. ${s.title}`, dateText(s.date, lang), s.url]
      .filter(Boolean)
      .join(', '),
  );
  return `${sources.map((s) => `${s}.`).join(' ')} ${t(lang, 'citeThis.figure', { what: c.what })} ${viaText(lang, portal, baseUrl)} ${t(lang, 'citeThis.page', { url: abs(baseUrl, c.path) })}`
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * Text for a BibTeX field. The text stays UTF-8 (NFC; Vietnamese has stacked accents such as "ệ"
 * that LaTeX accent macros cannot all write; biber and BibTeX with inputenc read UTF-8), and the
 * characters that are special to (La)TeX are escaped, braces included, so no data can unbalance an entry.
 */
export function bibtexEscape(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\\{}&%$#_^~]/g, (ch) =>
      ch === '\\' ? '\\textbackslash{}' : ch === '^' ? '\\^{}' : ch === '~' ? '\\textasciitilde{}' : `\\${ch}`,
    )
    .replace(/[\u0000-\u001f]+/g, ' ');
}

/** A URL for a BibTeX url field (verbatim in biblatex): braces, backslashes and spaces percent-encoded. */
const bibUrl = (url: string) => url.replace(/[{}\\ %]/g, (ch) => (ch === '%' ? '%' : encodeURIComponent(ch)));

/** An ASCII citation key from the one slug function ("57-NQ/TW" → "57-nq-tw"). */
export const citeKey = (text: string) => slugify(text) || 'source';

/** The key of a source's entry: by default its id's slug; a set of citations may tell apart one source cited with two dates. */
export type SourceKey = (s: CitedSource) => string;
const sourceKey: SourceKey = (s) => citeKey(s.id);

/** The key of the portal's dataset entry for one figure: release and figure, unique in a bibliography. */
export const portalKey = (c: FigureCite) => `nq57-${c.portal.version ?? 'unreleased'}-${c.key}`;

function bibEntry(type: string, key: string, fields: [string, string | null][]): { key: string; text: string } {
  const body = fields
    .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
    .map(([name, value]) => `  ${name} = {${name === 'url' ? bibUrl(value) : value}}`)
    .join(',\n');
  return { key, text: `@${type}{${key},\n${body}\n}` };
}

const BIB_TYPE: Record<CslType, string> = {
  legislation: 'legislation',
  report: 'report',
  'article-newspaper': 'article',
  webpage: 'online',
  document: 'misc',
  dataset: 'dataset',
};

/** BibTeX (biblatex types): one entry per original source, then the portal's dataset entry with the figure in its note. */
export function formatCiteBibtex(c: FigureCite, baseUrl: string, keyOf: SourceKey = sourceKey): string {
  return bibtexEntries(c, baseUrl, keyOf)
    .map((e) => e.text)
    .join('\n\n');
}

function bibtexEntries(c: FigureCite, baseUrl: string, keyOf: SourceKey): { key: string; text: string }[] {
  const sources = c.sources.map((s) =>
    bibEntry(BIB_TYPE[s.type], keyOf(s), [
      ['author', `{${bibtexEscape(s.author)}}`],
      ['title', bibtexEscape(s.title)],
      ['number', s.number ? bibtexEscape(s.number) : null],
      ['date', s.date],
      ['url', s.url],
    ]),
  );
  const p = c.portal;
  const portal = bibEntry('dataset', portalKey(c), [
    ['author', `{${bibtexEscape(p.publisher)}}`],
    ['title', bibtexEscape(p.title)],
    ['version', p.version],
    ['date', p.date],
    ['urldate', p.date],
    ['url', p.pinnedPath ? abs(baseUrl, p.pinnedPath) : abs(baseUrl, c.path)],
    ['note', bibtexEscape(`${c.what}. ${abs(baseUrl, c.path)}`)],
  ]);
  return [...sources, portal];
}

export interface CslDate {
  'date-parts': [number, number?, number?][];
}
export interface CslItem {
  id: string;
  type: CslType;
  title: string;
  author: { literal: string }[];
  publisher?: string;
  number?: string;
  version?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  note?: string;
}

/** "2025-05-12" → CSL date-parts [[2025, 5, 12]]; "2025-05" and "2025" keep their precision. */
export function cslDate(date: string): CslDate {
  let d = cslDates.get(date);
  if (!d) {
    d = { 'date-parts': [date.split('-').map(Number) as [number, number?, number?]] };
    if (cslDates.size < 10_000) cslDates.set(date, d);
  }
  return d;
}
/** Remembered (a build has a few hundred dates); read-only, as every item that has the date shares it. */
const cslDates = new Map<string, CslDate>();

/** CSL-JSON (an array of items, as citeproc and Zotero read it): the original sources, then the portal's dataset. */
export function formatCiteCsl(c: FigureCite, baseUrl: string, keyOf: SourceKey = sourceKey): CslItem[] {
  const sources: CslItem[] = c.sources.map((s) => ({
    id: keyOf(s),
    type: s.type,
    title: s.title.normalize('NFC'),
    author: [{ literal: s.author.normalize('NFC') }],
    ...(s.number ? { number: s.number } : {}),
    ...(s.date ? { issued: cslDate(s.date) } : {}),
    ...(s.url ? { URL: s.url } : {}),
  }));
  const p = c.portal;
  const portal: CslItem = {
    id: portalKey(c),
    type: 'dataset',
    title: p.title,
    author: [{ literal: p.publisher }],
    publisher: p.publisher,
    ...(p.version ? { version: p.version } : {}),
    issued: cslDate(p.date),
    accessed: cslDate(p.date),
    URL: p.pinnedPath ? abs(baseUrl, p.pinnedPath) : abs(baseUrl, c.path),
    note: `${c.what}. ${abs(baseUrl, c.path)}`.normalize('NFC'),
  };
  return [...sources, portal];
}

/**
 * The "pinned to release V" embed code: chart pages are not versioned, so the frame is the same as
 * the "always latest" one; what is pinned is the link under it, to the release's data file, which
 * never changes. Null before the first release of the file.
 */
export function pinnedEmbed(c: FigureCite, latestCode: string, baseUrl: string): { label: string; code: string } | null {
  const { version, pinnedPath } = c.portal;
  if (!version || !pinnedPath) return null;
  const url = abs(baseUrl, pinnedPath);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return {
    label: t(c.lang, 'embed.pinned', { version }),
    code: `${latestCode}\n<p><a href="${esc(url)}">${esc(t(c.lang, 'embed.pinnedData', { version }))}</a></p>`,
  };
}

/**
 * Keys for a set of citations (one page's figures, in page order): a source keeps its id's slug; the
 * same source cited again with another date (a press page read twice) gets the date in its key, so
 * that one file never holds two different entries under one key. From the data only.
 */
export function sourceKeysOf(cites: readonly FigureCite[]): SourceKey {
  const firstDate = new Map<string, string | null>();
  for (const c of cites) for (const s of c.sources) if (!firstDate.has(s.id)) firstDate.set(s.id, s.date);
  return (s) => (firstDate.get(s.id) === s.date || !firstDate.has(s.id) ? citeKey(s.id) : citeKey(`${s.id} ${s.date ?? 'undated'}`));
}

/**
 * One BibTeX file of a set of citations: each source entry once, then one dataset entry per figure.
 * Throws when two different entries would share a key (two ids with the same slug), naming both.
 */
export function formatCitationsBibtex(cites: readonly FigureCite[], baseUrl: string): string {
  const keyOf = sourceKeysOf(cites);
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const c of cites)
    for (const e of bibtexEntries(c, baseUrl, keyOf)) {
      const had = seen.get(e.key);
      if (had === e.text) continue;
      if (had !== undefined)
        throw new Error(`Two different citations have the key ${e.key}:\n${had}\n${e.text}\nGive one of the ids a different slug.`);
      seen.set(e.key, e.text);
      out.push(e.text);
    }
  return `${out.join('\n\n')}\n`;
}

/** One CSL-JSON array of a set of citations: each source item once (by id), then one dataset item per figure. */
export function formatCitationsCsl(cites: readonly FigureCite[], baseUrl: string): CslItem[] {
  const keyOf = sourceKeysOf(cites);
  const items = new Map<string, CslItem>();
  for (const c of cites) for (const item of formatCiteCsl(c, baseUrl, keyOf)) if (!items.has(item.id)) items.set(item.id, item);
  return [...items.values()];
}
