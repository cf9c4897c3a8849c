/**
 * The page of a task (/tasks/{id}/) and the task tracker (/tasks/ and its single-filter pages). The
 * status words come from the dictionaries; the explanation of a derived status from the model
 * (describeTaskStatus in lib/model/tasks.ts: the latest report, or the rule that applied).
 */
import { formatDate, formatPeriod } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import { documentLabel } from '../model/documents.ts';
import {
  COMPUTED_STATUSES,
  TASK_PROGRAMMES,
  compareDueGroups,
  describeTaskStatus,
  taskDueGroup,
  taskProgramme,
  type ComputedStatus,
  type TaskProgramme,
} from '../model/tasks.ts';
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

/** A single filter of the tracker, a static page each: /tasks/status/{key}/, /tasks/programme/{key}/, /tasks/due/{key}/. */
export type TaskFacet = 'status' | 'programme' | 'due';
export interface TrackerFilter {
  facet: TaskFacet;
  key: string;
}

export interface FilterLink {
  key: string;
  text: string;
  href: string;
  current: boolean;
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
  filters: (FilterLink & { status: ComputedStatus })[];
  /** One link per programme (03/NQ-CP section, 71/NQ-CP, seed articles) and per deadline group that has tasks. */
  programmes: FilterLink[];
  dues: FilterLink[];
  /** The agency pages of the bodies that carry tasks today, with their counts (an agency page is that filter). */
  agencies: FilterLink[];
  /**
   * The words of the script that filters the table in the browser (task-filter.ts), on /tasks/ only;
   * its choices are the filter links above, and a row names its agencies by their position in `agencies`.
   */
  filterData: { labels: string; agencyIndex: Map<string, number> } | null;
  tasks: TaskView[];
}

export function programmeLabel(lang: Lang, programme: TaskProgramme): string {
  return t(lang, `programme.${programme}`);
}

/** "Hạn trong Quý 2/2025" / "Due in Q2 2025"; the standing and undated groups by name. */
export function dueGroupLabel(lang: Lang, group: string): string {
  if (group === 'recurring') return t(lang, 'dueGroupRecurring');
  if (group === 'none') return t(lang, 'dueGroupNone');
  return t(lang, 'dueGroupQuarter', { period: formatPeriod(group.toUpperCase(), lang) });
}

function facetOf(task: TaskView, facet: TaskFacet): string {
  if (facet === 'status') return task.computed;
  if (facet === 'programme') return taskProgramme(task);
  return taskDueGroup(task);
}

/** Every single-filter page of the tracker that has tasks (getStaticPaths of the programme and due routes). */
export function trackerFilters(model: Model, facet: TaskFacet): string[] {
  const present = new Set(model.tasks.map((x) => facetOf(x, facet)));
  if (facet === 'status') return COMPUTED_STATUSES.filter((s) => present.has(s));
  if (facet === 'programme') return TASK_PROGRAMMES.filter((p) => present.has(p));
  return [...present].sort(compareDueGroups);
}

function facetText(lang: Lang, facet: TaskFacet, key: string): string {
  if (facet === 'status') return label(lang, key);
  if (facet === 'programme') return programmeLabel(lang, key as TaskProgramme);
  return dueGroupLabel(lang, key);
}

export function tasksPage(model: Model, filter: TrackerFilter | null, lang: Lang): TasksPage {
  const order = (s: ComputedStatus) => COMPUTED_STATUSES.indexOf(s);
  const tasks = model.tasks
    .filter((x) => filter === null || facetOf(x, filter.facet) === filter.key)
    .sort((a, b) => order(a.computed) - order(b.computed) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  const links = (facet: TaskFacet): FilterLink[] =>
    trackerFilters(model, facet).map((key) => ({
      key,
      text: `${facetText(lang, facet, key)} (${model.tasks.filter((x) => facetOf(x, facet) === key).length})`,
      href: href(lang, `/tasks/${facet}/${key}/`),
      current: filter?.facet === facet && filter.key === key,
    }));
  const collator = new Intl.Collator(lang);
  const agencies = model.agencies
    .map((a) => ({ id: a.id, name: textIn(lang, a, 'name'), count: model.tasksByCurrentOwner.get(a.id)?.length ?? 0 }))
    .filter((a) => a.count > 0)
    .sort((a, b) => collator.compare(a.name, b.name));
  const title = filter ? `${t(lang, 'tasks')}: ${facetText(lang, filter.facet, filter.key)}` : t(lang, 'tasks');
  const asOf = formatDate(model.asOf, lang);
  const statuses = links('status');
  const programmes = links('programme');
  const dues = links('due');
  return {
    lang,
    path: filter ? `/tasks/${filter.facet}/${filter.key}/` : '/tasks/',
    title,
    description: t(lang, 'tasksDescription', { count: String(model.tasks.length), asOf }),
    lead: t(lang, 'tasksLead', { asOf }),
    breadcrumbs: filter ? [[t(lang, 'tasks'), '/tasks/']] : [],
    all: { text: `${t(lang, 'allTasks')} (${model.tasks.length})`, href: href(lang, '/tasks/'), current: filter === null },
    filters: statuses.map((l) => ({ ...l, status: l.key as ComputedStatus })),
    programmes,
    dues,
    agencies: agencies.map((a) => ({
      key: a.id,
      text: `${a.name} (${a.count})`,
      href: `${href(lang, agencyPath(a.id))}#tasks`,
      current: false,
    })),
    filterData:
      filter === null
        ? {
            agencyIndex: new Map(agencies.map((a, i) => [a.id, i])),
            labels: JSON.stringify({
              filter: t(lang, 'filter'),
              status: t(lang, 'status'),
              programme: t(lang, 'filterProgramme'),
              due: t(lang, 'filterDue'),
              agency: t(lang, 'filterAgency'),
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

/** Tasks of one programme, for the grouped lists of long agency and province pages. */
export interface TaskGroup {
  key: TaskProgramme;
  title: string;
  /** "29 tasks" and the statuses among them, most pressing first ("Past deadline 20 · Done on time 9"). */
  count: string;
  statuses: string;
  tasks: TaskView[];
}

/** A list of tasks split by programme (03/NQ-CP sections, 71/NQ-CP, seed articles), each group keeping the list's order. */
export function groupTasksByProgramme(tasks: readonly TaskView[], lang: Lang): TaskGroup[] {
  return TASK_PROGRAMMES.flatMap((key) => {
    const group = tasks.filter((x) => taskProgramme(x) === key);
    if (group.length === 0) return [];
    const statuses = COMPUTED_STATUSES.flatMap((s) => {
      const n = group.filter((x) => x.computed === s).length;
      return n > 0 ? [`${label(lang, s)} ${n}`] : [];
    }).join(' · ');
    return [{ key, title: programmeLabel(lang, key), count: t(lang, 'taskGroupCount', { count: group.length }), statuses, tasks: group }];
  });
}
