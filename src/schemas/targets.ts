import { z } from 'zod';
import { date, key, number, oneOf, text } from './cells.ts';
import { defineTable, DOCUMENT_ID, SLUG_ID } from './table.ts';

export const COMPARATORS = ['>=', '>', '<=', '<', '=', 'between', 'qualitative'] as const;
export const TEXT_STATUSES = ['unverified_transcription', 'verified'] as const;

export const TargetRowSchema = z.object({
  id: key('Stable id of the target.', SLUG_ID, { example: 'nq03-2030-31' }),
  document_id: key('Document that sets the target (documents.csv).', DOCUMENT_ID, { example: '57-NQ/TW' }),
  item: text('Item number or place in the document (e.g. "31", "II.1 ¶2 s.3").', { maxLength: 50 }),
  indicator_id: key('Indicator the target is measured by (indicators.csv); empty when none is tracked yet.', SLUG_ID, { required: false }),
  text_vi: text('Wording of the target in Vietnamese, verbatim from the document.', { maxLength: 2000 }),
  text_en: text('English translation (ours, not official).', { maxLength: 2000 }),
  unit_vi: text('Unit as written in the document (e.g. "%", "Thứ bậc").', { required: false, maxLength: 100 }),
  comparator: oneOf(COMPARATORS, 'How the value is compared: >=, >, <=, <, =, between (value to value_max), qualitative (no number).'),
  value: number('Target value; empty for qualitative targets.', { required: false }),
  value_max: number('Upper end for comparator "between".', { required: false }),
  deadline: date(
    'Date by which the target is due (end of the horizon year when the document gives only a year); empty when the source gives no date.',
    { required: false },
  ),
  scope: key('Where the target applies: national, or a province code.', /^national$|^\d{2}$/, { example: 'national' }),
  owner: text('Body responsible for monitoring, as named in the document.', { required: false, maxLength: 300 }),
  text_status: oneOf(
    TEXT_STATUSES,
    'unverified_transcription: the wording comes from a transcription not yet checked against the official text.',
  ),
});

export const targetsTable = defineTable({
  name: 'targets',
  file: 'targets.csv',
  title_vi: 'Mục tiêu',
  title_en: 'Targets',
  description_vi: 'Mục tiêu của Nghị quyết 57-NQ/TW và Phụ lục I Chương trình hành động của Chính phủ (Nghị quyết 03/NQ-CP), nguyên văn.',
  description_en: 'Targets of Resolution 57-NQ/TW and Appendix I of the Government Action Programme (Resolution 03/NQ-CP), verbatim.',
  row: TargetRowSchema,
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['document_id'], reference: { table: 'documents', fields: ['id'] } },
    { fields: ['indicator_id'], reference: { table: 'indicators', fields: ['id'] } },
  ],
});

export type TargetRow = z.output<typeof TargetRowSchema>;
