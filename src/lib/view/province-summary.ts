/**
 * The summary at the top of a province page (issue 16): what a reader takes in within ten seconds.
 * Tasks that apply, counted by their derived status (model/tasks.ts, never a status of our own);
 * the latest published rank on each ranked indicator, with the change since the previous published
 * rank only when both are on the same basis (a rank of 34 and a rank of 63 are not comparable, and
 * the summary says so instead of computing a change); the data's as-of date. Every line links to
 * the details: the page's own sections, the task tracker, the indicator pages.
 */
import { formatDate, formatPeriod } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import { snapshotsInOrder } from '../model/snapshots.ts';
import { scorecard } from '../model/tasks.ts';
import type { ObservationRow } from '../../schemas/index.ts';
import { areaKey } from '../model/keys.ts';
import { formerProvincePath, href, indicatorPath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { asOfText, seriesOf, type ValuedObservation } from './values.ts';

/** One published rank: its value, how many units it is among (null when the source does not say) and when. */
export type PublishedRank = Pick<ObservationRow, 'period' | 'as_of' | 'rank_of'> & { value: number };

/**
 * How a rank moved from `previous` to `latest`. A change is computed only when both ranks say how
 * many units they are among and it is the same number; `places` > 0 means a better (smaller) rank.
 */
export type RankChange =
  { kind: 'none' } | { kind: 'not-comparable'; previous: PublishedRank } | { kind: 'change'; places: number; previous: PublishedRank };

export function compareRanks(latest: PublishedRank, previous: PublishedRank | null): RankChange {
  if (previous === null) return { kind: 'none' };
  if (latest.rank_of === null || previous.rank_of === null || latest.rank_of !== previous.rank_of)
    return { kind: 'not-comparable', previous };
  return { kind: 'change', places: previous.value - latest.value, previous };
}

export interface TaskCount {
  key: 'total' | 'done' | 'in_progress' | 'past_deadline' | 'overdue_reported' | 'other';
  text: string;
  count: number;
}

export interface SummaryCount extends TaskCount {
  /** Where the tasks counted are listed. */
  href: string;
}

/**
 * Tasks counted by derived status (scorecard of model/tasks.ts): the total, done (on time, late or
 * undated), in progress as reported, past the deadline with no completion reported, reported overdue,
 * and the others; the counts after the total add up to it. Every key, in this order, zeros included.
 */
export function taskCounts(tasks: readonly Pick<TaskView, 'computed'>[], lang: Lang): TaskCount[] {
  const card = scorecard(tasks.map((x) => x.computed));
  const counts: TaskCount[] = [
    { key: 'total', text: t(lang, 'summaryTasksTotal'), count: card.total },
    { key: 'done', text: t(lang, 'code.done'), count: card.done_on_time + card.done_late + card.done_date_not_reported },
    { key: 'in_progress', text: t(lang, 'code.in_progress'), count: tasks.filter((x) => x.computed === 'in_progress').length },
    { key: 'past_deadline', text: t(lang, 'code.past_deadline'), count: card.past_deadline_without_completion },
    { key: 'overdue_reported', text: t(lang, 'code.overdue_reported'), count: card.overdue_reported },
  ];
  const listed = counts.slice(1).reduce((n, c) => n + c.count, 0);
  counts.push({ key: 'other', text: t(lang, 'summaryTasksOther'), count: card.total - listed });
  return counts;
}

export interface SummaryRank {
  indicator: Link;
  /** "hạng 3/34" / "3 of 34"; "3 of ?" when the source does not say among how many. */
  rank: string;
  period: string;
  /** The change since the previous published rank, or why there is none. */
  change: string;
  /** The former province whose earlier rank is cited (a province unchanged by the merger), else null. */
  previousOf: Link | null;
  source: SourceView;
}

export interface ProvinceSummary {
  heading: string;
  /** "Số liệu tính đến …; báo cáo tiến độ đã tra cứu đến …". */
  asOf: string;
  tasksHeading: string;
  counts: SummaryCount[];
  tasksNote: string;
  ranksHeading: string;
  ranks: SummaryRank[];
  /** Said when the province has no published rank. */
  noRanks: string | null;
  ranksNote: string;
  details: Link[];
}

const valued = (rows: readonly ObservationRow[]): ValuedObservation[] =>
  snapshotsInOrder(rows.filter((o): o is ValuedObservation => o.value !== null));

/** "hạng 3/34" / "3 of 34". */
export function formatRank(rank: PublishedRank, lang: Lang): string {
  return t(lang, 'summaryRankOf', { rank: String(rank.value), of: rank.rank_of === null ? '?' : String(rank.rank_of) });
}

const when = (r: PublishedRank, lang: Lang) =>
  r.as_of ? `${formatPeriod(r.period, lang)}, ${asOfText(r.as_of, lang)}` : formatPeriod(r.period, lang);

export function formatRankChange(change: RankChange, lang: Lang, merged: boolean): string {
  if (change.kind === 'none') return merged ? t(lang, 'summaryRankNoPreviousMerged') : t(lang, 'summaryRankNoPrevious');
  const previous = { rank: formatRank(change.previous, lang), when: when(change.previous, lang) };
  if (change.kind === 'not-comparable') return t(lang, 'summaryRankNotComparable', previous);
  if (change.places === 0) return t(lang, 'summaryRankSame', previous);
  return t(lang, change.places > 0 ? 'summaryRankUp' : 'summaryRankDown', { ...previous, count: Math.abs(change.places) });
}

export function provinceSummary(model: Model, code: string, lang: Lang): ProvinceSummary {
  const p = model.province.get(code);
  if (!p) throw new Error(`No province with code ${code}.`);
  const formers = model.formerBySuccessor.get(code) ?? [];
  // A province the merger left as it was has one former province of the same territory: its earlier
  // ranks are the same unit's (cited, never compared unless on the same basis). A merged one has none.
  const sameUnit = formers.length === 1 ? (formers[0] ?? null) : null;
  const counts: SummaryCount[] = taskCounts(model.tasksByArea.get(areaKey('province', code)) ?? [], lang).map((c) => ({
    ...c,
    href: '#tasks',
  }));

  const ranks: SummaryRank[] = [];
  for (const ind of model.tables.indicators.filter((i) => i.unit === 'rank')) {
    const own = valued(seriesOf(model, ind.id, 'province', code));
    const latest = own.at(-1);
    if (!latest) continue;
    let previous: ValuedObservation | null = own.at(-2) ?? null;
    let previousOf: Link | null = null;
    if (previous === null && sameUnit !== null) {
      previous =
        valued(seriesOf(model, ind.id, 'former_province', sameUnit.code))
          .filter((o) => o.period < latest.period)
          .at(-1) ?? null;
      if (previous) previousOf = { text: sameUnit.name_vi, href: href(lang, formerProvincePath(sameUnit.code)) };
    }
    ranks.push({
      indicator: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
      rank: formatRank(latest, lang),
      period: when(latest, lang),
      change: formatRankChange(compareRanks(latest, previous), lang, formers.length > 1),
      previousOf,
      source: sourceRef(model, lang, latest.source_id, latest.published_on),
    });
  }

  const checked = model.reportsCheckedOn;
  return {
    heading: t(lang, 'summaryHeading'),
    asOf: checked
      ? t(lang, 'summaryAsOfChecked', { asOf: formatDate(model.asOf, lang), checkedOn: formatDate(checked, lang) })
      : t(lang, 'summaryAsOf', { asOf: formatDate(model.asOf, lang) }),
    tasksHeading: t(lang, 'summaryTasksHeading'),
    counts: counts.filter((c) => (c.key !== 'overdue_reported' && c.key !== 'other') || c.count > 0),
    tasksNote: t(lang, 'summaryTasksNote'),
    ranksHeading: t(lang, 'summaryRanksHeading'),
    ranks,
    noRanks: ranks.length === 0 ? t(lang, 'summaryNoRanks') : null,
    ranksNote: t(lang, 'summaryRanksNote'),
    details: [
      { text: t(lang, 'summaryDetailsTasks'), href: '#tasks' },
      { text: t(lang, 'summaryDetailsDti'), href: '#dti' },
      { text: t(lang, 'summaryDetailsIndicators'), href: '#indicators' },
      { text: t(lang, 'summaryDetailsTracker'), href: href(lang, '/tasks/') },
    ],
  };
}
