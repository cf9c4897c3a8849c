/**
 * The status a reader sees, derived at build time from the task's progress reports, its normalized
 * deadline and the dataset's as-of date (never the clock). Rules: docs/status-rules.md.
 */
import type { AgencyRow, AgencySuccessionRow, ProgressReportRow, ReportedStatus, TaskRow } from '../../schemas/index.ts';
import { formatDate, type Lang } from '../format.ts';
import { t } from '../i18n/index.ts';
import { dueDate } from '../data/task-due.ts';

export { compareDueGroups, taskDueGroup } from '../data/task-due.ts';

/** Display statuses, most pressing first (the order of the tracker). */
export const COMPUTED_STATUSES = [
  'overdue_reported',
  'past_deadline',
  'due_soon',
  'in_progress',
  'not_started',
  'not_yet_due',
  'no_deadline',
  'ongoing',
  'done_on_time',
  'done_late',
  'done',
  'cancelled',
  'revised',
] as const;
export type ComputedStatus = (typeof COMPUTED_STATUSES)[number];

/** Days before a deadline when a task without a report counts as due soon. */
export const DUE_SOON_DAYS = 30;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type Report = Pick<ProgressReportRow, 'reported_on' | 'describes_on' | 'status' | 'completed_on' | 'source_id' | 'status_word'>;

/** A task's reports in the order they were made: by report date, then by the date described. */
export function sortReports<R extends Report>(reports: readonly R[]): R[] {
  return [...reports].sort((a, b) => a.reported_on.localeCompare(b.reported_on) || a.describes_on.localeCompare(b.describes_on));
}

/** The current reported status: the latest report made on or before the as-of date, or null. */
export function latestReport<R extends Report>(reports: readonly R[], asOf: string): R | null {
  const known = sortReports(reports).filter((r) => r.reported_on <= asOf);
  return known.length > 0 ? known[known.length - 1]! : null;
}

export interface TaskStatus {
  kind: ComputedStatus;
  /** The report the status rests on (the latest on or before as-of), or null when there is none. */
  report: Report | null;
  /** Due date: end of the normalized period; null for standing tasks and when none is stated. */
  due: string | null;
  /** The date sources were last searched for reports (dataset.json reports_checked_on). */
  checkedOn: string | null;
  /** The later task that revises this one, if any. */
  revisedBy: string | null;
}

export interface StatusInput {
  due_period: TaskRow['due_period'];
  recurrence: TaskRow['recurrence'];
  reports: readonly Report[];
  revisedBy?: string | null;
}

/**
 * The derived status. A reported word always wins over a computed one ("Quá hạn" is shown as the
 * report's, never as ours); a task past its deadline with no completion reported is "past deadline",
 * not "overdue"; a standing task is never past its deadline.
 */
export function deriveTaskStatus(
  task: StatusInput,
  asOf: string,
  checkedOn: string | null = null,
  dueSoonDays = DUE_SOON_DAYS,
): TaskStatus {
  const recurring = task.recurrence !== 'none';
  const due = recurring ? null : dueDate(task.due_period);
  const report = latestReport(task.reports, asOf);
  const revisedBy = task.revisedBy ?? null;
  const make = (kind: ComputedStatus): TaskStatus => ({ kind, report, due, checkedOn, revisedBy });
  const reported: ReportedStatus | null = report?.status ?? null;
  if (reported === 'cancelled') return make('cancelled');
  if (reported === 'done') {
    if (report!.completed_on === null || due === null) return make('done');
    return make(report!.completed_on <= due ? 'done_on_time' : 'done_late');
  }
  if (report === null && revisedBy !== null) return make('revised');
  if (recurring) return make('ongoing');
  if (reported === 'overdue_reported') return make('overdue_reported');
  if (due !== null && due < asOf) return make('past_deadline');
  if (reported === 'in_progress') return make('in_progress');
  if (reported === 'not_started') return make('not_started');
  if (due === null) return make('no_deadline');
  return make(daysBetween(asOf, due) <= dueSoonDays ? 'due_soon' : 'not_yet_due');
}

/** Days past the due date (positive) or left before it (negative), as of `asOf`; null without one. */
export function daysOverdue(task: { deadline: string | null }, asOf: string): number | null {
  return task.deadline === null ? null : daysBetween(task.deadline, asOf);
}

/** The short status word, in the Government's own words where it has one. */
export function statusWord(kind: ComputedStatus, lang: Lang): string {
  return t(lang, `statusWord.${kind}`);
}

/**
 * The status as a sentence that says exactly what is known: whose report, of when; or that no
 * report was found in the sources checked up to a date. `source` names a report's source for the reader.
 */
export function describeTaskStatus(status: TaskStatus, lang: Lang, source: (sourceId: string) => string = (s) => s): string {
  const d = (date: string) => formatDate(date, lang);
  const r = status.report;
  const reportedOn = r ? d(r.describes_on) : '';
  const checkedOn = status.checkedOn ? d(status.checkedOn) : null;
  const noReport = checkedOn ? t(lang, 'statusRule.noReport', { checkedOn }) : t(lang, 'statusRule.noReportUndated');
  const noCompletion = checkedOn ? t(lang, 'statusRule.noCompletion', { checkedOn }) : t(lang, 'statusRule.noCompletionUndated');
  const word = statusWord(status.kind, lang);
  const src = r ? source(r.source_id) : '';
  switch (status.kind) {
    case 'done_on_time':
    case 'done_late':
      return t(lang, 'statusRule.doneOn', { word, date: d(r!.completed_on!), source: src });
    case 'done':
      return t(lang, 'statusRule.doneUndated', { word, source: src, reportedOn });
    case 'cancelled':
    case 'in_progress':
    case 'not_started':
      return t(lang, 'statusRule.reported', { word, source: src, reportedOn });
    case 'overdue_reported':
      return t(lang, 'statusRule.overdueReported', { word, source: src, reportedOn });
    case 'past_deadline':
      return r
        ? t(lang, 'statusRule.pastDeadlineLast', { word, due: d(status.due!), last: r.status_word, reportedOn, noCompletion })
        : t(lang, 'statusRule.pastDeadline', { word, due: d(status.due!), noCompletion });
    case 'ongoing':
      return r
        ? t(lang, 'statusRule.lastReport', { word, last: r.status_word, reportedOn })
        : t(lang, 'statusRule.withNoReport', { word, noReport });
    case 'revised':
      return t(lang, 'statusRule.revised', { word, task: status.revisedBy ?? '', noReport });
    case 'due_soon':
    case 'not_yet_due':
      return t(lang, 'statusRule.due', { word, due: d(status.due!), noReport });
    case 'no_deadline':
      return t(lang, 'statusRule.withNoReport', { word, noReport });
  }
}

