/**
 * The home page (/): the dataset's date and size, the overdue and due-soon tasks, and the headline
 * figures (national DTI, the provincial average, the EGDI rank, and each national value that has a
 * numeric target, with its period, snapshot date and source). Latest values follow the one gap rule of values.ts.
 */
import { formatComparator, formatDate, formatNumber, formatPeriod, formatTick, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import { gapToTarget } from '../model/indicators.ts';
import { DUE_SOON_DAYS } from '../model/tasks.ts';
import { href, indicatorPath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { snapshotsInOrder } from '../model/snapshots.ts';
import { targetPath, targetsWithProgress } from './targets.ts';
import { asOfText, formatGap, latestOf, seriesOf, type ValuedObservation } from './values.ts';

export interface FigureCard {
  title: Link;
  value: string;
  note: string;
  source: SourceView;
}

export interface TargetCard {
  title: Link;
  target: string;
  /** The latest national value, or null when there is none (a data gap, said as such). */
  value: string | null;
  /** Its period, with the snapshot date when it has one: "2025 (tính đến 29/08/2025)". */
  period: string | null;
  source: SourceView | null;
  gap: string | null;
  /** The national values over time ("07/2024: 13,50% · 04/2025: 26,08% · …"), when there are two or more. */
  history: string | null;
  /** The target's page (values over time against the target, gap, steady path), when it has national values. */
  progress: Link | null;
}

export interface HomePage {
  lang: Lang;
  asOf: string;
  asOfText: string;
  counts: string;
  /** Tasks a report calls overdue (never computed: a task past its deadline without a report is only counted). */
  overdue: TaskView[];
  overdueTitle: string;
  /** The count of tasks past their deadline with no completion reported, as a link to their list. */
  pastDeadline: Link;
  dueSoon: TaskView[];
  dueSoonTitle: string;
  figures: FigureCard[];
  targets: TargetCard[];
}

const byDeadline = (a: TaskView, b: TaskView) => a.deadline!.localeCompare(b.deadline!);

export function homePage(model: Model, lang: Lang): HomePage {
  const card = (
    id: string,
    title: string | null,
    value: (v: number) => string,
    note: (period: string, method: string | null) => string,
  ): FigureCard[] => {
    const ind = model.indicator.get(id);
    const latest = latestOf(model, id, 'national', 'VN');
    if (!ind || !latest) return [];
    return [
      {
        title: { text: title ?? textIn(lang, ind, 'name'), href: href(lang, indicatorPath(id)) },
        value: value(latest.value),
        note: note(latest.period, latest.method),
        source: sourceRef(model, lang, latest.source_id, latest.published_on),
      },
    ];
  };
  const figures = [
    ...card(
      'dti-quoc-gia',
      null,
      (v) => formatNumber(v, lang, 4),
      (period) => period,
    ),
    // The published provincial average is the mean of the 63 former provinces (its own indicator), not a national DTI.
    ...card(
      'dti-trung-binh-tinh',
      null,
      (v) => formatNumber(v, lang, 4),
      (period, method) => `${period} · ${label(lang, method)}`,
    ),
    // EGDI ranks the 193 UN member states.
    ...card(
      'egdi-rank',
      null,
      (v) => `${v}/193`,
      (period) => `${period} · ${t(lang, 'egdiTarget')}`,
    ),
  ];
  const withPage = new Set(targetsWithProgress(model).map((x) => x.id));
  const targets = model.tables.targets
    .filter((x) => x.indicator_id !== null && x.value !== null)
    .map((target): TargetCard => {
      const indicator = model.indicator.get(target.indicator_id!)!;
      const latest = latestOf(model, indicator.id, 'national', 'VN');
      const gap = latest ? gapToTarget(latest.value, target) : null;
      const values = snapshotsInOrder(seriesOf(model, indicator.id, 'national', 'VN')) as ValuedObservation[];
      return {
        title: { text: textIn(lang, indicator, 'name'), href: href(lang, indicatorPath(indicator.id)) },
        target: `${t(lang, 'target')}: ${formatComparator(target.comparator)} ${formatTick(target.value!, indicator, lang)} (${target.deadline!.slice(0, 4)}, ${target.document_id})`,
        value: latest ? formatValue(latest.value, indicator, lang, t(lang, 'notAvailable')) : null,
        period: latest ? `${formatPeriod(latest.period, lang)}${latest.as_of ? ` (${asOfText(latest.as_of, lang)})` : ''}` : null,
        source: latest ? sourceRef(model, lang, latest.source_id, latest.published_on) : null,
        gap: gap?.kind === 'gap' ? `${t(lang, 'gap')}: ${formatGap(gap.gap, indicator, lang)}` : null,
        history:
          values.length >= 2
            ? values.map((o) => `${formatPeriod(o.as_of ?? o.period, lang)}: ${formatValue(o.value, indicator, lang, '')}`).join(' · ')
            : null,
        progress: withPage.has(target.id) ? { text: t(lang, 'targetProgressLink'), href: href(lang, targetPath(target.id)) } : null,
      };
    });
  const pastDeadline = model.tasks.filter((x) => x.computed === 'past_deadline').length;
  return {
    lang,
    asOf: model.asOf,
    asOfText: formatDate(model.asOf, lang),
    counts: t(lang, 'homeCounts', {
      tasks: String(model.tasks.length),
      targets: String(model.tables.targets.length),
      figures: formatNumber(model.tables.observations.length, lang, 0),
      provinces: String(model.provinces.length),
    }),
    overdue: model.tasks.filter((x) => x.computed === 'overdue_reported').sort(byDeadline),
    overdueTitle: label(lang, 'overdue_reported'),
    pastDeadline: {
      text: model.reportsCheckedOn
        ? t(lang, 'homePastDeadlineChecked', { count: pastDeadline, checkedOn: formatDate(model.reportsCheckedOn, lang) })
        : t(lang, 'homePastDeadline', { count: pastDeadline }),
      href: href(lang, '/tasks/status/past_deadline/'),
    },
    dueSoon: model.tasks.filter((x) => x.computed === 'due_soon').sort(byDeadline),
    dueSoonTitle: t(lang, 'dueSoon', { days: DUE_SOON_DAYS }),
    figures,
    targets,
  };
}
