/**
 * Imports the press figures of 2025 (data/sources/press-figures-2025/) and the national figures of the
 * draft Government report of 25/5/2025 (scripts/import/curated/cp-report-figures.csv, read by hand from
 * data/sources/cp-report-2025-05-25/CPbaocaot5.md) into data/: observations (each with its quote and,
 * for a snapshot, its as-of date), the indicators and documents they need (appended), the provinces'
 * own documents, and the task-progress facts that name no task. A dated count about one agency's tasks
 * goes to data/agency_reports.csv (never to per-task statuses: the count names no task); a fact that
 * cannot be published yet (no date, or a count over a span) stays in
 * scripts/import/curated/task-progress-pending.csv with the reason.
 *
 * Area names are mapped to codes only through data/area_aliases.csv: a name without a reviewed row
 * stops the import. A value already in data/ from another source must agree (its note then names the
 * second source and its sentence); a disagreement stops the import. Idempotent.
 *
 * Run after corrections.ts and tasks.ts (the agencies): node scripts/import/press-figures.ts
 */
import { join } from 'node:path';
import { DATA_DIR, readCsv, sortObservations, writeCsv } from './lib.ts';
import { parseAliases, resolveArea, type AliasLevel } from '../../src/lib/data/area-aliases.ts';
import {
  agencyReportsTable,
  columnsOf,
  documentsTable,
  indicatorsTable,
  observationsTable,
  type AgencyReportMeasure,
} from '../../src/schemas/index.ts';

type Row = Record<string, string>;
const here = (...p: string[]) => join(import.meta.dirname, ...p);
const read = (file: string) => readCsv(join(DATA_DIR, file));
const PRESS = (file: string) => readCsv(join(DATA_DIR, 'sources/press-figures-2025', file));

// --- areas ------------------------------------------------------------------------------------------------
const { index: aliases, problems } = parseAliases(read('area_aliases.csv'), {
  province: new Set(read('provinces.csv').map((p) => p.code!)),
  former_province: new Set(read('former_provinces.csv').map((p) => p.code!)),
});
if (problems.length > 0) throw new Error(problems.map((p) => `area_aliases.csv line ${p.line}: ${p.message}`).join('\n'));
function areaCode(name: string, level: string): string {
  const r = resolveArea(aliases, name, level as AliasLevel);
  if ('problem' in r) throw new Error(r.problem.message);
  return r.code;
}

// --- documents: the pages read, the draft report, and the provinces' own documents ------------------------
const documents = read(documentsTable.file);
const docById = new Map(documents.map((d) => [d.id!, d]));
const docByUrl = new Map(documents.filter((d) => d.url).map((d) => [d.url!, d.id!]));
function addDocument(d: Row): void {
  const existing = docById.get(d.id!);
  if (existing) {
    for (const c of columnsOf(documentsTable))
      if ((existing[c] ?? '') !== (d[c] ?? '')) throw new Error(`document ${d.id} already exists with another ${c}`);
    return;
  }
  documents.push(d);
  docById.set(d.id!, d);
  if (d.url) docByUrl.set(d.url, d.id!);
}
for (const d of readCsv(here('curated/press-documents.csv'))) addDocument(d);

const review = new Map(readCsv(here('curated/province-documents-review.csv')).map((r) => [`${r.area_name_vi}|${r.document_id}`, r]));
for (const p of PRESS('province-documents.csv')) {
  const r = review.get(`${p.area_name_vi}|${p.document_id}`);
  if (!r) throw new Error(`province document ${p.area_name_vi} ${p.document_id} has no reviewed row`);
  addDocument({
    id: r.id!,
    kind: r.kind!,
    issuer: r.issuer || p.issuer_vi!,
    issuer_en: r.issuer_en!,
    issued_on: p.issued_on!,
    title_vi: p.title_vi!,
    title_en: r.title_en!,
    url: p.url!,
    note: [`Symbol as printed: "${p.document_id}". ${r.level_reason}`, `Quote: "${p.quote_vi}"`, p.note].filter(Boolean).join(' '),
    area_level: r.area_level!,
    area_code: areaCode(p.area_name_vi!, r.area_level!),
  });
}

