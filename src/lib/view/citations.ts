/**
 * The citations page of a page with figure rows (`{page}cite/`, docs/citing.md): each figure the page
 * shows, under a stable anchor (its key from the data, cite.ts), with its text citation, BibTeX,
 * CSL-JSON and "report a problem" links; and two files of all of them (`figures.bib`,
 * `figures.csl.json`). The figures are the ones the page's own view model cites, so the two never
 * disagree; the formats are cite.ts's. Works without JavaScript; it keeps the figure pages light
 * (rows carry only the text citation and a link here).
 */
import { langOf, pathsForLangs, t, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { areaKey } from '../model/keys.ts';
import { formerProvincePage } from './areas.ts';
import {
  CITATION_FILES,
  citationFilesOf,
  citationsPath,
  formatCitationsBibtex,
  formatCitationsCsl,
  formatCiteBibtex,
  formatCiteCsl,
  formatCiteText,
  sourceKeysOf,
  type FigureCite,
} from './cite.ts';
import { communeFigures, communeTitle } from './commune.ts';
import { communeKey, indicatorKey } from './page-keys.ts';
import { indicatorPage } from './indicator.ts';
import { communePath, formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { provincePage } from './province.ts';
import { reportLinks, type ReportLinks } from './report.ts';
import { targetPage, targetPath, targetsWithProgress } from './targets.ts';

/** The first path segment of the pages that have a citations page. */
export const CITATION_SECTIONS = ['provinces', 'former-provinces', 'communes', 'indicators', 'targets'] as const;
export type CitationSection = (typeof CITATION_SECTIONS)[number];

/**
 * The sections whose citations entries carry the report links: there some figures have none on the page
 * itself (a province's former-province rows link here only; an indicator's charted ranking and the charts
 * that link here have no row links). Commune and target rows carry their own, so their entries do not
 * repeat them (a third of a commune's citations page; 3,321 of them at bench scale M).
 */
const REPORT_ON_ENTRIES: ReadonlySet<CitationSection> = new Set(['provinces', 'indicators', 'former-provinces']);

export { CITATION_FILES };

/**
 * The sections whose figures are cited in the two files only, without a citations page: a commune shows
 * the latest value of each indicator, and at commune scale the pages would outweigh the site (bench scale
 * M50: 3,321 communes × 50 figures × 2 languages, ≈ 915 MiB of HTML; docs/citing.md).
 */
export const CITATION_FILES_ONLY: ReadonlySet<CitationSection> = new Set(['communes']);

/**
 * Every page that has a citations page: the provinces, indicators and targets (with progress)
 * always, a former province or a commune only when it has figures (most communes have none).
 */
export function citationPages(model: Model): { section: CitationSection; id: string }[] {
  const has = (level: string, code: string) => model.byArea.count(areaKey(level, code)) > 0;
  return [
    ...model.provinces.map((p) => ({ section: 'provinces' as const, id: p.code })),
    ...model.tables.former_provinces
      .filter((f) => has('former_province', f.code))
      .map((f) => ({ section: 'former-provinces' as const, id: f.code })),
    ...model.tables.communes.filter((c) => has('commune', c.code)).map((c) => ({ section: 'communes' as const, id: c.code })),
    ...model.tables.indicators.map((i) => ({ section: 'indicators' as const, id: i.id })),
    ...targetsWithProgress(model).map((x) => ({ section: 'targets' as const, id: x.id })),
  ];
}

/** The page's title and path and the figures it cites, in page order, each once (from its view model). */
export function figuresOf(
  model: Model,
  section: CitationSection,
  id: string,
  lang: Lang,
): { title: string; path: string; cites: FigureCite[] } {
  const got = ((): { title: string; path: string; cites: FigureCite[] } => {
    switch (section) {
      case 'provinces': {
        const v = provincePage(model, id, lang);
        const rows = [...v.dti.rows, ...v.other.rows, ...(v.formerValues?.rows ?? [])];
        return { title: v.title, path: provincePath(id), cites: rows.map((r) => r.cite) };
      }
      case 'former-provinces': {
        const v = formerProvincePage(model, id, lang);
        return { title: v.title, path: formerProvincePath(id), cites: v.figures.map((r) => r.cite) };
      }
      case 'communes':
        // The rows of the commune's page, without the rest of its page (its files are 4 of its 6 renders).
        return { title: communeTitle(model, id), path: communePath(id), cites: communeFigures(model, id, lang).map((f) => f.cite) };
      case 'indicators': {
        const v = indicatorPage(model, id, lang);
        return { title: v.name, path: indicatorPath(id), cites: v.figures };
      }
      case 'targets': {
        const v = targetPage(model, id, lang);
        return { title: v.title, path: targetPath(id), cites: v.rows.map((r) => r.cite) };
      }
    }
  })();
  const seen = new Set<string>();
  return { ...got, cites: got.cites.filter((c) => !seen.has(c.key) && Boolean(seen.add(c.key))) };
}

export interface CitationEntry {
  /** The figure's key: the anchor its row links to. */
  anchor: string;
  what: string;
  text: string;
  bibtex: string;
  /** CSL-JSON, pretty-printed. */
  csl: string;
  /** Null where the figure's row on the page has its own (REPORT_ON_ENTRIES). */
  report: ReportLinks | null;
}

export interface CitationsPage {
  lang: Lang;
  /** The citations page's path, without language prefix. */
  path: string;
  title: string;
  description: string;
  breadcrumbs: [string, string][];
  /** The page whose figures these are. */
  page: Link;
  files: { bibtex: Link; csl: Link };
  entries: CitationEntry[];
}

/** The citations page of one page, in `lang`; `baseUrl` is the site's origin (the citations' absolute URLs). */
export function citationsPage(model: Model, section: CitationSection, id: string, lang: Lang, baseUrl: string): CitationsPage {
  const { title, path, cites } = figuresOf(model, section, id, lang);
  const base = baseUrl.replace(/\/$/, '');
  const keyOf = sourceKeysOf(cites);
  const own = citationsPath(path);
  const files = citationFilesOf(lang, path);
  return {
    lang,
    path: own,
    title: t(lang, 'citations.title', { page: title }),
    description: t(lang, 'citations.description', { page: title, count: cites.length }),
    breadcrumbs: [[title, path]],
    page: { text: title, href: href(lang, path) },
    files: {
      bibtex: { text: t(lang, 'citations.bibtexFile'), href: files.bibtex },
      csl: { text: t(lang, 'citations.cslFile'), href: files.csl },
    },
    entries: cites.map((c) => ({
      anchor: c.key,
      what: c.what,
      text: formatCiteText(c, base),
      bibtex: formatCiteBibtex(c, base, keyOf),
      csl: JSON.stringify(formatCiteCsl(c, base, keyOf), null, 2),
      report: REPORT_ON_ENTRIES.has(section) ? reportLinks(model.meta, lang, { ...c.cell, page: `${base}${c.path}`, what: c.what }) : null,
    })),
  };
}

/**
 * The two files of a citations page: `figures.bib` and `figures.csl.json` (each source once, one dataset
 * entry per figure). Apart from the page's view so that each route computes only what it writes (at bench
 * scale M, 3,321 communes × 2 languages × 3 files).
 */
/** The media types of a citations page's files. */
const FILE_TYPES = {
  bibtex: 'application/x-bibtex; charset=utf-8',
  csl: 'application/vnd.citationstyles.csl+json; charset=utf-8',
} as const;
export type CitationFormat = keyof typeof FILE_TYPES;

/** One file of a citations page: every figure of the page as BibTeX, or as one CSL-JSON array. */
export function citationFile(
  model: Model,
  section: CitationSection,
  id: string,
  lang: Lang,
  baseUrl: string,
  format: CitationFormat,
): string {
  const { cites } = figuresOf(model, section, id, lang);
  const base = baseUrl.replace(/\/$/, '');
  return format === 'bibtex' ? formatCitationsBibtex(cites, base) : `${JSON.stringify(formatCitationsCsl(cites, base), null, 2)}\n`;
}

/** The route params, in both languages, of every citations page (`page`) or of every pair of citations files (`files`). */
export const citationPaths = (model: Model, what: 'page' | 'files') =>
  pathsForLangs(
    citationPages(model)
      .filter(({ section }) => what === 'files' || !CITATION_FILES_ONLY.has(section))
      .map(({ section, id }) => ({
        params: { section, id },
        props: {},
        // A commune's and an indicator's figures are those of their page, whose key they share (page-keys.ts); the other sections are not keyed.
        ...(section === 'communes'
          ? { cacheKey: communeKey(model, id) }
          : section === 'indicators'
            ? { cacheKey: indicatorKey(model, id) }
            : {}),
      })),
  );

/** The response of a citations file's route (src/pages/[...locale]/[section]/[id]/cite/figures.*.ts). */
export function citationFileResponse(
  model: Model,
  format: CitationFormat,
  params: { section?: string | undefined; id?: string | undefined; locale?: string | undefined },
  site: URL | undefined,
): Response {
  const body = citationFile(
    model,
    params.section as CitationSection,
    params.id!,
    langOf(params.locale),
    (site ?? new URL('https://example.org')).href,
    format,
  );
  return new Response(body, { headers: { 'content-type': FILE_TYPES[format] } });
}
