/**
 * The page of a task (/tasks/{id}/) and the task tracker (/tasks/, /tasks/status/{status}/). The
 * status words come from the dictionaries; the explanation of a derived status from the model
 * (describeTaskStatus in lib/model/tasks.ts: the latest report, or the rule that applied).
 */
import { formatDate } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import { documentLabel } from '../model/documents.ts';
import { COMPUTED_STATUSES, describeTaskStatus, type ComputedStatus } from '../model/tasks.ts';
import { isSafeUrl } from '../../schemas/cells.ts';
import { agencyPath, communePath, documentPath, href, provincePath, taskPath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { taskCite, type FigureCite } from './cite.ts';

export interface TaskPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  provinceName: string | undefined;
  status: ComputedStatus;
  /** Why the task has its status, as of the dataset's date. */
  rule: string;
  owner: string;
  /** The agency pages of the owners as written and of the bodies that carry the task today. */
  agencyLinks: Link[];
  area: Link | string;
  document: Link;
  assignedOn: string;
  deadline: { date: string; text: string } | null;
  reported: string;
  evidence: Link | null;
  source: SourceView;
  note: string | null;
  /** The Vietnamese title, on English pages only. */
  titleVi: string | null;
  /** The assignment as written in the assigning document (Vietnamese). */
  coOwners: string | null;
  expectedOutput: string | null;
  dueAsWritten: string | null;
  /** Today's bodies when the owner as written was succeeded (agency_successions.csv); empty otherwise. */
  ownersNow: string[];
  revises: Link | null;
  revisedBy: Link | null;
  /** Every progress report, oldest first; `reportsNone` says so when there is none. */
  reports: TaskReportView[];
  reportsNone: string | null;
  /** "Cite this" and "report a problem" for the task (cite.ts). */
  cite: FigureCite;
}

export interface TaskReportView {
  reportedOn: string;
  describesOn: string;
  /** The status word as the report writes it, and the normalized status it was read as. */
  word: string;
  status: string;
  evidence: string | null;
  doneBy: Link | string | null;
  completedOn: string | null;
  source: SourceView;
  note: string | null;
}

function taskLink(model: Model, id: string | null, lang: Lang): Link | null {
  const other = id === null ? undefined : model.task.get(id);
  return other ? { text: textIn(lang, other, 'title'), href: href(lang, taskPath(other.id)) } : null;
}

/** Why a task has its derived status, in words: the latest report, or the rule that applied (lib/model/tasks.ts). */
export function statusRule(task: Pick<TaskView, 'statusInfo'>, lang: Lang): string {
  return describeTaskStatus(task.statusInfo, lang);
}

