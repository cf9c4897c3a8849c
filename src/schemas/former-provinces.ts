import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';
import { defineTable, PROVINCE_CODE } from './table.ts';
import { PROVINCE_TYPES } from './provinces.ts';

export const FormerProvinceRowSchema = z.object({
  code: key(
    'GSO code of the former province (before 1 July 2025). Some codes now name a different current province: never join on it.',
    PROVINCE_CODE,
    { example: '24' },
  ),
  name_vi: text('Short Vietnamese name of the former province (e.g. Bắc Giang).'),
  name_en: text('English name of the former province.'),
  full_name_vi: text('Full Vietnamese name with the unit word (e.g. Tỉnh Bắc Giang).'),
  type: oneOf(PROVINCE_TYPES, 'Unit type before 1 July 2025.'),
  successor_code: key('Code of the current province it was merged into (provinces.csv).', PROVINCE_CODE, { example: '24' }),
});

export const formerProvincesTable = defineTable({
  name: 'former_provinces',
  file: 'former_provinces.csv',
  title_vi: 'Tỉnh, thành phố trước sáp nhập',
  title_en: 'Former provinces (before 1 July 2025)',
  description_vi:
    '63 đơn vị cấp tỉnh trước 01/07/2025 và tỉnh kế thừa (Nghị quyết 202/2025/QH15). Mã cũ có thể trùng mã một tỉnh mới khác: dữ liệu cũ chỉ gắn với tỉnh mới qua cột successor_code.',
  description_en:
    'The 63 provincial units before 1 July 2025 and the current province each became part of (Resolution 202/2025/QH15). A former code may equal the code of a different current province: former data reaches current units only through successor_code.',
  row: FormerProvinceRowSchema,
  primaryKey: ['code'],
  foreignKeys: [{ fields: ['successor_code'], reference: { table: 'provinces', fields: ['code'] } }],
});

export type FormerProvinceRow = z.output<typeof FormerProvinceRowSchema>;
