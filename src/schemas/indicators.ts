import { z } from 'zod';
import { boolean, key, number, oneOf, text } from './cells.ts';
import { defineTable, SLUG_ID } from './table.ts';

export const INDICATOR_UNITS = ['index', 'percent', 'rank', 'count'] as const;
export const AGGREGATIONS = ['mean', 'sum', 'weighted', 'none'] as const;
export const PERIOD_TYPES = ['year', 'quarter', 'month'] as const;

export const IndicatorRowSchema = z.object({
  id: key('Stable id of the indicator.', SLUG_ID, { example: 'dti' }),
  parent_id: key('Id of the indicator this one is a component of (e.g. a DTI pillar); empty for top-level indicators.', SLUG_ID, {
    required: false,
  }),
  name_vi: text('Name in Vietnamese.'),
  name_en: text('Name in English.'),
  unit: oneOf(INDICATOR_UNITS, 'Unit: index (a score), percent (0–100), rank (1 = first), count.'),
  min: number('Lowest possible value; empty when unbounded.', { required: false }),
  max: number('Highest possible value; empty when unbounded.', { required: false }),
  decimals: number('Decimal places to show.', { integer: true }),
  higher_is_better: boolean('true when a higher value is better (false for ranks).'),
  aggregation: oneOf(
    AGGREGATIONS,
    'How a value for a merged unit is formed from its parts: mean, sum, weighted (mean weighted by population or similar), none (cannot be combined).',
  ),
  period_type: oneOf(PERIOD_TYPES, 'Period of the observations: year (YYYY), quarter (YYYY-Qn) or month (YYYY-MM).'),
  description_vi: text('Definition in Vietnamese: what is measured, by whom.'),
  description_en: text('Definition in English.'),
});

export const indicatorsTable = defineTable({
  name: 'indicators',
  file: 'indicators.csv',
  title_vi: 'Chỉ số',
  title_en: 'Indicators',
  description_vi: 'Định nghĩa các chỉ số được theo dõi: đơn vị, khoảng giá trị, chiều tốt, cách gộp cho đơn vị sáp nhập.',
  description_en: 'Definitions of the indicators tracked: unit, range, direction, how merged units are combined.',
  row: IndicatorRowSchema,
  primaryKey: ['id'],
  foreignKeys: [{ fields: ['parent_id'], reference: { table: 'indicators', fields: ['id'] } }],
});

export type IndicatorRow = z.output<typeof IndicatorRowSchema>;