// Two documents of the curated launch list were added to data/ after the press import (the tasks of
// 71/NQ-CP and a Cà Mau article's task cite them); they come last, where the published documents.csv has them.
for (const d of readCsv(here('curated/documents-late.csv'))) addDocument(d);

// --- indicators (appended in the order of the curated file) -------------------------------------------------
const indicators = read(indicatorsTable.file);
const indicatorIds = new Set(indicators.map((i) => i.id!));
for (const i of readCsv(here('curated/press-indicators.csv'))) {
  if (indicatorIds.has(i.id!)) continue;
  indicators.push(i);
  indicatorIds.add(i.id!);
}
const periodType = new Map(indicators.map((i) => [i.id!, i.period_type!]));

// --- observations ---------------------------------------------------------------------------------------------
/** Press indicator ids → portal ids, for scores; ranks go to RANK_OF_SCORE. */
const SCORE_ID: Record<string, string> = {
  'dti|national': 'dti-quoc-gia',
  dti: 'dti',
  'dti-province-avg': 'dti-trung-binh-tinh',
  'dti-cqs': 'dti-tru-cot-chinh-quyen-so',
  'dti-kts': 'dti-tru-cot-kinh-te-so',
  'dti-xhs': 'dti-tru-cot-xa-hoi-so',
  idx766: 'idx766',
  'idx766-cong-khai': 'idx766-cong-khai',
  'idx766-tien-do': 'idx766-tien-do',
  'idx766-dvc-truc-tuyen': 'idx766-dvc-truc-tuyen',
  'idx766-hai-long': 'idx766-hai-long',
  'idx766-so-hoa': 'idx766-so-hoa',
  'online-dossier-share': 'ho-so-truc-tuyen',
  'partial-online-service-share': 'dvc-mot-phan-ty-le',
  'full-online-service-share': 'dvc-toan-trinh-ty-le',
  'full-online-dossier-share': 'ho-so-toan-trinh',
  'full-online-dossier-share-ministry-block': 'ho-so-toan-trinh-khoi-bo',
  'full-online-dossier-share-province-block': 'ho-so-toan-trinh-khoi-tinh',
  'online-public-services-count': 'so-dvc-truc-tuyen',
  'full-online-public-services-count': 'so-dvc-toan-trinh',
  pci: 'pci',
  'pci-median': 'pci-trung-vi',
  'pci-core': 'pci-goc',
  'par-index': 'par-index',
  pii: 'pii',
  'pii-input': 'pii-dau-vao',
  'pii-output': 'pii-dau-ra',
  'digital-signature-adult-share': 'chu-ky-so-nguoi-truong-thanh',
  'chu-ky-so-nguoi-truong-thanh': 'chu-ky-so-nguoi-truong-thanh',
  'chung-thu-chu-ky-so': 'chung-thu-chu-ky-so',
  'fiber-household-share': 'cap-quang-ho-gia-dinh',
  '5g-stations': 'tram-5g',
  '5g-population-coverage': 'phu-song-5g-dan-so',
  '4g-population-coverage': 'phu-song-4g-dan-so',
  'mobile-broadband-village-share': 'thon-ban-bang-rong-di-dong',
  'smartphone-subscription-share': 'thue-bao-smartphone',
  'commune-pasc-count': 'trung-tam-pvhcc-cap-xa',
  'commune-pasc-planned-count': 'trung-tam-pvhcc-cap-xa-du-kien',
};
const RANK_OF_SCORE: Record<string, string> = {
  dti: 'dti-rank',
  idx766: 'idx766-rank',
  pci: 'pci-rank',
  'par-index': 'par-index-rank',
  pii: 'pii-rank',
  papi: 'papi-rank',
};
/** Rows stored as an average over provinces rather than a value measured for the area. */
const AVERAGES = new Set([
  'dti-trung-binh-tinh',
  'dti-tru-cot-chinh-quyen-so',
  'dti-tru-cot-kinh-te-so',
  'dti-tru-cot-xa-hoi-so',
  'par-index',
]);

