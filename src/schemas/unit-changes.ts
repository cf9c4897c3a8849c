import { z } from 'zod';
import { date, key, oneOf, text } from './cells.ts';
import { defineTable, DOCUMENT_ID } from './table.ts';

export const UNIT_LEVELS = ['province', 'commune'] as const;
export const UNIT_CHANGE_KINDS = ['type', 'name'] as const;

export const UnitChangeRowSchema = z.object({
  date: date('Date the change took effect.'),
  level: oneOf(UNIT_LEVELS, 'Level of the unit that changed.'),
  code: key('Current GSO code of the unit (2 digits for a province, 5 for a commune).', /^\d{2}$|^\d{5}$/, { example: '75' }),
  change: oneOf(UNIT_CHANGE_KINDS, 'What changed: type (e.g. tinh → thanh_pho) or name.'),
  from: text('Value before the change (a type code for type changes).', { maxLength: 100 }),
  to: text('Value from the date on.', { maxLength: 100 }),
  document_id: key('Legal document that made the change (id in documents.csv).', DOCUMENT_ID, { example: '30/2026/QH16' }),
});

export const unitChangesTable = defineTable({
  name: 'unit_changes',
  file: 'unit_changes.csv',
  title_vi: 'Thay đổi đơn vị hành chính',
  title_en: 'Changes of administrative units',
  description_vi: 'Các thay đổi có ngày hiệu lực (loại, tên) của tỉnh và xã sau 01/07/2025, để tính loại đơn vị tại một ngày bất kỳ.',
  description_en: 'Dated changes (type, name) of provinces and communes after 1 July 2025, so that the type on any date can be computed.',
  row: UnitChangeRowSchema,
  primaryKey: ['date', 'level', 'code', 'change'],
  foreignKeys: [{ fields: ['document_id'], reference: { table: 'documents', fields: ['id'] } }],
});

export type UnitChangeRow = z.output<typeof UnitChangeRowSchema>;
