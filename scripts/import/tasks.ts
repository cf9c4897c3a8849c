/**
 * Builds tasks.csv, progress_reports.csv, agencies.csv and agency_successions.csv from
 * - data/sources/nq03-tasks-vnmasterplan/: the 140 tasks of 03/NQ-CP Appendix II as transcribed, and
 *   the 37 tasks of 71/NQ-CP with their progress in the draft report sent with 402-CV/VPĐU;
 * - scripts/import/curated/: the tasks of the seed articles, the agencies and how owner names map to
 *   them, and what the report states about completion (document, date) task by task.
 * Words are copied, never upgraded: a report's "Hoàn thành" stays "Hoàn thành" with its result text.
 *
 * Run: node scripts/import/tasks.ts
 */
import { join } from 'node:path';
import { DATA_DIR, readCsv, writeCsv } from './lib.ts';
import {
  agenciesTable,
  agencySuccessionsTable,
  columnsOf,
  progressReportsTable,
  STATUS_WORDS,
  tasksTable,
} from '../../src/schemas/index.ts';
import { parseDueText } from '../../src/lib/data/task-due.ts';

const SOURCE_DIR = join(DATA_DIR, 'sources', 'nq03-tasks-vnmasterplan');
const curated = (file: string) => readCsv(join(import.meta.dirname, 'curated', file));
const clean = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

// --- agencies, and owner names as written → agency ids ------------------------------------------------
const agencyRows = curated('agencies.csv');
const names: [string, string][] = [];
for (const a of agencyRows) {
  for (const name of [a.name_vi!, ...(a.aliases ? a.aliases.split('|') : [])]) names.push([name.toLowerCase(), a.id!]);
}
names.sort((a, b) => b[0].length - a[0].length);