const observations = read(observationsTable.file);
const keyOf = (o: Row) => [o.indicator_id, o.area_level, o.area_code, o.period, o.as_of ?? ''].join('|');
const byKey = new Map(observations.map((o) => [keyOf(o), o]));
let added = 0;
let corroborated = 0;

/**
 * The period and snapshot date of a figure. An indicator reported by year keeps the year as its period;
 * a source's month ("2025-10") or day (as_of_date) becomes the snapshot date. Quarters stay as they are.
 */
function periodAndAsOf(indicatorId: string, period: string, asOfDate: string): { period: string; as_of: string } {
  const type = periodType.get(indicatorId);
  if (type === 'year' && /^\d{4}-\d{2}$/.test(period)) return { period: period.slice(0, 4), as_of: asOfDate || period };
  if (type === 'quarter' && !/^\d{4}-Q[1-4]$/.test(period)) throw new Error(`${indicatorId}: ${period} is not a quarter`);
  return { period, as_of: asOfDate };
}

/** Notes are our text: the ministries' abbreviations are written out ("TT&TT;" would read as an HTML entity). */
const spellOut = (note: string) =>
  note.replace(/Bộ TT&TT/g, 'Bộ Thông tin và Truyền thông').replace(/Bộ KH&CN/g, 'Bộ Khoa học và Công nghệ');

function put(o: Row, sourceLabel: string): void {
  o.note = spellOut(o.note ?? '');
  const existing = byKey.get(keyOf(o));
  if (!existing) {
    observations.push(o);
    byKey.set(keyOf(o), o);
    added++;
    return;
  }
  if (Number(existing.value) !== Number(o.value))
    throw new Error(`sources disagree at ${keyOf(o)}: ${existing.value} (${existing.source_id}) vs ${o.value} (${o.source_id})`);
  if (existing.source_id === o.source_id) {
    // The same page read again: it gives its sentence, its snapshot and any scope caveat.
    if (!existing.quote) existing.quote = o.quote!;
    if (o.note && !(existing.note ?? '').includes(o.note)) existing.note = [existing.note, o.note].filter(Boolean).join(' ');
    return;
  }
  const mention = `Same value reported by ${sourceLabel}: "${o.quote}".`;
  if (!(existing.note ?? '').includes(mention)) {
    existing.note = [existing.note, mention].filter(Boolean).join(' ');
    corroborated++;
  }
}

for (const f of PRESS('figures.csv')) {
  const isRank = f.unit === 'rank';
  const id = isRank ? RANK_OF_SCORE[f.indicator!] : (SCORE_ID[`${f.indicator}|${f.area_level}`] ?? SCORE_ID[f.indicator!]);
  if (!id) throw new Error(`no portal indicator for ${f.indicator} (${f.unit})`);
  if (!indicatorIds.has(id)) throw new Error(`indicator ${id} is not defined`);
  const source = docByUrl.get(f.url!);
  if (!source) throw new Error(`no document for ${f.url}`);
  const level = f.area_level!;
  const { period, as_of } = periodAndAsOf(id, f.period!, f.as_of_date!);
  const scoreNote = isRank ? '' : f.note!;
  put(
    {
      indicator_id: id,
      area_level: level,
      area_code: areaCode(f.area_name_vi!, level),
      period,
      value: f.value!,
      source_id: source,
      published_on: f.published_on!,
      method: AVERAGES.has(id) && level === 'national' ? 'average_of_provinces' : 'as_published',
      note: [f.area_name_vi !== 'Việt Nam' ? `Named "${f.area_name_vi}" on the page.` : '', isRank ? f.note! : scoreNote]
        .filter(Boolean)
        .join(' '),
      as_of,
      rank_of: isRank ? (level === 'province' ? '34' : '63') : '',
      quote: f.quote_vi!,
    },
    `${source} (${f.published_on || 'undated'})`,
  );
}

