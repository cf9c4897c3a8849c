import { z } from 'zod';
import { date, key, number, oneOf, period, sourceRef, text } from './cells.ts';
import { defineTable, SLUG_ID } from './table.ts';

export const AREA_LEVELS = ['national', 'province', 'former_province', 'commune'] as const;
export const METHODS = ['as_published', 'ministry_mean_of_former_units', 'average_of_provinces', 'average_of_ministries'] as const;

export const ObservationRowSchema = z.object({
  indicator_id: key('Indicator measured (indicators.csv).', SLUG_ID, { example: 'dti' }),
  area_level: oneOf(AREA_LEVELS, 'Level of the area: national, province (current 34), former_province (63 before 1 July 2025), commune.'),
  area_code: key('Code of the area at that level; "VN" for national.', /^VN$|^\d{2}$|^\d{5}$/, { example: '01' }),
  period: period('Period the value refers to (the year assessed, not the year announced).'),
  value: number('The value; empty when the source says it is not available (never write 0 for "unknown").', { required: false }),
  source_id: sourceRef('Where the value was read: a document id (documents.csv) or an http(s) URL.'),
  published_on: date('Date the source published the value; empty when the source shows no date.', { required: false }),
  method: oneOf(
    METHODS,
    'as_published: measured for this unit; ministry_mean_of_former_units: the Ministry averaged the former units merged into it (not a new measurement); average_of_provinces / average_of_ministries: an average over provinces or ministries, as published.',
  ),
  note: text('Anything a reader needs to interpret the value (e.g. a missing value, a second source agreeing).', { required: false }),
});

export const observationsTable = defineTable({
  name: 'observations',
  file: 'observations.csv',
  title_vi: 'Số liệu',
  title_en: 'Observations',
  description_vi: 'Giá trị các chỉ số theo địa bàn và kỳ, mỗi giá trị kèm nguồn và ngày công bố.',
  description_en: 'Values of the indicators by area and period, each with its source and publication date.',
  row: ObservationRowSchema,
  primaryKey: ['indicator_id', 'area_level', 'area_code', 'period'],
  foreignKeys: [{ fields: ['indicator_id'], reference: { table: 'indicators', fields: ['id'] } }],
});

export type ObservationRow = z.output<typeof ObservationRowSchema>;
