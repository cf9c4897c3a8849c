/**
 * The page of a commune, ward or special zone (/communes/{code}/): its type, the former communes
 * merged into it (an assisted, unofficial mapping), its tasks and, per indicator, the latest value.
 * Gap rule (values.ts): the latest value is the newest with a value; a series of gaps only is still
 * listed, as a gap in its newest period, so that the reader sees the figure is missing.
 */
import { formatDate, formatNumber, formatPeriodOf, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import type { IndicatorRow, ObservationRow } from '../../schemas/index.ts';
import { areaKey } from '../model/keys.ts';
import { communePath, formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { citationFilesOf, observationCite, type FigureCite } from './cite.ts';
import { latestIndex } from './values.ts';

export interface CommunePage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  searchName: string;
  provinceName: string;
  breadcrumbs: [string, string][];
  name: string;
  typeLabel: string;
  /** "(since …; before: …, document)" when the commune changed type. */
  typeChange: string | null;
  code: string;
  province: Link;
  /** The English name, shown on English pages only. */
  nameEn: string | null;
  merges: { name: string; code: string; formerProvince: Link | string; mergeType: string }[];
  tasks: TaskView[];
  /** Said when the commune has no task of its own, before a link to its province's tasks. */
  noTasks: { text: string; link: Link } | null;
  figures: {
    caption: string;
    /** `cite`: the row's figure (the latest value), its BibTeX and CSL-JSON in the commune's two citations files (cite.ts). */
    rows: { indicator: Link; period: string; value: string; source: SourceView; count: string; cite: FigureCite }[];
    /** The footnote around the link to the observations download. */
    note: { before: string; link: Link; after: string };
    /** The commune's two citations files (every figure of the page in BibTeX and CSL-JSON), linked once under the table, not in each row. */
    files: { text: string; bibtex: Link; csl: Link };
  } | null;
}

/** One figure row of a commune: the indicator, its latest value (or newest gap) as shown, and the series' extent. */
export interface CommuneFigure {
  ind: IndicatorRow;
  obs: ObservationRow;
  /** The value as the page shows it. */
  value: string;
  count: number;
  first: string;
  last: string;
  cite: FigureCite;
}

/**
 * A commune's figure rows, in indicator order, each with its citation: what the commune's page shows
 * and what its two citations files hold (citations.ts), computed by this one function for both.
 */
export function communeFigures(model: Model, code: string, lang: Lang): CommuneFigure[] {
  const path = communePath(code);
  const noData = t(lang, 'notAvailable');
  return latestPerIndicator(model, code).map((f) => {
    const value = (f.shown[lang] ??= formatValue(f.obs.value, f.ind, lang, noData));
    const cite = observationCite(model, lang, f.obs, value, path, 'files');
    return { ind: f.ind, obs: f.obs, value, count: f.count, first: f.first, last: f.last, cite };
  });
}

/** What a commune's figure row is in any language, and its value as shown in each language asked so far. */
interface LatestFigure {
  ind: IndicatorRow;
  obs: ObservationRow;
  count: number;
  first: string;
  last: string;
  shown: Partial<Record<Lang, string>>;
}

const latestOfCommunes = new WeakMap<object, Map<string, LatestFigure[]>>();

/**
 * Per indicator, a commune's latest value (or newest gap) and its series' extent: remembered per model
 * and commune, as its page and its two files ask for it in both languages (six times a commune), and
 * reading every observation of a series (24 at bench scale M50) is most of the work. The page and its
 * files read observations only through this list, and their key for incremental builds is made of it
 * (page-keys.ts).
 */
export function latestPerIndicator(model: Model, code: string): LatestFigure[] {
  let byCode = latestOfCommunes.get(model.seriesByArea);
  if (!byCode) latestOfCommunes.set(model.seriesByArea, (byCode = new Map()));
  let rows = byCode.get(code);
  if (rows) return rows;
  rows = [];
  const series = model.seriesByArea.get(areaKey('commune', code));
  // One row per indicator: the page stays the same size however many periods the data holds; every
  // figure is in the observations download. Read from the model's columns: only the row shown is made
  // (a series has 24 rows at bench scale M50, and the key of every commune's page reads them all).
  if (series && series.size > 0) {
    const table = model.tables.observations;
    const period = table.codes('period');
    const asOf = table.codes('as_of');
    const periodOf = (i: number) => period.dict[period.codes[i]!] as string;
    for (const ind of model.tables.indicators) {
      const s = series.rowNumbers(ind.id);
      if (s.length === 0) continue;
      const latest = latestIndex(
        s.length,
        (j) => table.hasValue(s[j]!),
        (j) => ({ period: periodOf(s[j]!), as_of: asOf.dict[asOf.codes[s[j]!]!] as string | null }),
      );
      const obs = table.row(s[latest < 0 ? s.length - 1 : latest]!);
      rows.push({ ind, obs, count: s.length, first: periodOf(s[0]!), last: periodOf(s[s.length - 1]!), shown: {} });
    }
  }
  byCode.set(code, rows);
  return rows;
}

/** A commune's page title: "{commune}, {province}". */
export function communeTitle(model: Model, code: string): string {
  const c = model.commune.get(code);
  if (!c) throw new Error(`No commune with code ${code}.`);
  return `${c.full_name_vi}, ${model.province.get(c.province_code)!.name_vi}`;
}

export function communePage(model: Model, code: string, lang: Lang): CommunePage {
  const c = model.commune.get(code);
  if (!c) throw new Error(`No commune with code ${code}.`);
  const p = model.province.get(c.province_code)!;
  const change = model.unitChanges.find((u) => u.level === 'commune' && u.code === code);
  const tasks = model.tasksByArea.get(areaKey('commune', code)) ?? [];
  const figures = communeFigures(model, code, lang);
  const figureCount = figures.reduce((n, f) => n + f.count, 0);
  const citeFiles = citationFilesOf(lang, communePath(code));
  const name = c.full_name_vi;
  return {
    lang,
    path: communePath(code),
    title: communeTitle(model, code),
    description: t(lang, 'communeDescription', { name, province: textIn(lang, p, 'full_name') }),
    searchName: name,
    provinceName: p.name_vi,
    breadcrumbs: [
      [t(lang, 'provinces'), '/provinces/'],
      [p.name_vi, provincePath(p.code)],
      [t(lang, 'communes'), `/provinces/${p.code}/communes/`],
    ],
    name,
    typeLabel: label(lang, c.type),
    typeChange: change
      ? `${t(lang, 'typeSince', { date: formatDate(change.date, lang), before: label(lang, change.from) })}, ${change.document_id}`
      : null,
    code,
    province: { text: p.full_name_vi, href: href(lang, provincePath(p.code)) },
    nameEn: lang === 'en' ? c.name_en : null,
    merges: (model.mergesByCommune.get(code) ?? []).map((m) => {
      const fp = model.formerProvince.get(m.former_province_code);
      return {
        name: m.former_name_vi ?? '',
        code: m.former_code ?? '',
        formerProvince: fp ? { text: fp.name_vi, href: href(lang, formerProvincePath(fp.code)) } : (m.former_province_code ?? ''),
        mergeType: t(lang, m.merge_type === 'full' ? 'mergeFull' : 'mergePartial'),
      };
    }),
    tasks,
    noTasks:
      tasks.length === 0
        ? { text: t(lang, 'noCommuneTasks', { name }), link: { text: p.name_vi, href: href(lang, `/provinces/${p.code}/#tasks`) } }
        : null,
    figures:
      figures.length > 0
        ? {
            caption: t(lang, 'communeFiguresCaption', { name }),
            rows: figures.map(({ ind, obs, value, count, first, last, cite }) => ({
              indicator: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
              period: formatPeriodOf(obs.period, lang),
              value,
              cite,
              source: sourceRef(model, lang, obs.source_id, obs.published_on),
              count: `${formatNumber(count, lang, 0)} (${first === last ? formatPeriodOf(first, lang) : `${formatPeriodOf(first, lang)} – ${formatPeriodOf(last, lang)}`})`,
            })),
            note: {
              before: t(lang, 'communeFiguresBefore', { count: figureCount, name }),
              link: { text: 'observations', href: href(lang, '/data/observations/') },
              after: t(lang, 'communeFiguresAfter', { code }),
            },
            files: {
              text: t(lang, 'citeThis.filesOfPage'),
              bibtex: { text: t(lang, 'citations.bibtexFile'), href: citeFiles.bibtex },
              csl: { text: t(lang, 'citations.cslFile'), href: citeFiles.csl },
            },
          }
        : null,
  };
}
