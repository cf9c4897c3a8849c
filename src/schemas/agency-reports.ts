import { z } from 'zod';
import { date, key, number, oneOf, sourceRef, text } from './cells.ts';
import { defineTable, SLUG_ID } from './table.ts';

/**
 * What a reported count counts. Each is a count of tasks as the source states it, about one body; it
 * names no task, so it never becomes a status of a task (issue #14).
 */
export const AGENCY_REPORT_MEASURES = ['unfinished_late_tasks', 'tasks_completed', 'tasks_in_progress'] as const;
export type AgencyReportMeasure = (typeof AGENCY_REPORT_MEASURES)[number];

/** One dated count about one agency's tasks, from one source, with the sentence that holds it. */
export const AgencyReportRowSchema = z.object({
  agency_id: key('The body the count is about (agencies.csv).', SLUG_ID, { example: 'bo-tc' }),
  measure: oneOf(
    AGENCY_REPORT_MEASURES,
    'unfinished_late_tasks (late tasks not completed), tasks_completed, tasks_in_progress: what the count counts, as the source says.',
  ),
  value: number('The count as printed.', { integer: true }),
  scope_en: text('Which tasks the source counts (e.g. the 2025 tasks of 71/NQ-CP reviewed as of 31 July 2025), in English.'),
  as_of: date('Date the count describes, only when the source states one ("as of July 31").', { required: false }),
  published_on: date('Date of the source, only when it shows one.', { required: false }),
  source_id: sourceRef('The source (document id or URL).'),
  quote: text('The shortest verbatim sentence of the source that holds the count, in the language of the page.'),
  quote_lang: oneOf(['vi', 'en'] as const, 'Language of the quote: vi, or en for a translated page.'),
  note: text('How the row was read, and what is uncertain.', { required: false }),
});

export const agencyReportsTable = defineTable({
  name: 'agency_reports',
  file: 'agency_reports.csv',
  title_vi: 'Số liệu báo cáo về nhiệm vụ của cơ quan',
  title_en: 'Reported task counts of agencies',
  description_vi:
    'Số nhiệm vụ của một cơ quan (chậm, trễ chưa hoàn thành; đã hoàn thành; đang thực hiện) theo một nguồn có ngày, kèm câu trích nguyên văn. Không gắn với nhiệm vụ cụ thể.',
  description_en:
    "Counts of one body's tasks (late and unfinished; completed; in progress) as a dated source states them, with the verbatim sentence. Not tied to particular tasks.",
  row: AgencyReportRowSchema,
  primaryKey: ['agency_id', 'measure', 'source_id'],
  foreignKeys: [{ fields: ['agency_id'], reference: { table: 'agencies', fields: ['id'] } }],
});

export type AgencyReportRow = z.output<typeof AgencyReportRowSchema>;
