/**
 * The comparison page (/compare/, issue 16): the page around the island, and the compact JSON the
 * island reads (/compare/data.json, /en/compare/data.json), both in the page's language. The JSON holds,
 * for the 34 provinces and for the 63 former provinces, every published value by indicator and
 * period, with the rank the sources publish for it (a rank indicator of indicators.csv, never one
 * computed from scores) and each figure's source and date; and for the provinces, their tasks by
 * derived status. Strings are formatted here, so the island only lays them out.
 */
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { areaKey } from '../model/keys.ts';
import { compareInTime } from '../model/snapshots.ts';
import type { ObservationRow } from '../../schemas/index.ts';
import { formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { formatRank, taskCounts } from './province-summary.ts';
import { sourceRef } from './source.ts';
import { asOfText } from './values.ts';
import { viCollator } from '../text.ts';

/** The most units a reader compares at once. */
export const COMPARE_MAX = 5;

export type CompareLevel = 'province' | 'former_province';
export const COMPARE_LEVELS: readonly CompareLevel[] = ['province', 'former_province'];

export interface CompareArea {
  code: string;
  name: string;
  href: string;
}

/** One area's figures in one row: the value and the published rank, each with the index of its source in `sources`. */
export interface CompareCell {
  value: string | null;
  valueSource: number | null;
  rank: string | null;
  rankSource: number | null;
}

/** One indicator in one period (or snapshot): the cells of the areas that have a figure, by area code. */
export interface CompareRow {
  /** Index in `indicators`. */
  indicator: number;
  period: string;
  cells: Record<string, CompareCell>;
}

export interface CompareTaskRow {
  text: string;
  counts: Record<string, number>;
}

export interface CompareLevelData {
  areas: CompareArea[];
  rows: CompareRow[];
  /** Tasks by derived status, per area; null for the former provinces (tasks go to the current ones). */
  tasks: CompareTaskRow[] | null;
}

export interface CompareData {
  lang: Lang;
  indicators: Link[];
  /** A source as the pages show it (lib/view/source.ts): its label, link (null: text only) and date. */
  sources: { label: string; href: string | null; external: boolean; date: string }[];
  levels: Record<CompareLevel, CompareLevelData>;
}

/** The rank indicator of `id`'s parent, or of `id` itself: the row a rank is shown in is its parent's. */
function rowIndicatorId(model: Model, id: string): string {
  const ind = model.indicator.get(id);
  return ind?.unit === 'rank' && ind.parent_id !== null ? ind.parent_id : id;
}

export function compareData(model: Model, lang: Lang): CompareData {
  const indicatorIds: string[] = [];
  const indicatorIndex = new Map<string, number>();
  const sources: CompareData['sources'] = [];
  const sourceIndex = new Map<string, number>();
  const sourceOf = (o: ObservationRow): number => {
    const key = `${o.source_id}|${o.published_on ?? ''}`;
    let i = sourceIndex.get(key);
    if (i === undefined) {
      const s = sourceRef(model, lang, o.source_id, o.published_on);
      i = sources.push({ label: s.label, href: s.href, external: s.external, date: s.dateText }) - 1;
      sourceIndex.set(key, i);
    }
    return i;
  };
  const order = new Map(model.tables.indicators.map((ind, i) => [ind.id, i]));

  const level = (lvl: CompareLevel): CompareLevelData => {
    const areas: CompareArea[] =
      lvl === 'province'
        ? model.provinces.map((p) => ({ code: p.code, name: p.name_vi, href: href(lang, provincePath(p.code)) }))
        : // By name, as the provinces are (their code order, north to south, is no help to find one among 63 on a phone).
          [...model.formerProvince.values()]
            .sort((a, b) => viCollator.compare(a.name_vi, b.name_vi))
            .map((f) => ({ code: f.code, name: f.name_vi, href: href(lang, formerProvincePath(f.code)) }));
    const rows = new Map<string, { id: string; obs: Pick<ObservationRow, 'period' | 'as_of'>; cells: Record<string, CompareCell> }>();
    for (const area of areas) {
      for (const o of model.byArea.get(areaKey(lvl, area.code)) ?? []) {
        // A gap is no figure: the area's cell stays empty ("no data"), never a filled-in number.
        if (o.value === null) continue;
        const ind = model.indicator.get(o.indicator_id);
        if (!ind) continue;
        const id = rowIndicatorId(model, ind.id);
        const key = `${id}|${o.period}|${o.as_of ?? ''}`;
        const row = rows.get(key) ?? { id, obs: o, cells: {} };
        rows.set(key, row);
        const cell = (row.cells[area.code] ??= { value: null, valueSource: null, rank: null, rankSource: null });
        if (ind.unit === 'rank') {
          cell.rank = formatRank({ value: o.value, rank_of: o.rank_of, period: o.period, as_of: o.as_of }, lang);
          cell.rankSource = sourceOf(o);
        } else {
          cell.value = formatValue(o.value, ind, lang, t(lang, 'notAvailable'));
          cell.valueSource = sourceOf(o);
        }
      }
    }
    const sorted = [...rows.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || compareInTime(b.obs, a.obs));
    const index = (id: string) => {
      let i = indicatorIndex.get(id);
      if (i === undefined) {
        i = indicatorIds.push(id) - 1;
        indicatorIndex.set(id, i);
      }
      return i;
    };
    return {
      areas,
      rows: sorted.map((r) => ({
        indicator: index(r.id),
        period: r.obs.as_of ? `${formatPeriod(r.obs.period, lang)}, ${asOfText(r.obs.as_of, lang)}` : formatPeriod(r.obs.period, lang),
        cells: r.cells,
      })),
      tasks: lvl === 'province' ? provinceTaskRows(model, lang, areas) : null,
    };
  };

  const levels = { province: level('province'), former_province: level('former_province') };
  return {
    lang,
    indicators: indicatorIds.map((id) => {
      const ind = model.indicator.get(id)!;
      return { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(id)) };
    }),
    sources,
    levels,
  };
}