for (const f of readCsv(here('curated/cp-report-figures.csv'))) {
  const id = SCORE_ID[f.indicator!];
  if (!id || !indicatorIds.has(id)) throw new Error(`no portal indicator for ${f.indicator}`);
  const { period, as_of } = periodAndAsOf(id, f.period!, f.as_of_date!);
  put(
    {
      indicator_id: id,
      area_level: f.area_level!,
      area_code: areaCode(f.area_name_vi!, f.area_level!),
      period,
      value: f.value!,
      source_id: '402-CV/VPĐU',
      published_on: '2025-05-25',
      method: id === 'ho-so-toan-trinh-khoi-tinh' ? 'average_of_provinces' : 'as_published',
      note: [`Draft report (not final), line ${f.line} of the transcription.`, f.note].filter(Boolean).join(' '),
      as_of,
      rank_of: '',
      quote: f.quote_vi!,
    },
    `the draft Government report 402-CV/VPĐU (2025-05-25, line ${f.line} of the transcription)`,
  );
}

// --- task progress: facts naming no task are published; the others wait for the task model ----------------
type TaskFact =
  | { indicator: string; period: string }
  | { pending: string }
  /** A count about one agency: the agency by its Vietnamese name as the row gives it, or the id the note names. */
  | { agencyReport: AgencyReportMeasure; agency?: string; note?: string };
// The per-ministry counts of the 31/7/2025 review, as the page prints them (SOURCE.md, "Translated pages").
const LATE_TASKS_NOTE =
  'Of the 21 late tasks of 71/NQ-CP in 2025 not completed as of 31 July 2025 (33 behind schedule, 12 of them completed), reported by the Deputy Minister of Science and Technology at the meeting of 1 August chaired by Deputy Prime Minister Nguyễn Chí Dũng. English machine-translated page with no article date; it names 8 of the "9 ministries", and its per-ministry counts add up to 24, more than 21: use with care (data/sources/press-figures-2025/SOURCE.md). The Vietnamese name of the ministry was supplied for the English name printed.';
const DANANG_NOTE =
  'Interview with the Director of the Đà Nẵng Department of Science and Technology, after one year of Resolution 57; the page gives no as-of date, only its own (11/03/2026). The tasks are those the City Party Committee and the city Steering Committee 57 assigned to the Department.';
