import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';
import { COMMUNE_CODE, defineTable, PROVINCE_CODE } from './table.ts';

export const MERGE_TYPES = ['full', 'partial'] as const;

export const CommuneMergeRowSchema = z.object({
  commune_code: key('Code of the current commune (communes.csv).', COMMUNE_CODE, { example: '00004' }),
  former_code: key(
    'GSO code of the former commune (before 1 July 2025): 5 digits, or the 3-digit district code of an island district that had no communes (e.g. 318 Bạch Long Vĩ).',
    /^\d{5}$|^\d{3}$/,
    { example: '00013' },
  ),
  former_name_vi: text('Full Vietnamese name of the former commune (or island district).'),
  former_province_code: key('Code of the former province of the former commune (former_provinces.csv).', PROVINCE_CODE, { example: '01' }),
  merge_type: oneOf(MERGE_TYPES, 'full: the whole former commune went into this one; partial: only part of it.'),
});

export const communeMergesTable = defineTable({
  name: 'commune_merges',
  file: 'commune_merges.csv',
  title_vi: 'Xã cũ được sáp nhập (đối chiếu hỗ trợ, không chính thức)',
  title_en: 'Former communes merged into each commune (assisted mapping, not official)',
  description_vi:
    'Đối chiếu xã cũ → xã mới, do nhóm dvhcvn lập với sự hỗ trợ của mô hình ngôn ngữ từ các nghị quyết của UBTVQH rồi kiểm tra lại; không phải danh mục chính thức.',
  description_en:
    'Former → current commune mapping compiled by the dvhcvn project with an LLM reading the NA Standing Committee resolutions, then checked by scripts and by hand; not an official list.',
  row: CommuneMergeRowSchema,
  primaryKey: ['commune_code', 'former_code'],
  foreignKeys: [
    { fields: ['commune_code'], reference: { table: 'communes', fields: ['code'] } },
    { fields: ['former_province_code'], reference: { table: 'former_provinces', fields: ['code'] } },
  ],
});

export type CommuneMergeRow = z.output<typeof CommuneMergeRowSchema>;
