import { z } from 'zod';
import { date, key, oneOf, sourceRef, text, url } from '../cells.ts';
import { defineTable, DOCUMENT_ID, SLUG_ID } from '../table.ts';

const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
const TASK_AREA_LEVELS = ['national', 'province', 'commune'] as const;

const TaskRowSchema = z.object({
  id: key('Stable id of the task.', SLUG_ID, { example: 'camau-9521-ttpvhcc-xa' }),
  title_vi: text('What is to be done, in Vietnamese.'),
  title_en: text('What is to be done, in English.'),
  document_id: key('Document that assigns the task (documents.csv).', DOCUMENT_ID, { example: '9521/VPCP-KGVX' }),
  owner: text('Body that must do it, in Vietnamese.'),
  owner_en: text('Body that must do it, in English.'),
  area_level: oneOf(TASK_AREA_LEVELS, 'Where the task applies: national (ministries, the whole country), province, commune.'),
  area_code: key('Code of the province or commune; empty for national tasks.', /^\d{2}$|^\d{5}$/, { required: false }),
  assigned_on: date('Date the task was assigned (date of the assigning document).', { required: false }),
  deadline: date('Date by which it is due; empty when no deadline is stated.', { required: false }),
  status: oneOf(
    TASK_STATUSES,
    'Reported status: not_started, in_progress, done, cancelled. Overdue and due soon are computed, never written.',
  ),
  completed_on: date('Date it was done; only with status done.', { required: false }),
  evidence_url: url('Public evidence of the status (a report, a decision); empty when none.', { required: false }),
  source_id: sourceRef('Where the task was read (document id or URL), e.g. the press article reporting it.'),
  note: text('How the status was judged, and what is uncertain.', { required: false }),
});

/**
 * tasks.csv as releases before 1.1.0 published it: with a status column that no report backed.
 * Frozen: it only reads those releases (their JSON, Data Package and zip downloads).
 */
export const tasksTableBefore110 = defineTable({
  name: 'tasks',
  file: 'tasks.csv',
  title_vi: 'Nhiệm vụ',
  title_en: 'Tasks',
  description_vi: 'Nhiệm vụ được giao cho bộ, ngành, địa phương, với hạn và tình trạng.',
  description_en: 'Tasks assigned to ministries and localities, with deadlines and status.',
  row: TaskRowSchema,
  primaryKey: ['id'],
  foreignKeys: [{ fields: ['document_id'], reference: { table: 'documents', fields: ['id'] } }],
});