const TASK_FACT: Record<string, TaskFact> = {
  tasks_behind_schedule: { indicator: 'nq71-nhiem-vu-cham', period: '2025' },
  late_tasks_completed: { indicator: 'nq71-nhiem-vu-cham-da-xong', period: '2025' },
  late_tasks_not_completed: { indicator: 'nq71-nhiem-vu-cham-chua-xong', period: '2025' },
  agencies_responsible_for_unfinished_tasks: { indicator: 'nq71-co-quan-chua-xong', period: '2025' },
  ministries_with_unfinished_tasks: { indicator: 'nq71-bo-chua-xong', period: '2025' },
  localities_with_unfinished_tasks: { indicator: 'nq71-dia-phuong-chua-xong', period: '2025' },
  unfinished_late_tasks: { agencyReport: 'unfinished_late_tasks', note: LATE_TASKS_NOTE },
  central_tasks_completed_2025: { indicator: 'tinh-nhiem-vu-tw-hoan-thanh', period: '2025' },
  central_tasks_assigned_2025: { indicator: 'tinh-nhiem-vu-tw-giao', period: '2025' },
  central_tasks_added_first_2_months_2026: {
    pending: 'a count of tasks added over two months, not a state at a date; no indicator holds it yet',
  },
  central_tasks_assigned_cumulative: { indicator: 'tinh-nhiem-vu-tw-giao', period: '2026' },
  city_tasks_completed: { agencyReport: 'tasks_completed', agency: 'danang-so-khcn', note: DANANG_NOTE },
  city_tasks_in_progress: { agencyReport: 'tasks_in_progress', agency: 'danang-so-khcn', note: DANANG_NOTE },
  central_tasks_total: { pending: 'no date on the stored page: the period cannot be stated' },
  central_tasks_completed: { pending: 'no date on the stored page: the period cannot be stated' },
  central_tasks_recurring: { pending: 'no date on the stored page: the period cannot be stated' },
  central_tasks_in_progress: { pending: 'no date on the stored page: the period cannot be stated' },
  targets_completed_share_percent: { pending: 'no date on the stored page: the period cannot be stated' },
};
/** Pages that are machine translations into English (SOURCE.md, "Translated pages"): their quotes are in English. */
const TRANSLATED_PAGES = new Set([
  'https://vcdn.vietnam.vn/en/thong-nhat-he-thong-du-lieu-trong-danh-gia-tien-do-thuc-hien-nq-57-va-nq-71',
]);
const agencyByName = new Map(read('agencies.csv').map((a) => [a.name_vi!, a.id!]));
const agencyIds = new Set(agencyByName.values());
const pending: Row[] = [];
const agencyReports: Row[] = [];
for (const t of PRESS('task-progress.csv')) {
  const fact = TASK_FACT[t.measure!];
  if (!fact) throw new Error(`no decision for task-progress measure ${t.measure}`);
  if ('pending' in fact) {
    pending.push({ ...t, reason: fact.pending } as Row);
    continue;
  }
  if ('agencyReport' in fact) {
    const agency = fact.agency ?? agencyByName.get(t.owner_or_area_vi!);
    if (!agency || !agencyIds.has(agency))
      throw new Error(`task-progress ${t.measure} of "${t.owner_or_area_vi}": no agency in agencies.csv`);
    const source = docByUrl.get(t.url!);
    if (!source) throw new Error(`no document for ${t.url}`);
    const published = docById.get(source)!.issued_on ?? '';
    if (!t.as_of_date && !published) throw new Error(`task-progress ${t.measure} of "${t.owner_or_area_vi}": no date`);
    agencyReports.push({
      agency_id: agency,
      measure: fact.agencyReport,
      value: t.value!,
      scope_en: t.scope!,
      as_of: t.as_of_date ?? '',
      published_on: published,
      source_id: source,
      quote: t.quote_vi!,
      quote_lang: TRANSLATED_PAGES.has(t.url!) ? 'en' : 'vi',
      note: [fact.note, t.note === 'As printed.' || t.note?.startsWith('See caveat') ? '' : t.note].filter(Boolean).join(' '),
    });
    continue;
  }
  const source = docByUrl.get(t.url!);
  if (!source) throw new Error(`no document for ${t.url}`);
  const national = t.owner_or_area_vi === 'Việt Nam';
  const published = docById.get(source)!.issued_on ?? '';
  put(
    {
      indicator_id: fact.indicator,
      area_level: national ? 'national' : 'province',
      area_code: areaCode(t.owner_or_area_vi!, national ? 'national' : 'province'),
      period: fact.period,
      value: t.value!,
      source_id: source,
      published_on: published,
      method: 'as_published',
      note: [`Scope: ${t.scope}.`, t.note].filter(Boolean).join(' '),
      as_of: t.as_of_date!,
      rank_of: '',
      quote: t.quote_vi!,
    },
    source,
  );
}

writeCsv(observationsTable.file, columnsOf(observationsTable), sortObservations(observations));
writeCsv(indicatorsTable.file, columnsOf(indicatorsTable), indicators);
writeCsv(documentsTable.file, columnsOf(documentsTable), documents);
writeCsv(agencyReportsTable.file, columnsOf(agencyReportsTable), agencyReports);
writeCsv(
  '../scripts/import/curated/task-progress-pending.csv',
  ['scope', 'owner_or_area_vi', 'as_of_date', 'measure', 'value', 'url', 'quote_vi', 'note', 'reason'],
  pending,
);
console.log(
  `observations: ${added} added, ${corroborated} corroborated; ${agencyReports.length} agency reports; ${pending.length} task-progress facts pending`,
);
