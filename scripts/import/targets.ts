/**
 * Imports the targets of Resolution 57-NQ/TW (section II) and of Appendix I of the Government Action
 * Programme (Resolution 03/NQ-CP). The Vietnamese wording is kept verbatim from the transcription in
 * nq57-targets-vnmasterplan (not yet checked against the official text: text_status says so); the
 * comparator, value and English translation come from curated/targets-*.csv, read by hand.
 * Targets from other documents (the Prime Minister's 5th meeting; the 80 % full-online target the draft
 * report 402-CV/VPĐU cites) are whole rows in curated/targets-other.csv, appended as they are.
 *
 * Run: node scripts/import/targets.ts
 */
import { join } from 'node:path';
import { readCsv, sharedPath, writeCsv } from './lib.ts';
import { columnsOf, targetsTable } from '../../src/schemas/index.ts';

const curated = (file: string) => readCsv(join(import.meta.dirname, 'curated', file));
const deadlineOf = (horizon: string) => `${horizon}-12-31`;
const out: Record<string, string>[] = [];

const nq57 = new Map(curated('targets-nq57.csv').map((r) => [r.key!, r]));
for (const r of readCsv(sharedPath('nq57-targets-vnmasterplan', 'nq57_section_II_targets.csv'))) {
  const key = `${r.horizon}-${r.paragraph_no}-${r.sentence_no}`;
  const c = nq57.get(key);
  if (!c) throw new Error(`no curated row for 57-NQ/TW sentence ${key}`);
  const sub = r.horizon === '2030' ? '1' : '2';
  out.push({
    id: `nq57-${key}`,
    document_id: '57-NQ/TW',
    item: `II.${sub} ¶${r.paragraph_no}.${r.sentence_no}`,
    indicator_id: c.indicator_id!,
    text_vi: r.text_vi!,
    text_en: c.text_en!,
    unit_vi: c.unit_vi!,
    comparator: c.comparator!,
    value: c.value!,
    value_max: c.value_max!,
    deadline: deadlineOf(r.horizon!),
    scope: 'national',
    owner: '',
    text_status: 'unverified_transcription',
  });
}

const nq03 = new Map(curated('targets-nq03.csv').map((r) => [r.tt!, r]));
for (const r of readCsv(sharedPath('nq57-targets-vnmasterplan', 'nq03_appendix_I_targets.csv'))) {
  const c = nq03.get(r.tt!);
  if (!c) throw new Error(`no curated row for 03/NQ-CP item ${r.tt}`);
  // "Chỉ tiêu: kết quả (đơn vị)", composed from the three columns of the appendix table.
  const result = r.ket_qua ? `: ${r.ket_qua}` : '';
  const unit = r.don_vi ? ` (${r.don_vi})` : '';
  out.push({
    id: `nq03-${r.horizon}-${r.tt!.replace(/\./g, '-')}`,
    document_id: '03/NQ-CP',
    item: `PL I.${r.tt}`,
    indicator_id: c.indicator_id!,
    text_vi: `${r.chi_tieu}${result}${unit}`,
    text_en: c.text_en!,
    unit_vi: r.don_vi!,
    comparator: c.comparator!,
    value: c.value!,
    value_max: c.value_max!,
    deadline: deadlineOf(r.horizon!),
    scope: 'national',
    owner: r.co_quan_chu_tri_theo_doi!,
    text_status: 'unverified_transcription',
  });
}
out.push(...curated('targets-other.csv'));
writeCsv(targetsTable.file, columnsOf(targetsTable), out);
