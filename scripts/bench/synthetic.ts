/**
 * SYNTHETIC data in the project's layout, for benchmarks only: a seeded generator (the same seed
 * always writes the same bytes). Every name says SYNTHETIC; the site refuses to build from it
 * unless PORTAL_ALLOW_SYNTHETIC=1 (src/lib/model/index.ts).
 */
import { closeSync, copyFileSync, cpSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readTable } from '../../src/lib/data/read-dataset.ts';
import {
  agenciesTable,
  agencySuccessionsTable,
  agencyReportsTable,
  columnsOf,
  communesTable,
  documentsTable,
  indicatorsTable,
  observationsTable,
  progressReportsTable,
  provincesTable,
  tasksTable,
  targetsTable,
} from '../../src/schemas/index.ts';

/** mulberry32: a tiny deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Scale {
  name: 'S' | 'M' | 'M50' | 'L';
  indicators: number;
  periods: number;
  /** Areas: provinces only, or provinces and communes. */
  communes: boolean;
  tasks: number;
  /**
   * Issue #17's shape: observations left out as missing rows at this rate (instead of rows with an
   * empty value and a note), and each observation's source an http(s) URL among this many distinct ones.
   */
  gapRows?: number;
  sourceUrls?: number;
}
/**
 * S: today's real shape (34 provinces, yearly). M: 3,355 areas (34 provinces + 3,321 communes) ×
 * 20 indicators × 24 months (1.6 M rows, documents as sources). M50: issue #17's case, 3,355 areas ×
 * 50 indicators × 24 months with ~2 % of rows missing and 1,200 distinct source URLs (≈ 3.95 M rows,
 * 1,500 tasks). L: as M over 120 months (8 M rows).
 */
export const SCALES: Record<Scale['name'], Scale> = {
  S: { name: 'S', indicators: 22, periods: 1, communes: false, tasks: 24 },
  M: { name: 'M', indicators: 20, periods: 24, communes: true, tasks: 2000 },
  M50: { name: 'M50', indicators: 50, periods: 24, communes: true, tasks: 1500, gapRows: 0.02, sourceUrls: 1200 },
  L: { name: 'L', indicators: 20, periods: 120, communes: true, tasks: 2000 },
};

// Papa.unparse ends a table without rows with a line break: one line break ends every file.
const csv = (columns: readonly string[], rows: Record<string, string | number>[]) =>
  `${Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }).replace(/\n$/, '')}\n`;

