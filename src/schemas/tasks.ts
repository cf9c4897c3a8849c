import { z } from 'zod';
import { date, key, oneOf, sourceRef, text } from './cells.ts';
import { defineTable, DOCUMENT_ID, SLUG_ID } from './table.ts';

export const TASK_AREA_LEVELS = ['national', 'province', 'commune'] as const;
/** none: one deadline; ongoing: "Thường xuyên" (never overdue); yearly: "Hằng năm". */
export const TASK_RECURRENCES = ['none', 'ongoing', 'yearly'] as const;
/** A normalized completion time: a year, a quarter, a month or a date; the due date is the end of it. */
export const DUE_PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Agency ids of the owner, separated by ";" (agencies.csv). */
export const AGENCY_ID_LIST = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:;[a-z0-9]+(?:[-_.][a-z0-9]+)*)*$/;

/**
 * tasks.csv holds the facts of an assignment only, as the assigning document writes them. What was
 * reported about a task is in progress_reports.csv; its status is derived from those reports.
 */
export const TaskRowSchema = z.object({
  id: key('Stable id of the task.', SLUG_ID, { example: 'nq03-pl2-001' }),
  document_id: key('Document that assigns the task (documents.csv).', DOCUMENT_ID, { example: '03/NQ-CP' }),
  item: text('Item number in the assigning document (e.g. "PL II.1" = Appendix II, task 1); empty when the document numbers none.', {
    required: false,
  }),
  section: text('Section of the programme the task belongs to, as numbered in the document (e.g. "I" to "VII" in 03/NQ-CP Appendix II).', {
    required: false,
  }),
  title_vi: text('The task as written in the document (verbatim, Vietnamese).', { maxLength: 5000 }),
  title_en: text('English translation of the task: ours, unofficial; empty until translated.', { required: false, maxLength: 5000 }),
  owner: text('Lead agency (cơ quan chủ trì) as written in the document, on the date of the document.', { maxLength: 300 }),
  owner_ids: key('Ids of the lead agencies in agencies.csv, separated by ";": the bodies as they were named then.', AGENCY_ID_LIST, {
    example: 'bo-tttt;bo-khcn',
  }),
  co_owners: text('Co-ordinating agencies (cơ quan phối hợp) as written.', { required: false, maxLength: 1000 }),
  expected_output: text('Expected output (kết quả) as written, e.g. "Quyết định của Thủ tướng Chính phủ".', { required: false }),
  due_text: text(
    'Completion time as written (thời gian hoàn thành): "6/2025", "Quý II/2025", "Thường xuyên", "Hằng năm"; empty when none is stated.',
    { required: false },
  ),
  due_period: key(
    'Completion time normalized: YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; the due date is the last day of that period. Empty when none is stated or the task recurs.',
    DUE_PERIOD,
    { required: false, example: '2025-06' },
  ),
  recurrence: oneOf(
    TASK_RECURRENCES,
    'none: one deadline; ongoing: a standing task ("Thường xuyên"), never overdue; yearly: every year ("Hằng năm").',
  ),
  area_level: oneOf(TASK_AREA_LEVELS, 'Where the task applies: national (ministries, the whole country), province, commune.'),
  area_code: key('Code of the province or commune; empty for national tasks.', /^\d{2}$|^\d{5}$/, { required: false }),
  assigned_on: date('Date the task was assigned (date of the assigning document); empty when not known.', { required: false }),
  revises: key('Id of the earlier task this one revises (e.g. a 71/NQ-CP task revising a 03/NQ-CP task); empty when none.', SLUG_ID, {
    required: false,
  }),
  source_id: sourceRef('Where the task was read (document id or URL): the document itself, a transcription or a press article.'),
  note: text('Who assigned what, how the text was read, and what is uncertain.', { required: false, maxLength: 5000 }),
});

export const tasksTable = defineTable({
  name: 'tasks',
  file: 'tasks.csv',
  title_vi: 'Nhiệm vụ',
  title_en: 'Tasks',
  description_vi:
    'Nhiệm vụ được giao cho bộ, ngành, địa phương, nguyên văn như văn bản giao: cơ quan chủ trì, kết quả, thời gian hoàn thành. Tiến độ nằm trong progress_reports.csv.',
  description_en:
    'Tasks assigned to ministries and localities, as the assigning document writes them: lead agency, output, completion time. Progress is in progress_reports.csv.',
  row: TaskRowSchema,
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['document_id'], reference: { table: 'documents', fields: ['id'] } },
    { fields: ['revises'], reference: { table: 'tasks', fields: ['id'] } },
  ],
});

export type TaskRow = z.output<typeof TaskRowSchema>;
