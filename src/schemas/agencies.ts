import { z } from 'zod';
import { date, key, oneOf, sourceRef, text } from './cells.ts';
import { defineTable, DOCUMENT_ID, PROVINCE_CODE, SLUG_ID } from './table.ts';

/**
 * Kinds of bodies that own tasks. The "all_*" kinds and "some_localities" are groups named as such in
 * the documents ("Các bộ, ngành, địa phương"); "not_named" stands for a source that names no body.
 */
export const AGENCY_KINDS = [
  'ministry',
  'government_body',
  'party_body',
  'provincial_body',
  'press',
  'academy',
  'enterprises',
  'all_ministries',
  'all_localities',
  'all_ministries_and_localities',
  'some_localities',
  'ministries_concerned',
  'not_named',
] as const;

export const AgencyRowSchema = z.object({
  id: key('Stable id of the body.', SLUG_ID, { example: 'bo-khcn' }),
  name_vi: text('Name in Vietnamese, as documents write it.'),
  name_en: text('Name in English (ours where no official one is known).'),
  kind: oneOf(
    AGENCY_KINDS,
    'ministry, government_body, party_body, provincial_body, press, academy, enterprises; groups: all_ministries, all_localities, all_ministries_and_localities, some_localities, ministries_concerned; not_named.',
  ),
  province_code: key('Current province of a provincial body (provinces.csv); empty otherwise.', PROVINCE_CODE, { required: false }),
  former_province_code: key(
    'Former province (before 1 July 2025) of a body of a former province (former_provinces.csv); empty otherwise.',
    PROVINCE_CODE,
    { required: false },
  ),
  note: text('What is uncertain about the body or its name.', { required: false }),
});

export const agenciesTable = defineTable({
  name: 'agencies',
  file: 'agencies.csv',
  title_vi: 'Cơ quan',
  title_en: 'Agencies',
  description_vi:
    'Các cơ quan chủ trì nhiệm vụ (bộ, UBND tỉnh, cơ quan Đảng, "các bộ, ngành, địa phương"), như tên gọi trong văn bản giao.',
  description_en:
    'The bodies that own tasks (ministries, provincial committees, Party bodies, "all ministries and localities"), named as in the assigning documents.',
  row: AgencyRowSchema,
  primaryKey: ['id'],
  foreignKeys: [
    { fields: ['province_code'], reference: { table: 'provinces', fields: ['code'] } },
    { fields: ['former_province_code'], reference: { table: 'former_provinces', fields: ['code'] } },
  ],
});

export type AgencyRow = z.output<typeof AgencyRowSchema>;

/** A dated succession: from `effective_on` the work of `agency_id` is done by `successor_id`. */
export const AgencySuccessionRowSchema = z.object({
  agency_id: key('The body that ceased or was merged (agencies.csv).', SLUG_ID, { example: 'bo-tttt' }),
  successor_id: key('The body that took over (agencies.csv).', SLUG_ID, { example: 'bo-khcn' }),
  effective_on: date('Date the succession took effect.'),
  document_id: key('Legal act that made it, when recorded in documents.csv.', DOCUMENT_ID, { required: false }),
  source_id: sourceRef('Where the succession was read (document id or URL).'),
  note: text('What the source says, and what it leaves out (e.g. how a remit was split).', { required: false }),
});

export const agencySuccessionsTable = defineTable({
  name: 'agency_successions',
  file: 'agency_successions.csv',
  title_vi: 'Kế thừa cơ quan',
  title_en: 'Agency successions',
  description_vi:
    'Hợp nhất bộ (01/03/2025) và tỉnh (01/07/2025): cơ quan nào kế thừa cơ quan nào, từ ngày nào. Nhiệm vụ giữ tên cơ quan như văn bản giao.',
  description_en:
    'Mergers of ministries (1 March 2025) and provinces (1 July 2025): which body took over which, from when. Tasks keep their owner as written.',
  row: AgencySuccessionRowSchema,
  primaryKey: ['agency_id', 'successor_id'],
  foreignKeys: [
    { fields: ['agency_id'], reference: { table: 'agencies', fields: ['id'] } },
    { fields: ['successor_id'], reference: { table: 'agencies', fields: ['id'] } },
    { fields: ['document_id'], reference: { table: 'documents', fields: ['id'] } },
  ],
});

export type AgencySuccessionRow = z.output<typeof AgencySuccessionRowSchema>;
