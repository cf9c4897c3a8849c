/**
 * The targets page (/targets/): the targets of Resolution 57-NQ/TW and Appendix I of Resolution
 * 03/NQ-CP, grouped by document and horizon, quoted, with the latest national value of the
 * indicator that measures each (values.ts gap rule) and the gap to the target.
 */
import { nationalHistorySpec } from '../charts/specs.ts';
import type { HistorySpec } from '../charts/types.ts';
import { formatComparator, formatDate, formatNumber, formatPeriod, formatTick, formatValue } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { gapToTarget } from '../model/indicators.ts';
import { targetProgress } from '../model/target-progress.ts';
import { successorsOn } from '../model/tasks.ts';
import type { TargetRow } from '../../schemas/index.ts';
import { slugify } from '../text.ts';
import { documentPath, href, indicatorPath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { observationCite, type FigureCite } from './cite.ts';
import { asOfText, formatGap, latestOf } from './values.ts';

/** The documents and horizons the page groups targets by, in this order. */
const DOCUMENTS = ['57-NQ/TW', '03/NQ-CP'] as const;
const HORIZONS = ['2030', '2045'] as const;

export interface TargetLine {
  id: string;
  item: string;
  text: string;
  /** The English translation, on English pages only. */
  textEn: string | null;
  value: string;
  unit: string | null;
  owner: string;
  /** The latest national value (a link to its indicator) and what follows it; null when no indicator measures the target. */
  latest: { link: Link; after: string } | null;
  /** The target's own page (values over time, gap, steady path), for a target with national values. */
  progress: Link | null;
}

export interface TargetsPage {
  lang: Lang;
  description: string;
  /** "Dữ liệu tính đến 25/07/2026": the dataset's as-of date, which the latest values are read against. */
  asOf: string;
  groups: { id: string; document: Link; heading: string; caption: string; label: string; rows: TargetLine[] }[];
}

function valueText(x: TargetRow, lang: Lang): string {
  if (x.comparator === 'qualitative') return t(lang, 'qualitative');
  if (x.comparator === 'between') return `${formatNumber(x.value!, lang)}–${formatNumber(x.value_max!, lang)}`;
  return `${formatComparator(x.comparator)} ${formatNumber(x.value!, lang)}`;
}

export function targetsPage(model: Model, lang: Lang): TargetsPage {
  const withPage = new Set(targetsWithProgress(model).map((x) => x.id));
  const line = (x: TargetRow): TargetLine => {
    const ind = x.indicator_id ? model.indicator.get(x.indicator_id) : undefined;
    let latest: TargetLine['latest'] = null;
    if (ind) {
      const value = latestOf(model, ind.id, 'national', 'VN');
      const link = href(lang, indicatorPath(ind.id));
      if (value) {
        const gap = gapToTarget(value.value, x);
        const after =
          gap.kind === 'gap' ? `; ${t(lang, 'gap')} ${formatGap(gap.gap, ind, lang)}` : gap.kind === 'met' ? `; ${t(lang, 'met')}` : '';
        const asOf = value.as_of ? `, ${asOfText(value.as_of, lang)}` : '';
        latest = {
          link: { text: formatValue(value.value, ind, lang, t(lang, 'notAvailable')), href: link },
          after: ` (${formatPeriod(value.period, lang)}${asOf})${after}`,
        };
      } else latest = { link: { text: t(lang, 'noNationalFigureYet'), href: link }, after: '' };
    }
    return {
      id: x.id,
      item: x.item ?? '',
      text: x.text_vi,
      textEn: lang === 'en' ? x.text_en : null,
      value: valueText(x, lang),
      unit: x.unit_vi,
      owner: ownerText(model, x.owner, lang),
      latest,
      progress: withPage.has(x.id) ? { text: t(lang, 'targetProgressLink'), href: href(lang, targetPath(x.id)) } : null,
    };
  };
  const byHorizon = DOCUMENTS.flatMap((doc) =>
    HORIZONS.map((year) => ({
      doc,
      year: year,
      targets: model.tables.targets.filter((x) => x.document_id === doc && (x.deadline ?? '').startsWith(year)),
    })),
  );
  // Targets set elsewhere (e.g. the Prime Minister's conclusions), one group per document, dated or not.
  const others = [...new Set(model.tables.targets.map((x) => x.document_id))]
    .filter((doc) => !(DOCUMENTS as readonly string[]).includes(doc))
    .map((doc) => ({ doc, year: null, targets: model.tables.targets.filter((x) => x.document_id === doc) }));
  const groups = [...byHorizon, ...others]
    .filter((g) => g.targets.length > 0)
    .map(({ doc, year, targets }) => ({
      id: year ? `${slugify(doc)}-${year}` : slugify(doc),
      document: { text: doc, href: href(lang, documentPath(doc)) },
      heading: `${year ? ` — ${t(lang, 'byYear', { year })}` : ''} (${targets.length})`,
      caption: year ? `${doc} — ${year}` : doc,
      label: year ? `${doc} ${year}` : doc,
      rows: targets.map(line),
    }));
  return { lang, description: t(lang, 'targetsDescription'), asOf: `${t(lang, 'asOf')} ${formatDate(model.asOf, lang)}`, groups };
}

/**
 * Targets that have a page of their own (/targets/{id}/): a numeric national target measured by an
 * indicator that has at least one national value, so that the values over time, the gap and the
 * steady path to the deadline can be shown.
 */
export function targetsWithProgress(model: Model): TargetRow[] {
  return model.tables.targets.filter(
    (x) =>
      x.indicator_id !== null &&
      x.scope === 'national' &&
      x.comparator !== 'qualitative' &&
      x.value !== null &&
      x.deadline !== null &&
      latestOf(model, x.indicator_id, 'national', 'VN') !== null,
  );
}

export const targetPath = (id: string) => `/targets/${id}/`;

export interface TargetProgressRow {
  /** The date the value describes: its as-of day or month, or its period. */
  date: string;
  value: string;
  /** The gap to the target at that date, or "Met". */
  gap: string;
  source: SourceView;
  /** The value's citation; its BibTeX/CSL-JSON entry is on the target's citations page (cite.ts). */
  cite: FigureCite;
}

export interface TargetPage {
  lang: Lang;
  path: string;
  title: string;
  /** The English translation, on English pages only. */
  titleEn: string | null;
  description: string;
  breadcrumbs: [string, string][];
  document: Link;
  item: string;
  value: string;
  deadline: string;
  owner: string;
  indicator: Link;
  asOf: string;
  /** The national values, oldest first, each with its gap to the target. */
  rows: TargetProgressRow[];
  caption: string;
  /** Sentences: the latest value and its gap; the steady rate needed; the change between the published values. */
  summary: string[];
  pathNote: string;
  chart: HistorySpec | null;
}

export function targetPage(model: Model, id: string, lang: Lang): TargetPage {
  const x = model.tables.targets.find((r) => r.id === id);
  if (!x || !targetsWithProgress(model).includes(x)) throw new Error(`No target with national values and id ${id}.`);
  const ind = model.indicator.get(x.indicator_id!)!;
  // Its indicator's observations in period order: targetProgress orders them in time itself (ties as in the file).
  const progress = targetProgress(x, model.byIndicator.get(ind.id) ?? []);
  const fmt = (v: number) => formatValue(v, ind, lang, t(lang, 'notAvailable'));
  // A change in a share is in percentage points (a rate in per cent would read as relative).
  const rate = (v: number) =>
    ind.unit === 'percent'
      ? t(lang, 'pointsPerYear', { value: formatNumber(v, lang, 1) })
      : t(lang, 'perYear', { value: formatNumber(v, lang, ind.decimals) });
  const dateOf = (o: { period: string; as_of: string | null }) => formatPeriod(o.as_of ?? o.period, lang);
  const gapText = (v: number) => {
    const gap = gapToTarget(v, x);
    return gap.kind === 'met' ? t(lang, 'met') : gap.kind === 'gap' ? formatGap(gap.gap, ind, lang) : '—';
  };
  const targetText = `${formatComparator(x.comparator)} ${formatTick(x.value!, ind, lang)}`;
  const deadline = formatDate(x.deadline!, lang);
  const latest = progress.latest!;
  const first = progress.points[0]!;
  const summary = [
    t(lang, 'targetProgressLatest', { value: fmt(latest.value), date: dateOf(latest.obs), target: targetText, gap: gapText(latest.value) }),
    // Past its deadline, a rate "needed" would be a fiction: say the deadline has passed and what is (not) known.
    ...(x.deadline! < model.asOf
      ? [t(lang, 'targetProgressPastDeadline', { deadline, asOf: formatDate(model.asOf, lang) })]
      : progress.neededPerYear !== null
        ? [t(lang, 'targetProgressNeeded', { target: targetText, deadline, rate: rate(Math.abs(progress.neededPerYear)) })]
        : []),
    ...(progress.observedPerYear !== null && first !== latest
      ? [
          t(lang, 'targetProgressObserved', {
            from: `${fmt(first.value)} (${dateOf(first.obs)})`,
            to: `${fmt(latest.value)} (${dateOf(latest.obs)})`,
            rate: rate(progress.observedPerYear),
          }),
        ]
      : []),
  ];
  // The chart is the indicator's national history, drawn with this target (the chart view's one target of the indicator).
  const chart = nationalHistorySpec(model, lang, ind.id);
  return {
    lang,
    path: targetPath(x.id),
    title: x.text_vi,
    titleEn: lang === 'en' ? x.text_en : null,
    description: t(lang, 'targetPageDescription', { indicator: textIn(lang, ind, 'name') }),
    breadcrumbs: [[t(lang, 'targets'), '/targets/']],
    document: { text: x.document_id, href: href(lang, documentPath(x.document_id)) },
    item: x.item ?? '',
    // The unit as the document writes it, when it says more than the sign the value already carries ("% dân số").
    value: `${targetText}${x.unit_vi && x.unit_vi !== '%' ? ` (${x.unit_vi})` : ''}`,
    deadline,
    owner: ownerText(model, x.owner, lang),
    indicator: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
    asOf: `${t(lang, 'asOf')} ${formatDate(model.asOf, lang)}`,
    rows: progress.points.map((p) => ({
      date: dateOf(p.obs),
      value: fmt(p.value),
      gap: gapText(p.value),
      source: sourceRef(model, lang, p.obs.source_id, p.obs.published_on),
      cite: observationCite(model, lang, p.obs, fmt(p.value), targetPath(x.id)),
    })),
    caption: `${t(lang, 'targetValuesCaption')} — ${textIn(lang, ind, 'name')}`,
    summary,
    pathNote: t(lang, 'targetPathNote'),
    chart: chart.target?.value === x.value && chart.target?.deadline === x.deadline ? chart : null,
  };
}

/**
 * The body a target names, as the document writes it, followed by today's body for each named agency
 * that was succeeded (agency_successions.csv) by the as-of date: "Bộ Thông tin và Truyền thông (now
 * carried by: Bộ Khoa học và Công nghệ)". Agencies are found by their full Vietnamese name in the text.
 */
export function ownerText(model: Pick<Model, 'tables' | 'successions' | 'agency' | 'asOf'>, owner: string | null, lang: Lang): string {
  if (!owner) return '—';
  const now = new Set<string>();
  for (const a of model.tables.agencies)
    if (owner.includes(a.name_vi)) for (const id of successorsOn(a.id, model.successions, model.asOf)) if (id !== a.id) now.add(id);
  if (now.size === 0) return owner;
  const names = [...now].map((id) => textIn(lang, model.agency.get(id) ?? { name_vi: id, name_en: id }, 'name'));
  return t(lang, 'ownerNowInline', { owner, now: names.join('; ') });
}
