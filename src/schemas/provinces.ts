import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';
import { defineTable, PROVINCE_CODE } from './table.ts';

export const PROVINCE_TYPES = ['tinh', 'thanh_pho'] as const;

export const ProvinceRowSchema = z.object({
  code: key('GSO code of the province, 2 digits (Decision 19/2025/QĐ-TTg).', PROVINCE_CODE, { example: '01' }),
  name_vi: text('Short Vietnamese name, with diacritics (e.g. Hà Nội).'),
  name_en: text('English name (e.g. Hanoi).'),
  full_name_vi: text('Full Vietnamese name with the unit word (e.g. Thành phố Hà Nội).'),
  full_name_en: text('Full English name (e.g. Hanoi City).'),
  type: oneOf(
    PROVINCE_TYPES,
    'Unit type on the dataset as-of date: tinh (province) or thanh_pho (centrally-run city). Earlier types follow from unit_changes.csv.',
  ),
});

export const provincesTable = defineTable({
  name: 'provinces',
  file: 'provinces.csv',
  title_vi: 'Tỉnh, thành phố',
  title_en: 'Provinces and centrally-run cities',
  description_vi: '34 đơn vị hành chính cấp tỉnh hiện hành (từ 01/07/2025), mã theo Cục Thống kê; loại đơn vị tại ngày dữ liệu.',
  description_en: 'The 34 current provincial-level units (from 1 July 2025) with GSO codes; unit type as of the dataset date.',
  row: ProvinceRowSchema,
  primaryKey: ['code'],
  foreignKeys: [],
});

export type ProvinceRow = z.output<typeof ProvinceRowSchema>;