// --- agencies ------------------------------------------------------------------------------------

/**
 * The bodies that carry on an agency's work on `date`, following dated successions (a merged
 * ministry, a province merged on 1 July 2025) until a body with no later succession. The agency
 * itself when nothing succeeded it. Cycles are refused by the validator; here they only stop the walk.
 */
export function successorsOn(
  agencyId: string,
  successions: readonly Pick<AgencySuccessionRow, 'agency_id' | 'successor_id' | 'effective_on'>[],
  date: string,
): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const next = successions.filter((s) => s.agency_id === id && s.effective_on <= date);
    if (next.length === 0) out.add(id);
    for (const s of next) walk(s.successor_id);
  };
  walk(agencyId);
  return [...out];
}

const ALL_LOCALITIES: ReadonlySet<string> = new Set(['all_localities', 'all_ministries_and_localities']);
/** Phrases of a co-ordinating list that address every locality. */
const EVERY_LOCALITY = /(^|[;,]\s*)(các )?(bộ, ngành, )?(các )?địa phương($|[;,]|\s*(và|,))/iu;

export type ProvinceReason = 'addressed' | 'every_locality' | 'coordinating_every_locality';

/**
 * Why a task applies to a province, or null: addressed to it (its area, or an owner that is one of
 * its bodies, a body of a former province merged into it included), or to every locality as lead
 * ("Các bộ, ngành, địa phương", "Các địa phương") or as co-ordinating agencies.
 */
export function provinceReason(
  task: Pick<TaskRow, 'area_level' | 'area_code' | 'co_owners'> & { ownerIds: readonly string[] },
  provinceCode: string,
  agency: ReadonlyMap<string, Pick<AgencyRow, 'kind' | 'province_code' | 'former_province_code'>>,
  successorOfFormer: ReadonlyMap<string, string>,
): ProvinceReason | null {
  if (task.area_level === 'province' && task.area_code === provinceCode) return 'addressed';
  const owners = task.ownerIds.map((id) => agency.get(id)).filter((a) => a !== undefined);
  if (
    owners.some(
      (a) =>
        a.province_code === provinceCode ||
        (a.former_province_code !== null && successorOfFormer.get(a.former_province_code) === provinceCode),
    )
  )
    return 'addressed';
  if (task.area_level !== 'national') return null;
  if (owners.some((a) => ALL_LOCALITIES.has(a.kind))) return 'every_locality';
  if (task.co_owners !== null && EVERY_LOCALITY.test(task.co_owners)) return 'coordinating_every_locality';
  return null;
}

/** The counts of an agency's scorecard: facts only, no score. */
export interface Scorecard {
  total: number;
  done_on_time: number;
  done_late: number;
  done_date_not_reported: number;
  overdue_reported: number;
  past_deadline_without_completion: number;
  in_progress: number;
  ongoing: number;
  not_yet_due: number;
  no_deadline: number;
  cancelled: number;
  revised: number;
}

export function scorecard(statuses: readonly ComputedStatus[]): Scorecard {
  const count = (...kinds: ComputedStatus[]) => statuses.filter((s) => kinds.includes(s)).length;
  return {
    total: statuses.length,
    done_on_time: count('done_on_time'),
    done_late: count('done_late'),
    done_date_not_reported: count('done'),
    overdue_reported: count('overdue_reported'),
    past_deadline_without_completion: count('past_deadline'),
    in_progress: count('in_progress', 'not_started'),
    ongoing: count('ongoing'),
    not_yet_due: count('not_yet_due', 'due_soon'),
    no_deadline: count('no_deadline'),
    cancelled: count('cancelled'),
    revised: count('revised'),
  };
}

// --- tracker facets ------------------------------------------------------------------------------

/**
 * The programme a task belongs to, for the tracker: a section (I–VII) of Appendix II of 03/NQ-CP,
 * the list of 71/NQ-CP, or the tasks of the seed articles (every other assigning document).
 */
export const TASK_PROGRAMMES = ['nq03-i', 'nq03-ii', 'nq03-iii', 'nq03-iv', 'nq03-v', 'nq03-vi', 'nq03-vii', 'nq71', 'seeds'] as const;
export type TaskProgramme = (typeof TASK_PROGRAMMES)[number];

export function taskProgramme(task: Pick<TaskRow, 'document_id' | 'section'>): TaskProgramme {
  if (task.document_id === '71/NQ-CP') return 'nq71';
  if (task.document_id === '03/NQ-CP') {
    const key = `nq03-${(task.section ?? '').toLowerCase()}`;
    if ((TASK_PROGRAMMES as readonly string[]).includes(key)) return key as TaskProgramme;
  }
  return 'seeds';
}
