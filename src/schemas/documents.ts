import { z } from 'zod';
import { date, key, oneOf, text, url } from './cells.ts';
import { defineTable, DOCUMENT_ID } from './table.ts';

/** Kinds of documents: legal and Party documents, and the press articles and web pages figures are read from. */
export const DOCUMENT_KINDS = [
  'nghi_quyet', // resolution
  'ke_hoach', // plan
  'chuong_trinh', // programme
  'nghi_dinh', // decree
  'quyet_dinh', // decision
  'chi_thi', // directive
  'cong_van', // official dispatch
  'thong_bao', // notice (e.g. conclusion notice)
  'ket_luan', // conclusion
  'de_an', // project / scheme
  'bao_cao', // report
  'bai_bao', // press article
  'trang_web', // web page (e.g. a ministry's ranking page)
] as const;

export const DocumentRowSchema = z.object({
  id: key('Document number as written in Vietnam (57-NQ/TW, 118/2025/NĐ-CP), or a short slug for an article or web page.', DOCUMENT_ID, {
    example: '57-NQ/TW',
  }),
  kind: oneOf(DOCUMENT_KINDS, 'Kind of document.'),
  issuer: text('Issuing body, in Vietnamese (e.g. Bộ Chính trị, Văn phòng Chính phủ, Báo Dân trí).'),
  issuer_en: text('Issuing body, in English.'),
  issued_on: date('Date of issue or publication; empty when not known.', { required: false }),
  title_vi: text('Title or subject, in Vietnamese.'),
  title_en: text('Title or subject, in English.'),
  url: url('Where the document can be read; empty when no public copy is known.', { required: false }),
  note: text('What is uncertain about this document (e.g. number read from a translation).', { required: false }),
});

export const documentsTable = defineTable({
  name: 'documents',
  file: 'documents.csv',
  title_vi: 'Văn bản và nguồn',
  title_en: 'Documents and sources',
  description_vi: 'Văn bản giao nhiệm vụ, đặt mục tiêu, và các bài báo, trang web mà số liệu được trích từ đó.',
  description_en: 'Documents that assign tasks or set targets, and the articles and web pages figures are taken from.',
  row: DocumentRowSchema,
  primaryKey: ['id'],
  foreignKeys: [],
});

export type DocumentRow = z.output<typeof DocumentRowSchema>;
