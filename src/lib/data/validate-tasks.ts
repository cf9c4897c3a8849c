/**
 * Rules of the task tables (tasks, progress_reports, agencies, agency_successions, agency_reports) across rows,
 * over rows that passed their own schema. Pure: no file system. Every problem is reported at once.
 * Codes are permanent; they are listed in docs/validation-codes.md.
 */
import { STATUS_WORDS, TABLES, type TableName } from '../../schemas/index.ts';
import { parseDueText } from './task-due.ts';
import { rowReporter, type Issue, type RowReporter } from './issues.ts';
import type { RawDataset } from './read-dataset.ts';

const isoDate = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export function validateTasks(data: Pick<RawDataset, 'tables' | 'lines' | 'meta' | 'rawKeys'>): Issue[] {
  const { tables, lines, meta, rawKeys } = data;
  const issues: Issue[] = [];
  const fileOf = (name: TableName) => TABLES.find((t) => t.name === name)!.file;
  const report = (name: TableName, ...args: Parameters<RowReporter>) => rowReporter(issues, fileOf(name), lines[name])(...args);

  // --- tasks: owners exist; the normalized deadline agrees with the text as written ----------------------------
  const agencies = new Set([...tables.agencies.map((a) => a.id), ...rawKeys.agencies]);
  const taskById = new Map(tables.tasks.map((t) => [t.id, t]));
  const issuedOn = new Map(tables.documents.map((d) => [d.id, d.issued_on]));
  /** The earliest issued document of a task and of the tasks it revises, followed back (cycle-safe). */
  const firstAssignment = (task: (typeof tables.tasks)[number]): { document: string; issued: string } | null => {
    let best: { document: string; issued: string } | null = null;
    const seen = new Set<string>();
    for (let t: typeof task | undefined = task; t && !seen.has(t.id); t = t.revises === null ? undefined : taskById.get(t.revises)) {
      seen.add(t.id);
      const issued = issuedOn.get(t.document_id) ?? null;
      if (issued !== null && (best === null || issued < best.issued)) best = { document: t.document_id, issued };
    }
    return best;
  };
  tables.tasks.forEach((t, i) => {
    for (const id of t.owner_ids?.split(';') ?? []) {
      if (!agencies.has(id))
        report(
          'tasks',
          i,
          'owner_ids',
          'unknown-agency',
          id,
          `"${id}" is not an agency id of agencies.csv.`,
          'Add the body to agencies.csv first (name as written in the document), or correct the id.',
        );
    }
    if (t.due_period !== null && t.due_period.length === 10 && !isoDate(t.due_period)) {
      report(
        'tasks',
        i,
        'due_period',
        'invalid-date',
        t.due_period,
        `${t.due_period} does not exist in the calendar.`,
        'Check the day and month.',
      );
    }
    if (t.recurrence !== 'none' && t.due_period !== null && t.recurrence !== 'ongoing') {
      report(
        'tasks',
        i,
        'due_period',
        'due-period-mismatch',
        t.due_period,
        'A yearly task has no single due period.',
        'Empty due_period, or set recurrence to none.',
      );
    }
    const parsed = parseDueText(t.due_text);
    if (parsed === undefined) {
      if (t.due_period === null && t.recurrence === 'none') return;
      report(
        'tasks',
        i,
        'due_text',
        'due-text-unrecognized',
        t.due_text,
        `"${t.due_text}" is not a form the validator can read, so due_period ${t.due_period ?? '(empty)'} was not checked against it.`,
        'Check due_period and recurrence by hand and say in note how the text was read.',
        'warning',
      );
    } else if (parsed.period !== t.due_period || parsed.recurrence !== t.recurrence) {
      const expected = `${parsed.period ?? '(empty)'}, recurrence ${parsed.recurrence}`;
      report(
        'tasks',
        i,
        'due_period',
        'due-period-mismatch',
        t.due_period,
        `The completion time as written, "${t.due_text ?? ''}", reads as ${expected}, but the row has ${t.due_period ?? '(empty)'}, recurrence ${t.recurrence}.`,
        `Write due_period ${parsed.period ?? '(empty)'} and recurrence ${parsed.recurrence}, or correct due_text to the document's wording.`,
      );
    }
    if (t.revises !== null && t.revises === t.id)
      report(
        'tasks',
        i,
        'revises',
        'revises-itself',
        t.revises,
        'A task cannot revise itself.',
        'Give the id of the earlier task, or empty the cell.',
      );
  });

  // --- reports: vocabulary, evidence, dates, order ---------------------------------------------------------
  const asOf = meta?.as_of ?? null;
  const lastByTask = new Map<string, { index: number; reported_on: string }>();
  tables.progress_reports.forEach((r, i) => {
    if (r.status_word !== null) {
      const normalized = STATUS_WORDS[r.status_word];
      if (normalized === undefined) {
        report(
          'progress_reports',
          i,
          'status_word',
          'unknown-status-word',
          r.status_word,
          `"${r.status_word}" is not a status word of the vocabulary.`,
          `Copy the report's word if it is one of: ${Object.keys(STATUS_WORDS).join(', ')}; a new word is added to STATUS_WORDS (src/schemas/progress-reports.ts) with its meaning first.`,
        );
      } else if (r.status !== null && normalized !== r.status) {
        report(
          'progress_reports',
          i,
          'status',
          'status-word-mismatch',
          r.status,
          `"${r.status_word}" means ${normalized}, but status is ${r.status}.`,
          `Write status ${normalized}: the normalized value follows the report's word, never upgraded or downgraded.`,
        );
      }
    }
    if (r.status === 'done' && r.evidence_vi === null && r.done_by_document === null) {
      report(
        'progress_reports',
        i,
        'evidence_vi',
        'done-without-evidence',
        null,
        'A report of completion gives no evidence: neither the result in words nor the document that did it.',
        'Copy the result the report gives (evidence_vi) or the number of the document that did it (done_by_document); without either, the row cannot say done.',
      );
    }
    if (r.completed_on !== null && r.status !== 'done') {
      report(
        'progress_reports',
        i,
        'completed_on',
        'completed-without-done',
        r.completed_on,
        `completed_on is set but the reported status is ${r.status}.`,
        'Empty completed_on, or check the status word of the report.',
      );
    }
    if (r.reported_on !== null && r.describes_on !== null && r.describes_on > r.reported_on) {
      report(
        'progress_reports',
        i,
        'describes_on',
        'describes-after-reported',
        r.describes_on,
        `The report of ${r.reported_on} cannot describe a later date (${r.describes_on}).`,
        'Check both dates against the report.',
      );
    }
    for (const column of ['reported_on', 'describes_on', 'completed_on'] as const) {
      const value = r[column];
      if (asOf !== null && value !== null && value > asOf) {
        report(
          'progress_reports',
          i,
          column,
          'date-after-as-of',
          value,
          `${value} is after the dataset's as-of date (${asOf}).`,
          'Correct the date, or move as_of in dataset.json forward if the data really describes a later date.',
        );
      }
    }
    const task = r.task_id === null ? undefined : taskById.get(r.task_id);
    if (task && task.assigned_on !== null && r.reported_on !== null && r.reported_on < task.assigned_on) {
      report(
        'progress_reports',
        i,
        'reported_on',
        'report-before-assigned',
        r.reported_on,
        `The report (${r.reported_on}) is older than the task, assigned on ${task.assigned_on}.`,
        'Check the task id and the dates: a report can only be about a task already assigned.',
      );
    }
    // A task cannot be done before it was first assigned: the issue date of its document, or of the document of
    // the task it revises (a 71/NQ-CP task done under the 03/NQ-CP one before 71/NQ-CP was issued), also without assigned_on.
    const first = task ? firstAssignment(task) : null;
    if (task && first !== null && r.completed_on !== null && r.completed_on < first.issued) {
      report(
        'progress_reports',
        i,
        'completed_on',
        'completed-before-issued',
        r.completed_on,
        `The task was completed (${r.completed_on}) before its document ${first.document} was issued (${first.issued}).`,
        'Check both dates against the sources; a document can list a task already done: then say so in the note.',
        'warning',
      );
    }
    if (r.task_id !== null && r.reported_on !== null) {
      const last = lastByTask.get(r.task_id);
      if (last && r.reported_on < last.reported_on) {
        report(
          'progress_reports',
          i,
          'reported_on',
          'report-out-of-order',
          r.reported_on,
          `This report of ${r.task_id} (${r.reported_on}) comes after one of ${last.reported_on} (line ${lines.progress_reports[last.index]}).`,
          'The table is append-only, in the order reports were made: move the row above the later report.',
        );
      } else lastByTask.set(r.task_id, { index: i, reported_on: r.reported_on });
    }
  });

  // --- agencies: a province body names a province; successions form no cycle ----------------------------------------
  tables.agencies.forEach((a, i) => {
    if (a.province_code !== null && a.former_province_code !== null) {
      report(
        'agencies',
        i,
        'former_province_code',
        'agency-two-provinces',
        a.former_province_code,
        'A body belongs to a current province or to a former one, not both.',
        'Keep province_code for a body of today, former_province_code for a body before 1 July 2025.',
      );
    }
  });
  const next = new Map<string, { successor: string; index: number }[]>();
  tables.agency_successions.forEach((s, i) => {
    if (s.agency_id === null || s.successor_id === null) return;
    const list = next.get(s.agency_id) ?? [];
    list.push({ successor: s.successor_id, index: i });
    next.set(s.agency_id, list);
  });
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<number>();
  const visit = (id: string, path: string[]) => {
    state.set(id, 'open');
    for (const { successor, index } of next.get(id) ?? []) {
      if (state.get(successor) === 'open') {
        if (!reported.has(index)) {
          reported.add(index);
          const from = path.indexOf(successor);
          const cycle = [...(from >= 0 ? path.slice(from) : []), id, successor].join(' → ');
          report(
            'agency_successions',
            index,
            'successor_id',
            'succession-cycle',
            successor,
            `The successions go round in a circle: ${cycle}.`,
            'A body cannot succeed itself, directly or through others: correct the successor or remove the row.',
          );
        }
      } else if (state.get(successor) !== 'done') visit(successor, [...path, id]);
    }
    state.set(id, 'done');
  };
  for (const id of next.keys()) if (!state.has(id)) visit(id, []);

  // --- agency_reports: a count is shown only with a date, never one after the data's date ----------------------
  const asOfDate = meta?.as_of ?? null;
  tables.agency_reports.forEach((r, i) => {
    if (r.as_of === null && r.published_on === null) {
      report(
        'agency_reports',
        i,
        'as_of',
        'agency-report-undated',
        '',
        'The count has neither the date it describes nor the date of its source.',
        'Give the date the source states; a count with no date stays out of the data (scripts/import/curated/task-progress-pending.csv keeps it, with the reason).',
      );
    }
    if (r.as_of !== null && r.published_on !== null && r.as_of > r.published_on) {
      report(
        'agency_reports',
        i,
        'as_of',
        'describes-after-reported',
        r.as_of,
        `A source of ${r.published_on} cannot describe a later date (${r.as_of}).`,
        'Check both dates against the source.',
      );
    }
    for (const column of ['as_of', 'published_on'] as const) {
      const value = r[column];
      if (asOfDate !== null && value !== null && value > asOfDate) {
        report(
          'agency_reports',
          i,
          column,
          'date-after-as-of',
          value,
          `${value} is after the dataset's as-of date (${asOfDate}).`,
          'Correct the date, or move as_of in dataset.json forward if the data really describes a later date.',
        );
      }
    }
  });
  return issues;
}
