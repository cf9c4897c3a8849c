/**
 * The page of an agency (/agencies/{id}/) and the list of agencies (/agencies/). An agency's tasks
 * are those it carries on the as-of date (tasksByCurrentOwner: its own and its predecessors'); each
 * keeps its owner as written. The scorecard is counts of derived statuses (agencyScorecard): facts, no score.
 */
import { formatDate } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import { agencyScorecard, type Model, type TaskView } from '../model/index.ts';
import { COMPUTED_STATUSES, type ComputedStatus, type Scorecard } from '../model/tasks.ts';
import { agencyPath, href, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { groupTasksByProgramme, type TaskGroup } from './task.ts';

export interface AgencyPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  kind: string;
  note: string | null;
  /**
   * "Merged into X on D" and "carries the tasks of Y since D", from agency_successions.csv. `text` is
   * the sentence; `before`, `agency`, `after` are the same sentence split around the other body's
   * name, so a page links the name where it stands and names it once.
   */
  successions: { text: string; before: string; agency: Link; after: string; date: string }[];
  asOf: string;
  /** The scorecard rows that are not zero, with their label and count. */
  scorecard: { key: keyof Scorecard; text: string; count: number }[];
  total: number;
  tasks: TaskView[];
  /** The tasks by programme when there are more than GROUP_TASKS_ABOVE of them (one table otherwise). */
  groups: TaskGroup[] | null;
  /** Counts of its tasks as dated sources state them (agency_reports.csv): never statuses of tasks. */
  reports: AgencyReportView[];
}

export interface AgencyReportView {
  /** "As of 31 Jul 2025" (the date the count describes), else "Source dated 11 Mar 2026". */
  date: string;
  text: string;
  quote: string;
  quoteLang: 'vi' | 'en';
  scope: string;
  source: SourceView;
  note: string | null;
}

/** Above this many tasks an agency page lists them by programme, each group collapsed with its counts. */
export const GROUP_TASKS_ABOVE = 20;

const SCORECARD_LABELS: Record<Exclude<keyof Scorecard, 'total'>, ComputedStatus> = {
  done_on_time: 'done_on_time',
  done_late: 'done_late',
  done_date_not_reported: 'done',
  overdue_reported: 'overdue_reported',
  past_deadline_without_completion: 'past_deadline',
  in_progress: 'in_progress',
  ongoing: 'ongoing',
  not_yet_due: 'not_yet_due',
  no_deadline: 'no_deadline',
  cancelled: 'cancelled',
  revised: 'revised',
};

function scorecardText(lang: Lang, key: Exclude<keyof Scorecard, 'total'>): string {
  if (key === 'in_progress') return t(lang, 'scorecardInProgress');
  if (key === 'not_yet_due') return t(lang, 'scorecardNotYetDue');
  return label(lang, SCORECARD_LABELS[key]);
}

function agencyLink(model: Model, id: string, lang: Lang): Link {
  const agency = model.agency.get(id);
  return { text: agency ? textIn(lang, agency, 'name') : id, href: href(lang, agencyPath(id)) };
}

export function agencyPage(model: Model, id: string, lang: Lang): AgencyPage {
  const agency = model.agency.get(id);
  if (!agency) throw new Error(`No agency with id ${id}.`);
  const order = (s: TaskView['computed']) => COMPUTED_STATUSES.indexOf(s);
  const tasks = [...(model.tasksByCurrentOwner.get(id) ?? [])].sort(
    (a, b) => order(a.computed) - order(b.computed) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
  );
  const card = agencyScorecard(model, id);
  const successions = [
    ...model.successions
      .filter((s) => s.agency_id === id)
      .map((s) => ({ key: 'mergedInto' as const, other: s.successor_id, date: s.effective_on })),
    ...model.successions
      .filter((s) => s.successor_id === id)
      .map((s) => ({ key: 'carriesTasksOf' as const, other: s.agency_id, date: s.effective_on })),
  ].map((s) => {
    const other = agencyLink(model, s.other, lang);
    const date = formatDate(s.date, lang);
    const [before = '', after = ''] = t(lang, s.key, { agency: '\u0000', date }).split('\u0000');
    return { text: t(lang, s.key, { agency: other.text, date }), before, agency: other, after, date };
  });
  const name = textIn(lang, agency, 'name');
  const checkedOn = model.reportsCheckedOn ? formatDate(model.reportsCheckedOn, lang) : '—';
  return {
    lang,
    path: agencyPath(id),
    title: name,
    description: t(lang, 'agencyDescription', { count: String(tasks.length), asOf: formatDate(model.asOf, lang) }),
    kind: label(lang, agency.kind),
    note: agency.note,
    successions,
    asOf: t(lang, 'scorecardAsOf', { asOf: formatDate(model.asOf, lang), checkedOn }),
    scorecard: (Object.keys(SCORECARD_LABELS) as Exclude<keyof Scorecard, 'total'>[])
      .filter((key) => card[key] > 0)
      .map((key) => ({ key, text: scorecardText(lang, key), count: card[key] })),
    total: card.total,
    tasks,
    groups: tasks.length > GROUP_TASKS_ABOVE ? groupTasksByProgramme(tasks, lang) : null,
    reports: (model.agencyReports.get(id) ?? []).map((r) => ({
      date: r.as_of
        ? t(lang, 'agencyReportAsOf', { date: formatDate(r.as_of, lang) })
        : t(lang, 'agencyReportPublished', { date: formatDate(r.published_on!, lang) }),
      text: t(lang, `agencyReport.${r.measure}`, { count: r.value }),
      quote: r.quote,
      quoteLang: r.quote_lang,
      scope: r.scope_en,
      source: sourceRef(model, lang, r.source_id, r.published_on),
      note: r.note,
    })),
  };
}

export interface AgenciesPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  /** Every agency, by name, with the number of tasks it carries today. */
  agencies: { link: Link; kind: string; tasks: number; successor: Link | null }[];
}

export function agenciesPage(model: Model, lang: Lang): AgenciesPage {
  const collator = new Intl.Collator(lang);
  return {
    lang,
    path: '/agencies/',
    title: t(lang, 'agencies'),
    description: t(lang, 'agenciesDescription', { asOf: formatDate(model.asOf, lang) }),
    agencies: model.agencies
      .map((a) => {
        const next = model.successions.find((s) => s.agency_id === a.id && s.effective_on <= model.asOf);
        return {
          link: agencyLink(model, a.id, lang),
          kind: label(lang, a.kind),
          tasks: model.tasksByCurrentOwner.get(a.id)?.length ?? 0,
          successor: next ? agencyLink(model, next.successor_id, lang) : null,
        };
      })
      .sort((a, b) => collator.compare(a.link.text, b.link.text)),
  };
}
