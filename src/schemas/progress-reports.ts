import { z } from 'zod';
import { date, key, oneOf, sourceRef, text } from './cells.ts';
import { defineTable, DOCUMENT_ID, SLUG_ID } from './table.ts';

/** Normalized progress, as a report states it; "overdue" only when the report itself says "Quá hạn". */
export const REPORTED_STATUSES = ['done', 'in_progress', 'overdue_reported', 'not_started', 'cancelled'] as const;
export type ReportedStatus = (typeof REPORTED_STATUSES)[number];

/**
 * The status words reports use, with the normalized value each stands for. The Government's own
 * reports use the first three (402-CV/VPĐU, Phụ lục 1). A word outside this list is refused.
 */
export const STATUS_WORDS: Readonly<Record<string, ReportedStatus>> = {
  'Hoàn thành': 'done',
  'Đã hoàn thành': 'done',
  'Đang thực hiện': 'in_progress',
  'Đang triển khai': 'in_progress',
  'Quá hạn': 'overdue_reported',
  'Chưa thực hiện': 'not_started',
  'Chưa triển khai': 'not_started',
  'Dừng thực hiện': 'cancelled',
  'Hủy bỏ': 'cancelled',
};

/** One report about one task. Append-only: a correction is a new row, never an edit. */
export const ProgressReportRowSchema = z.object({
  task_id: key('Task the report is about (tasks.csv).', SLUG_ID, { example: 'nq71-bc-05' }),
  reported_on: date('Date of the report (of the document that carries it).'),
  describes_on: date('Date the report describes ("as of"); the same as reported_on when it gives none.'),
  status_word: text('Status word as written in the report (e.g. Hoàn thành, Đang thực hiện, Quá hạn).'),
  status: oneOf(
    REPORTED_STATUSES,
    'Normalized status word: done, in_progress, overdue_reported (the report says overdue), not_started, cancelled.',
  ),
  evidence_vi: text('What the report says was done, verbatim (the result in words).', { required: false }),
  done_by_document: key('Number of the document that did it, when the report names one (e.g. 562/BKHCN-VCL).', DOCUMENT_ID, {
    required: false,
    example: '562/BKHCN-VCL',
  }),
  completed_on: date('Date of completion, only when the report states it.', { required: false }),
  source_id: sourceRef('The report (document id or URL).'),
  note: text('How the row was read, and what is uncertain (e.g. the report is a draft).', { required: false }),
});

export const progressReportsTable = defineTable({
  name: 'progress_reports',
  file: 'progress_reports.csv',
  title_vi: 'Báo cáo tiến độ nhiệm vụ',
  title_en: 'Task progress reports',
  description_vi: 'Mỗi dòng là một báo cáo về một nhiệm vụ: ngày báo cáo, tình trạng nguyên văn, kết quả, nguồn. Chỉ thêm dòng, không sửa.',
  description_en: 'One row per report about a task: date, status word as written, result, source. Append-only: a correction is a new row.',
  row: ProgressReportRowSchema,
  primaryKey: ['task_id', 'reported_on', 'source_id'],
  foreignKeys: [{ fields: ['task_id'], reference: { table: 'tasks', fields: ['id'] } }],
});

export type ProgressReportRow = z.output<typeof ProgressReportRowSchema>;
