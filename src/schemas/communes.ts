import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';
import { COMMUNE_CODE, defineTable, PROVINCE_CODE } from './table.ts';

export const COMMUNE_TYPES = ['xa', 'phuong', 'dac_khu'] as const;

export const CommuneRowSchema = z.object({
  code: key('GSO code of the commune, 5 digits.', COMMUNE_CODE, { example: '00004' }),
  name_vi: text('Short Vietnamese name (e.g. Ba Đình).', { maxLength: 100 }),
  name_en: text('English name without diacritics (e.g. Ba Dinh).', { maxLength: 100 }),
  full_name_vi: text('Full Vietnamese name with the unit word (e.g. Phường Ba Đình).', { maxLength: 100 }),
  type: oneOf(COMMUNE_TYPES, 'Unit type on the dataset as-of date: xa (commune), phuong (ward) or dac_khu (special zone).'),
  province_code: key('Code of the province it belongs to (provinces.csv).', PROVINCE_CODE, { example: '01' }),
});

export const communesTable = defineTable({
  name: 'communes',
  file: 'communes.csv',
  title_vi: 'Xã, phường, đặc khu',
  title_en: 'Communes, wards and special zones',
  description_vi: '3.321 đơn vị hành chính cấp xã hiện hành, mã theo Cục Thống kê.',
  description_en: 'The 3,321 current commune-level units with GSO codes.',
  row: CommuneRowSchema,
  primaryKey: ['code'],
  foreignKeys: [{ fields: ['province_code'], reference: { table: 'provinces', fields: ['code'] } }],
});

export type CommuneRow = z.output<typeof CommuneRowSchema>;