export function taskPage(model: Model, id: string, lang: Lang): TaskPage {
  const task = model.task.get(id);
  if (!task) throw new Error(`No task with id ${id}.`);
  const doc = model.document.get(task.document_id)!;
  const province = task.area_level === 'province' ? model.province.get(task.area_code!) : undefined;
  const commune = task.area_level === 'commune' ? model.commune.get(task.area_code!) : undefined;
  const owner = textIn(lang, task, 'owner');
  return {
    lang,
    path: taskPath(id),
    title: textIn(lang, task, 'title'),
    description: `${owner} — ${label(lang, task.computed)}${task.deadline ? ` · ${t(lang, 'deadline')} ${formatDate(task.deadline, lang)}` : ''}`,
    provinceName: province?.name_vi ?? undefined,
    status: task.computed,
    rule: statusRule(task, lang),
    owner,
    agencyLinks: [...new Set([...task.ownerIds, ...task.ownersNow])].flatMap((id) => {
      const agency = model.agency.get(id);
      return agency ? [{ text: textIn(lang, agency, 'name'), href: href(lang, agencyPath(id)) }] : [];
    }),
    area: province
      ? { text: province.full_name_vi, href: href(lang, provincePath(province.code)) }
      : commune
        ? { text: commune.full_name_vi, href: href(lang, communePath(commune.code)) }
        : t(lang, 'national'),
    document: { text: documentLabel(doc, lang), href: href(lang, documentPath(doc.id)) },
    assignedOn: task.assigned_on ? formatDate(task.assigned_on, lang) : '—',
    deadline: task.deadline ? { date: task.deadline, text: formatDate(task.deadline, lang) } : null,
    reported: `${task.status ? label(lang, task.status) : '—'}${task.completed_on ? ` · ${t(lang, 'completedOn')} ${formatDate(task.completed_on, lang)}` : ''}`,
    evidence:
      task.evidence_url && isSafeUrl(task.evidence_url) ? { text: new URL(task.evidence_url).hostname, href: task.evidence_url } : null,
    source: sourceRef(model, lang, task.source_id, model.document.get(task.source_id)?.issued_on ?? null),
    cite: taskCite(model, lang, task, label(lang, task.computed), taskPath(id)),
    note: task.note,
    titleVi: lang === 'en' ? task.title_vi : null,
    coOwners: task.co_owners,
    expectedOutput: task.expected_output,
    dueAsWritten: task.due_text,
    ownersNow: task.ownersNow
      .filter((id) => !task.ownerIds.includes(id))
      .map((id) => textIn(lang, model.agency.get(id) ?? { name_vi: id, name_en: id }, 'name')),
    revises: taskLink(model, task.revises, lang),
    revisedBy: taskLink(model, task.revisedBy, lang),
    reports: task.reports.map((r) => {
      const doneBy = r.done_by_document === null ? undefined : model.document.get(r.done_by_document);
      return {
        reportedOn: formatDate(r.reported_on, lang),
        describesOn: formatDate(r.describes_on, lang),
        word: r.status_word,
        status: label(lang, r.status),
        evidence: r.evidence_vi,
        doneBy: doneBy ? { text: documentLabel(doneBy, lang), href: href(lang, documentPath(doneBy.id)) } : r.done_by_document,
        completedOn: r.completed_on ? formatDate(r.completed_on, lang) : null,
        source: sourceRef(model, lang, r.source_id, r.reported_on),
        note: r.note,
      };
    }),
    reportsNone:
      task.reports.length === 0
        ? t(lang, 'reportHistoryNone', { checkedOn: model.reportsCheckedOn ? formatDate(model.reportsCheckedOn, lang) : '—' })
        : null,
  };
}

export interface TasksPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  lead: string;
  breadcrumbs: [string, string][];
  all: { text: string; href: string; current: boolean };
  /** One filter link per status that has tasks. */
  filters: { status: ComputedStatus; text: string; href: string; current: boolean }[];
  /** The words and choices of the script that filters the table in the browser (task-filter.ts). */
  filterData: { statuses: string; labels: string } | null;
  tasks: TaskView[];
}

export function tasksPage(model: Model, status: ComputedStatus | null, lang: Lang): TasksPage {
  const order = (s: ComputedStatus) => COMPUTED_STATUSES.indexOf(s);
  const tasks = model.tasks
    .filter((x) => status === null || x.computed === status)
    .sort((a, b) => order(a.computed) - order(b.computed) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const counts = new Map(COMPUTED_STATUSES.map((s) => [s, model.tasks.filter((x) => x.computed === s).length]));
  const present = COMPUTED_STATUSES.filter((s) => counts.get(s)! > 0);
  const title = status ? `${t(lang, 'tasks')}: ${label(lang, status)}` : t(lang, 'tasks');
  const asOf = formatDate(model.asOf, lang);
  return {
    lang,
    path: status ? `/tasks/status/${status}/` : '/tasks/',
    title,
    description: t(lang, 'tasksDescription', { count: String(model.tasks.length), asOf }),
    lead: t(lang, 'tasksLead', { asOf }),
    breadcrumbs: status ? [[t(lang, 'tasks'), '/tasks/']] : [],
    all: { text: `${t(lang, 'allTasks')} (${model.tasks.length})`, href: href(lang, '/tasks/'), current: status === null },
    filters: present.map((s) => ({
      status: s,
      text: `${label(lang, s)} (${counts.get(s)})`,
      href: href(lang, `/tasks/status/${s}/`),
      current: status === s,
    })),
    filterData:
      status === null
        ? {
            statuses: JSON.stringify(present.map((s) => [s, label(lang, s)])),
            labels: JSON.stringify({
              filter: t(lang, 'filter'),
              status: t(lang, 'status'),
              owner: t(lang, 'owner'),
              all: t(lang, 'allTasks'),
              text: t(lang, 'filterContains'),
              sort: t(lang, 'filterSort'),
              byDeadline: t(lang, 'filterByDeadline'),
              byStatus: t(lang, 'filterByStatusSort'),
              shown: t(lang, 'filterShown'),
            }),
          }
        : null,
    tasks,
  };
}