/** Monthly periods from 2016-01: 24 → 2016-01..2017-12; yearly for S. */
function periods(n: number): string[] {
  if (n === 1) return ['2024'];
  return Array.from({ length: n }, (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

export function generate(scale: Scale, out: string, realData: string, seed = 57): { rows: number } {
  const rand = prng(seed);
  mkdirSync(out, { recursive: true });
  // Real administrative units (public reference data), so the areas are the real 34 and 3,321.
  for (const f of ['provinces.csv', 'unit_changes.csv', 'former_provinces.csv', 'communes.csv', 'commune_merges.csv'])
    copyFileSync(join(realData, f), join(out, f));
  // The real map geometry (keyed by the real codes above): the maps are built as on the real site.
  cpSync(join(realData, 'boundaries'), join(out, 'boundaries'), { recursive: true });
  const provinces = readTable(provincesTable, new Uint8Array(readFileSync(join(realData, provincesTable.file)))).rows.map((p) => p.code);
  const communes = readTable(communesTable, new Uint8Array(readFileSync(join(realData, communesTable.file)))).rows.map((c) => c.code);

  const docs = [
    ...['30/2026/QH16', '237/NQ-UBTVQH16'].map((id) => ({
      id,
      kind: 'nghi_quyet',
      issuer: 'SYNTHETIC issuer',
      issuer_en: 'SYNTHETIC issuer',
      issued_on: '2026-01-01',
      title_vi: `SYNTHETIC ${id}`,
      title_en: `SYNTHETIC ${id}`,
      url: '',
      note: 'SYNTHETIC benchmark row',
    })),
    ...Array.from({ length: 50 }, (_, i) => ({
      id: `synthetic-doc-${i}`,
      kind: 'bai_bao',
      issuer: 'SYNTHETIC',
      issuer_en: 'SYNTHETIC',
      issued_on: '2025-06-01',
      title_vi: `SYNTHETIC tài liệu ${i}`,
      title_en: `SYNTHETIC document ${i}`,
      url: `https://example.org/synthetic/${i}`,
      note: 'SYNTHETIC benchmark row',
    })),
  ];
  writeFileSync(join(out, 'documents.csv'), csv(columnsOf(documentsTable), docs));
  const periodType = scale.periods === 1 ? 'year' : 'month';
  const indicators = Array.from({ length: scale.indicators }, (_, i) => ({
    id: `synthetic-${i}`,
    parent_id: '',
    name_vi: `SYNTHETIC chỉ số ${i}`,
    name_en: `SYNTHETIC indicator ${i}`,
    unit: 'percent',
    min: 0,
    max: 100,
    decimals: 2,
    higher_is_better: 'true',
    aggregation: 'mean',
    period_type: periodType,
    description_vi: 'SYNTHETIC — dữ liệu giả cho đo hiệu năng.',
    description_en: 'SYNTHETIC — fake data for benchmarks.',
  }));
  writeFileSync(join(out, 'indicators.csv'), csv(columnsOf(indicatorsTable), indicators));
  writeFileSync(
    join(out, 'targets.csv'),
    csv(
      columnsOf(targetsTable),
      indicators.slice(0, 5).map((ind, i) => ({
        id: `synthetic-target-${i}`,
        document_id: 'synthetic-doc-0',
        item: String(i),
        indicator_id: ind.id,
        text_vi: `SYNTHETIC mục tiêu ${i}`,
        text_en: `SYNTHETIC target ${i}`,
        unit_vi: '%',
        comparator: '>=',
        value: 80,
        value_max: '',
        deadline: '2030-12-31',
        scope: 'national',
        owner: 'SYNTHETIC',
        text_status: 'verified',
      })),
    ),
  );

  const areas = [
    ...provinces.map((c) => ['province', c] as const),
    ...(scale.communes ? communes.map((c) => ['commune', c] as const) : []),
  ];
  const ps = periods(scale.periods);
  // Written one indicator at a time: at scale L the file (≈ 664 MB) is longer than V8's longest string.
  const observations = openSync(join(out, 'observations.csv'), 'w');
  writeFileSync(observations, `${columnsOf(observationsTable).join(',')}\n`);
  let rows = 0;
  for (const ind of indicators) {
    const chunks: string[] = [];
    for (const [level, code] of areas) {
      const lines: string[] = [];
      for (const p of ps) {
        if (scale.gapRows !== undefined) {
          // A gap is a missing row; the source is one of `sourceUrls` SYNTHETIC URLs.
          if (rand() < scale.gapRows) continue;
          const source = `https://example.org/synthetic/source-${Math.floor(rand() * scale.sourceUrls!)}`;
          lines.push(`${ind.id},${level},${code},${p},${(rand() * 100).toFixed(2)},${source},2026-01-15,as_published,SYNTHETIC,,,`);
          rows++;
          continue;
        }
        const missing = rand() < 0.03;
        lines.push(
          `${ind.id},${level},${code},${p},${missing ? '' : (rand() * 100).toFixed(2)},synthetic-doc-${Math.floor(rand() * 50)},2026-01-15,as_published,${missing ? 'SYNTHETIC gap' : ''},,,`,
        );
        rows++;
      }
      // An area whose every period is a missing row has no line (it wrote a blank line, a blank-row error, with few periods).
      if (lines.length > 0) chunks.push(`${lines.join('\n')}\n`);
    }
    writeFileSync(observations, chunks.join(''));
  }
  closeSync(observations);

  const words = [
    ['Đang thực hiện', 'in_progress'],
    ['Hoàn thành', 'done'],
    ['Quá hạn', 'overdue_reported'],
    ['', ''],
  ] as const;
  const reports: Record<string, string>[] = [];
  const tasks = Array.from({ length: scale.tasks }, (_, i) => {
    const month = 1 + Math.floor(rand() * 12);
    const province = provinces[Math.floor(rand() * provinces.length)]!;
    const [word, status] = words[Math.floor(rand() * words.length)]!;
    if (word)
      reports.push({
        task_id: `synthetic-task-${i}`,
        reported_on: '2025-06-30',
        describes_on: '2025-06-30',
        status_word: word,
        status,
        evidence_vi: status === 'done' ? 'SYNTHETIC kết quả' : '',
        done_by_document: '',
        completed_on: status === 'done' ? '2025-06-30' : '',
        source_id: `synthetic-doc-${i % 50}`,
        note: 'SYNTHETIC benchmark row',
      });
    return {
      id: `synthetic-task-${i}`,
      document_id: `synthetic-doc-${i % 50}`,
      item: '',
      section: '',
      title_vi: `SYNTHETIC nhiệm vụ ${i}`,
      title_en: `SYNTHETIC task ${i}`,
      owner: 'SYNTHETIC cơ quan',
      owner_ids: 'synthetic-agency',
      co_owners: '',
      expected_output: '',
      due_text: `${month}/2025`,
      due_period: `2025-${String(month).padStart(2, '0')}`,
      recurrence: 'none',
      area_level: 'province',
      area_code: province,
      assigned_on: '2025-01-01',
      revises: '',
      source_id: `synthetic-doc-${i % 50}`,
      note: 'SYNTHETIC benchmark row',
    };
  });
  writeFileSync(join(out, 'progress_reports.csv'), csv(columnsOf(progressReportsTable), reports));
  writeFileSync(
    join(out, 'agencies.csv'),
    csv(columnsOf(agenciesTable), [
      {
        id: 'synthetic-agency',
        name_vi: 'SYNTHETIC cơ quan',
        name_en: 'SYNTHETIC body',
        kind: 'ministry',
        province_code: '',
        former_province_code: '',
        note: 'SYNTHETIC benchmark row',
      },
    ]),
  );
  writeFileSync(join(out, 'agency_successions.csv'), csv(columnsOf(agencySuccessionsTable), []));
  writeFileSync(join(out, 'agency_reports.csv'), csv(columnsOf(agencyReportsTable), []));
  writeFileSync(join(out, 'tasks.csv'), csv(columnsOf(tasksTable), tasks));
  writeFileSync(
    join(out, 'dataset.json'),
    `${JSON.stringify({ title_vi: 'SYNTHETIC — dữ liệu giả cho đo hiệu năng', title_en: `SYNTHETIC benchmark data, scale ${scale.name}`, publisher: 'SYNTHETIC', licence: 'CC0-1.0', licence_url: 'https://creativecommons.org/publicdomain/zero/1.0/', as_of: '2026-07-25', sources: [{ id: 'synthetic', title: 'SYNTHETIC generator (scripts/bench/synthetic.ts)', licence: 'CC0-1.0' }], table_sources: {} }, null, 2)}\n`,
  );
  return { rows };
}