function provinceTaskRows(model: Model, lang: Lang, areas: readonly CompareArea[]): CompareTaskRow[] {
  const byArea = areas.map((a) => ({ code: a.code, counts: taskCounts(model.tasksByArea.get(areaKey('province', a.code)) ?? [], lang) }));
  const first = byArea[0]?.counts ?? [];
  return first.map((c, i) => ({
    text: c.text,
    counts: Object.fromEntries(byArea.map((a) => [a.code, a.counts[i]?.count ?? 0])),
  }));
}

/** The strings the island shows, already translated (the island has no dictionary of its own). */
export interface CompareStrings {
  levelLegend: string;
  levelProvince: string;
  levelFormer: string;
  chooseLegend: string;
  limit: string;
  /** "Chosen:" before the buttons that remove a choice. */
  chosen: string;
  /** "Remove {name}": the name of a remove button (the island fills in {name}). */
  remove: string;
  /** "{count} chosen: {names}." — the island fills in {count} and {names}. */
  selected: string;
  none: string;
  indicator: string;
  indicators: string;
  period: string;
  indicatorsCaption: string;
  tasks: string;
  tasksCaption: string;
  tasksFormer: string;
  noValue: string;
  source: string;
  sources: string;
  loadError: string;
}

export interface ComparePage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  lead: string;
  breadcrumbs: [string, string][];
  /** Same-origin JSON the island fetches (compareData). */
  dataUrl: string;
  max: number;
  strings: CompareStrings;
  /** What the page offers without JavaScript: the province pages, the former provinces, the downloads. */
  fallback: { noScript: string; heading: string; provinces: Link[]; former: Link; downloads: Link };
}

export function comparePage(model: Model, lang: Lang): ComparePage {
  return {
    lang,
    path: '/compare/',
    title: t(lang, 'compareTitle'),
    description: t(lang, 'compareDescription'),
    lead: t(lang, 'compareLead', { max: COMPARE_MAX }),
    breadcrumbs: [[t(lang, 'provinces'), '/provinces/']],
    dataUrl: href(lang, '/compare/data.json'),
    max: COMPARE_MAX,
    strings: {
      levelLegend: t(lang, 'compareLevelLegend'),
      levelProvince: t(lang, 'compareLevelProvince'),
      levelFormer: t(lang, 'compareLevelFormer'),
      chooseLegend: t(lang, 'compareChooseLegend', { max: COMPARE_MAX }),
      limit: t(lang, 'compareLimit', { max: COMPARE_MAX }),
      chosen: t(lang, 'compareChosen'),
      remove: t(lang, 'compareRemove', { name: '{name}' }),
      // Placeholders kept for the island, which knows the count and the names.
      selected: t(lang, 'compareSelected', { count: '{count}', names: '{names}' }),
      none: t(lang, 'compareNone'),
      indicator: t(lang, 'indicator'),
      indicators: t(lang, 'indicators'),
      period: t(lang, 'period'),
      indicatorsCaption: t(lang, 'compareIndicatorsCaption'),
      tasks: t(lang, 'tasks'),
      tasksCaption: t(lang, 'compareTasksCaption', { asOf: formatDate(model.asOf, lang) }),
      tasksFormer: t(lang, 'compareTasksFormer'),
      noValue: t(lang, 'compareNoValue'),
      source: t(lang, 'source'),
      sources: t(lang, 'sources'),
      loadError: t(lang, 'compareLoadError'),
    },
    fallback: {
      noScript: t(lang, 'compareNoScript'),
      heading: t(lang, 'compareFallbackHeading'),
      provinces: model.provinces.map((p) => ({ text: p.name_vi, href: href(lang, provincePath(p.code)) })),
      former: { text: t(lang, 'compareFormerLink'), href: href(lang, '/former-provinces/') },
      downloads: { text: t(lang, 'compareDownloads'), href: href(lang, '/data/') },
    },
  };
}