/** Reads an owner as written ("Bộ Công an, Bộ Tài chính và các địa phương") into agency ids, longest name first. */
export function ownerIds(owner: string): string[] {
  const ids: string[] = [];
  let rest = owner.toLowerCase();
  while (rest.length > 0) {
    rest = rest.replace(/^(\s|,|;|và\s)+/u, '');
    if (rest === '') break;
    const hit = names.find(([name]) => rest.startsWith(name) && !/^\p{L}/u.test(rest.slice(name.length)));
    if (!hit) throw new Error(`owner "${owner}": no agency matches "${rest}" (add it or an alias to curated/agencies.csv)`);
    if (!ids.includes(hit[1])) ids.push(hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return ids;
}

// --- similarity of two task texts, to link a 71/NQ-CP task to the 03/NQ-CP task it revises ---------------
const words = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
/** 2 × (longest common subsequence of words) / (total words): 1 for the same text. */
export function textSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const up = row[j]!;
      row[j] = x[i - 1] === y[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return x.length + y.length === 0 ? 1 : (2 * row[y.length]!) / (x.length + y.length);
}
/** Threshold of "almost word for word": the 21 matches score 0.86 or more, the next best 0.76. */
const SAME_TASK = 0.85;

const tasks: Record<string, string>[] = [];
const reports: Record<string, string>[] = [];

function normalizedDue(text: string, where: string): { due_period: string; recurrence: string } {
  const due = parseDueText(text);
  if (!due) throw new Error(`${where}: completion time "${text}" is not a known form; normalize it by hand`);
  return { due_period: due.period ?? '', recurrence: due.recurrence };
}

/** English titles: ours, unofficial, keyed by task id (nq71-bc402-nn, nq03-pl2-nnn); a task without one shows its Vietnamese title. */
const translations = new Map(curated('task-translations.csv').map((r) => [r.id!, r.title_en!]));
// A 03/NQ-CP task worded exactly as a translated 71/NQ-CP task (but for a final full stop) takes its translation.
const sameText = (s: string) => clean(s).replace(/\.$/u, '');
const nq71Texts = new Map(
  readCsv(join(SOURCE_DIR, 'nq71_tasks_due_2025_03_05_status_2025_05_24.csv')).map((r) => [
    sameText(r.nhiem_vu!),
    `nq71-bc402-${r.tt!.padStart(2, '0')}`,
  ]),
);
const titleEn = (vi: string) => translations.get(nq71Texts.get(sameText(vi)) ?? '') ?? '';

// --- 03/NQ-CP, Appendix II -----------------------------------------------------------------------------------
const nq03 = readCsv(join(SOURCE_DIR, 'nq03_appendix_II_tasks.csv'));
if (nq03.length !== 140) throw new Error(`expected 140 tasks in Appendix II, found ${nq03.length}`);
const nq03Id = (tt: string) => `nq03-pl2-${tt.padStart(3, '0')}`;
for (const r of nq03) {
  const owner = clean(r.co_quan_chu_tri);
  const dueText = clean(r.thoi_gian_hoan_thanh);
  tasks.push({
    id: nq03Id(r.tt!),
    document_id: '03/NQ-CP',
    item: `PL II.${r.tt}`,
    section: r.section!,
    title_vi: clean(r.ten_nhiem_vu),
    title_en: translations.get(nq03Id(r.tt!)) ?? titleEn(r.ten_nhiem_vu!),
    owner,
    owner_ids: ownerIds(owner).join(';'),
    co_owners: clean(r.co_quan_phoi_hop),
    expected_output: clean(r.ket_qua),
    due_text: dueText,
    ...normalizedDue(dueText, `03/NQ-CP task ${r.tt}`),
    area_level: 'national',
    area_code: '',
    assigned_on: '2025-01-09',
    revises: '',
    source_id: '03/NQ-CP',
    note:
      'Wording from a transcription not checked against the official text (data/sources/nq03-tasks-vnmasterplan); lead agency as written in January 2025.' +
      (dueText === '' ? ' The transcription gives no completion time.' : ''),
  });
}

// --- 71/NQ-CP tasks due March–May 2025, and their progress in the draft report ------------------------------------
const reading = new Map(curated('nq71-report-reading.csv').map((r) => [r.tt!, r]));
const nq71 = readCsv(join(SOURCE_DIR, 'nq71_tasks_due_2025_03_05_status_2025_05_24.csv'));
if (nq71.length !== 37) throw new Error(`expected 37 tasks in Phụ lục 1, found ${nq71.length}`);
let linked = 0;
for (const r of nq71) {
  const title = clean(r.nhiem_vu);
  const best = nq03.map((t) => ({ t, score: textSimilarity(title, t.ten_nhiem_vu!) })).sort((a, b) => b.score - a.score)[0]!;
  const revises = best.score >= SAME_TASK ? nq03Id(best.t.tt!) : '';
  if (revises) linked++;
  const owner = clean(r.co_quan_thuc_hien);
  const dueText = clean(r.thoi_gian_hoan_thanh);
  const id = `nq71-bc402-${r.tt!.padStart(2, '0')}`;
  tasks.push({
    id,
    document_id: '71/NQ-CP',
    item: '',
    section: '',
    title_vi: title,
    title_en: translations.get(id) ?? '',
    owner,
    owner_ids: ownerIds(owner).join(';'),
    co_owners: '',
    expected_output: clean(r.ket_qua_yeu_cau),
    due_text: dueText,
    ...normalizedDue(dueText, `71/NQ-CP task ${r.tt}`),
    area_level: 'national',
    area_code: '',
    assigned_on: '2025-04-01',
    revises,
    source_id: '402-CV/VPĐU',
    note:
      `Task no. ${r.tt} (group "${clean(r.group_vi)}") of Phụ lục 1 of the draft report sent with 402-CV/VPĐU, which lists the tasks of 71/NQ-CP due in March–May 2025; its item number in 71/NQ-CP is not given. ` +
      (revises
        ? `Revises ${revises}: matched by text (word similarity ${best.score.toFixed(2)} with 03/NQ-CP Appendix II task ${best.t.tt}).`
        : `No 03/NQ-CP task matches its text (best word similarity ${best.score.toFixed(2)}): new or reworded in 71/NQ-CP.`),
  });
  const word = clean(r.tien_do);
  const status = STATUS_WORDS[word];
  if (!status) throw new Error(`71/NQ-CP task ${r.tt}: status word "${word}" is not in the vocabulary`);
  const read = reading.get(r.tt!);
  // A result that opens with the transcription's list marker ("+ 22/22 bộ…") would start with a formula sign.
  const rawEvidence = clean(r.ket_qua_hien_nay);
  const evidence = rawEvidence.replace(/^[+-]\s+/u, '');
  const notes = ['Draft report (402-CV/VPĐU asks for comments on it); word and result as written.'];
  if (evidence !== rawEvidence) notes.push('The leading list marker "+" of the result is left out.');
  if (status === 'done' && /sẽ xem xét, ban hành/u.test(evidence))
    notes.push('The report marks it done while the act is still to be issued.');
  if (status === 'done' && /^Trình Quốc hội xem xét/u.test(evidence)) notes.push('Marked done on submission to the National Assembly.');
  if (read?.note) notes.push(read.note);
  if (status === 'done' && !read?.completed_on) notes.push('No completion date stated.');
  if (evidence === '') notes.push('The report gives no result for this task.');
  reports.push({
    task_id: id,
    reported_on: '2025-05-25',
    describes_on: '2025-05-24',
    status_word: word,
    status,
    evidence_vi: evidence,
    done_by_document: read?.done_by_document ?? '',
    completed_on: read?.completed_on ?? '',
    source_id: '402-CV/VPĐU',
    note: notes.join(' '),
  });
}
if (linked !== 21) throw new Error(`expected the 21 tasks of SOURCE.md to match 03/NQ-CP, matched ${linked}`);

// --- tasks of the seed articles ------------------------------------------------------------------------------------
for (const r of curated('tasks-from-articles.csv')) {
  for (const id of r.owner_ids!.split(';')) if (!agencyRows.some((a) => a.id === id)) throw new Error(`task ${r.id}: unknown agency ${id}`);
  tasks.push(r);
}

// --- successions: ministries merged on 1 March 2025; bodies of provinces merged on 1 July 2025 ---------------------
const MINISTRY_SOURCE = 'https://github.com/thetrungdtt/VNMasterplan';
const MINISTRY_NOTE =
  'Stated in data/sources/nq03-tasks-vnmasterplan/SOURCE.md ("ministries were merged on 1 Mar 2025 (e.g. MIC into MOST, MPI into MOF, MOLISA into MOHA)"); the legal act is not held here, and how a remit was split between ministries is not recorded.';
const successions: Record<string, string>[] = [
  {
    agency_id: 'bo-tttt',
    successor_id: 'bo-khcn',
    effective_on: '2025-03-01',
    document_id: '',
    source_id: MINISTRY_SOURCE,
    note: `${MINISTRY_NOTE} The tasks of MIC in 03/NQ-CP are reported under MOST in 402-CV/VPĐU.`,
  },
  {
    agency_id: 'bo-khdt',
    successor_id: 'bo-tc',
    effective_on: '2025-03-01',
    document_id: '',
    source_id: MINISTRY_SOURCE,
    note: MINISTRY_NOTE,
  },
  {
    agency_id: 'bo-ldtbxh',
    successor_id: 'bo-nv',
    effective_on: '2025-03-01',
    document_id: '',
    source_id: MINISTRY_SOURCE,
    note: MINISTRY_NOTE,
  },
];
const formerSuccessor = new Map(readCsv(join(DATA_DIR, 'former_provinces.csv')).map((f) => [f.code!, f.successor_code!]));
for (const a of agencyRows) {
  if (!a.same_body_after_merger) continue;
  const next = agencyRows.find((b) => b.id === a.same_body_after_merger);
  const expected = formerSuccessor.get(a.former_province_code!);
  if (!next || !expected || next.province_code !== expected)
    throw new Error(`agency ${a.id}: successor ${a.same_body_after_merger} is not a body of province ${expected}`);
  successions.push({
    agency_id: a.id!,
    successor_id: next.id!,
    effective_on: '2025-07-01',
    document_id: '202/2025/QH15',
    source_id: '202/2025/QH15',
    note: `Former province ${a.former_province_code} became part of province ${expected} (former_provinces.csv).`,
  });
}

writeCsv(tasksTable.file, columnsOf(tasksTable), tasks);
writeCsv(progressReportsTable.file, columnsOf(progressReportsTable), reports);
writeCsv(agenciesTable.file, columnsOf(agenciesTable), agencyRows);
writeCsv(agencySuccessionsTable.file, columnsOf(agencySuccessionsTable), successions);
