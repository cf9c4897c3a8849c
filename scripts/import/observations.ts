/**
 * Imports the indicator values: DTI 2022–2024 (dti-opendx), figures quoted by the press
 * (indicator-figures-news) and the figures of the seed articles (curated/observations-from-articles.csv).
 * One row per (indicator, area, period); where two sources give the same figure, one row keeps it and
 * its note names the other. Nothing is computed here: every value is a published one.
 *
 * Run: node scripts/import/observations.ts
 */
import { join } from 'node:path';
import { readCsv, sharedPath, writeCsv } from './lib.ts';
import { columnsOf, observationsTable } from '../../src/schemas/index.ts';

type Obs = {
  indicator_id: string;
  area_level: string;
  area_code: string;
  period: string;
  value: string;
  source_id: string;
  published_on: string;
  method: string;
  note: string;
};
const rows = new Map<string, Obs>();
const keyOf = (o: Pick<Obs, 'indicator_id' | 'area_level' | 'area_code' | 'period'>) =>
  `${o.indicator_id}|${o.area_level}|${o.area_code}|${o.period}`;

function add(o: Obs): void {
  const key = keyOf(o);
  if (rows.has(key)) throw new Error(`duplicate observation ${key}`);
  rows.set(key, o);
}

/** A second source for a value already recorded: must agree; its name goes into the note. */
function corroborate(o: Pick<Obs, 'indicator_id' | 'area_level' | 'area_code' | 'period' | 'value'>, by: string): void {
  const existing = rows.get(keyOf(o));
  if (!existing) throw new Error(`nothing to corroborate at ${keyOf(o)}`);
  if (Number(existing.value) !== Number(o.value)) throw new Error(`sources disagree at ${keyOf(o)}: ${existing.value} vs ${o.value}`);
  existing.note = [existing.note, `Same value reported by ${by}.`].filter(Boolean).join(' ');
}

const SUBINDICES = [
  'nhan_thuc_so',
  'the_che_so',
  'ha_tang_so',
  'nhan_luc_so',
  'an_toan_thong_tin_mang',
  'hoat_dong_chinh_quyen_so',
  'hoat_dong_kinh_te_so',
  'hoat_dong_xa_hoi_so',
] as const;
const subId = (column: string) => `dti-${column.replace(/_/g, '-')}`;

// Current provinces formed from two or more former provinces: their 2024 DTI is the Ministry's mean.
const formerCount = new Map<string, number>();
for (const f of readCsv(join(import.meta.dirname, '../../data/former_provinces.csv'))) {
  formerCount.set(f.successor_code!, (formerCount.get(f.successor_code!) ?? 0) + 1);
}

// --- DTI 2024, 34 current provinces, with the 8 main indices and the rank ---------------------------
for (const r of readCsv(sharedPath('dti-opendx', 'dti_2024_34_provinces_subindices.csv'))) {
  const merged = (formerCount.get(r.province_code!) ?? 0) > 1;
  const base = {
    area_level: 'province',
    area_code: r.province_code!,
    period: '2024',
    source_id: 'dti-gov-vn-xep-hang-2024',
    published_on: '2025-10-21',
  };
  const method = merged ? 'ministry_mean_of_former_units' : 'as_published';
  add({ ...base, indicator_id: 'dti', value: r.dti_tinh!, method, note: '' });
  for (const c of SUBINDICES) add({ ...base, indicator_id: subId(c), value: r[c]!, method, note: '' });
  add({ ...base, indicator_id: 'dti-rank', value: r.rank!, method, note: 'Rank among the 34 current provinces.' });
}

// --- DTI overall 2022–2024, 63 former provinces -------------------------------------------------------
const DTI_PAGE: Record<string, string> = {
  '2022': 'dti-gov-vn-xep-hang-2022',
  '2023': 'dti-gov-vn-xep-hang-2023',
  '2024': 'dti-gov-vn-xep-hang-2024-63-tinh',
};
for (const r of readCsv(sharedPath('dti-opendx', 'dti_pdti_all_years_with_codes.csv'))) {
  if (r.unit_set !== '63_former') continue;
  add({
    indicator_id: 'dti',
    area_level: 'former_province',
    area_code: r.unit_code!,
    period: r.year!,
    value: r.dti_tinh!,
    source_id: DTI_PAGE[r.year!]!,
    published_on: '',
    method: 'as_published',
    note: '',
  });
}

// --- DTI 2022 ranks (63, as on the dti.gov.vn page) and the top five's main indices ------------------
for (const r of readCsv(sharedPath('dti-opendx', 'dti_2022_ranks_from_dti_gov_vn_page.csv'))) {
  const tie = r.rank === '15' ? 'Tie at rank 15 (Thanh Hóa and Yên Bái) as published; there is no rank 16.' : '';
  add({
    indicator_id: 'dti-rank',
    area_level: 'former_province',
    area_code: r.former_province_code!,
    period: '2022',
    value: r.rank!,
    source_id: 'dti-gov-vn-xep-hang-2022',
    published_on: '',
    method: 'as_published',
    note: ['Rank among the 63 provinces.', tie].filter(Boolean).join(' '),
  });
}
for (const r of readCsv(sharedPath('dti-opendx', 'dti_2022_top5_subindices_from_dti_gov_vn_page.csv'))) {
  for (const c of SUBINDICES) {
    add({
      indicator_id: subId(c),
      area_level: 'former_province',
      area_code: r.former_province_code!,
      period: '2022',
      value: r[c]!,
      source_id: 'dti-gov-vn-xep-hang-2022',
      published_on: '',
      method: 'as_published',
      note: 'Only the five first provinces of 2022 have their main indices in the stored copy of the page.',
    });
  }
  corroborate(
    { indicator_id: 'dti', area_level: 'former_province', area_code: r.former_province_code!, period: '2022', value: r.dti_tinh! },
    'the detailed table of dti.gov.vn/xep-hang-2022',
  );
}

// --- Figures quoted by the press (indicator-figures-news) ------------------------------------------------
const PAGE_DOC: Record<string, string> = {
  'https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm': 'dantri-20251021181803153',
  'https://vtcnews.vn/ha-noi-dan-dau-ca-nuoc-ve-chuyen-doi-so-cao-bang-dung-cuoi-bang-ar972306.html': 'vtcnews-ar972306',
  'https://vneconomy.vn/da-nang-dan-dau-cac-tinh-thanh-ve-chuyen-doi-so.htm': 'vneconomy-da-nang-dti-2023',
  'https://nguoihanoi.vn/ha-noi-xep-thu-6-ve-chi-so-chuyen-doi-so-cap-tinh-89443.html': 'nguoihanoi-89443',
  'https://travinh.gov.vn/1426/37932/73050/691291/chuyen-doi-so/danh-gia-muc-do-chuyen-doi-so-nam-2022-tra-vinh-xep-hang-25-63-tinh-thanh-pho':
    'travinh-gov-vn-691291',
  'https://www.vietnamplus.vn/hai-phong-dung-dau-cao-bang-doi-so-bang-chi-so-cai-cach-hanh-chinh-nam-2024-post1025084.vnp':
    'vietnamplus-post1025084',
  'https://baomoi.net.vn/hai-tinh-nao-co-chi-so-cai-cach-hanh-chinh-cao-nhat-c51908021.epi': 'baomoi-c51908021',
  'https://nvsk.vnanet.vn/print/infographics-chi-so-cai-cach-hanh-chinh-2023-par-index-2023-145152.vna': 'vnanet-145152',
  'https://baotintuc.vn/video/sipas-cua-63-dia-phuong-nam-2023-v20240417172100954.htm': 'baotintuc-v20240417172100954',
};

/** How each press figure enters the table, keyed by "indicator|unit_name|year" of the source row. */
type Mapping =
  | { indicator_id: string; area_level: string; area_code: string; method: string; value?: string; corroborates?: boolean; note?: string }
  | { skip: string };
const MAP: Record<string, Mapping> = {
  'DTI quốc gia|Việt Nam|2024': { indicator_id: 'dti-quoc-gia', area_level: 'national', area_code: 'VN', method: 'as_published' },
  'DTI quốc gia|Việt Nam|2023': {
    indicator_id: 'dti-quoc-gia',
    area_level: 'national',
    area_code: 'VN',
    method: 'as_published',
    note: 'Quoted in the 2024 announcement as the previous year\u2019s value.',
  },
  'Xếp hạng Chính phủ điện tử Liên Hợp Quốc (EGDI)|Việt Nam|2024': {
    indicator_id: 'egdi-rank',
    area_level: 'national',
    area_code: 'VN',
    method: 'as_published',
    value: '71',
    note: 'Rank 71 of 193 countries.',
  },
  'DTI cấp tỉnh - giá trị trung bình|34 tỉnh, thành phố|2024': {
    indicator_id: 'dti',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
    note: 'Average over the provinces as announced; not the national DTI.',
  },
  'DTI cấp tỉnh - trụ cột Chính quyền số (trung bình)|34 tỉnh, thành phố|2024': {
    indicator_id: 'dti-tru-cot-chinh-quyen-so',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
  },
  'DTI cấp tỉnh - trụ cột Kinh tế số (trung bình)|34 tỉnh, thành phố|2024': {
    indicator_id: 'dti-tru-cot-kinh-te-so',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
  },
  'DTI cấp tỉnh - trụ cột Xã hội số (trung bình)|34 tỉnh, thành phố|2024': {
    indicator_id: 'dti-tru-cot-xa-hoi-so',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
  },
  'DTI cấp tỉnh|Thành phố Hà Nội (01)|2024': {
    indicator_id: 'dti',
    area_level: 'province',
    area_code: '01',
    method: 'as_published',
    corroborates: true,
  },
  'DTI cấp tỉnh|Thành phố Huế (46)|2024': {
    indicator_id: 'dti',
    area_level: 'province',
    area_code: '46',
    method: 'as_published',
    corroborates: true,
  },
  'DTI cấp tỉnh|Thành phố Hải Phòng (31)|2024': {
    indicator_id: 'dti',
    area_level: 'province',
    area_code: '31',
    method: 'as_published',
    corroborates: true,
  },
  'DTI cấp tỉnh|Thành phố Hồ Chí Minh (79)|2024': {
    indicator_id: 'dti',
    area_level: 'province',
    area_code: '79',
    method: 'as_published',
    corroborates: true,
  },
  'DTI cấp tỉnh - thứ hạng|Thành phố Đà Nẵng (48)|2024': {
    indicator_id: 'dti-rank',
    area_level: 'province',
    area_code: '48',
    method: 'as_published',
    value: '17',
    corroborates: true,
  },
  'DTI cấp tỉnh - phương pháp gộp|tỉnh, thành sau sáp nhập|2024': {
    skip: 'a statement of method, recorded in the method column (ministry_mean_of_former_units)',
  },
  'DTI cấp tỉnh - giá trị trung bình|63 tỉnh, thành phố|2023': {
    indicator_id: 'dti',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
    note: 'Average over the 63 provinces as announced.',
  },
  'DTI cấp bộ có cung cấp dịch vụ công - giá trị trung bình|bộ, ngành có DVC|2023': {
    indicator_id: 'dti-bo-dvc',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_ministries',
  },
  'DTI cấp tỉnh - thứ hạng|Thành phố Hà Nội (01)|2023': {
    indicator_id: 'dti-rank',
    area_level: 'former_province',
    area_code: '01',
    method: 'as_published',
    value: '6',
    note: 'Rank 6 of 63; the only 2023 rank recorded here (the scraped 2023 list gives the order, not official ranks).',
  },
  'DTI cấp tỉnh|Tỉnh Trà Vinh (84, trước sáp nhập)|2022': {
    indicator_id: 'dti',
    area_level: 'former_province',
    area_code: '84',
    method: 'as_published',
    corroborates: true,
  },
  'DTI cấp tỉnh - trụ cột Chính quyền số|Tỉnh Trà Vinh (84, trước sáp nhập)|2022': {
    indicator_id: 'dti-tru-cot-chinh-quyen-so',
    area_level: 'former_province',
    area_code: '84',
    method: 'as_published',
    note: 'Ranked 29th of 63 on this pillar, per the same page.',
  },
  'Chỉ số cải cách hành chính (PAR Index) - trung bình|63 tỉnh, thành phố|2024': {
    indicator_id: 'par-index',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
    note: 'Average over the 63 provinces; published April 2025 (day not in the copy).',
  },
  'Chỉ số cải cách hành chính (PAR Index)|Thành phố Hải Phòng (31, trước sáp nhập)|2024': {
    indicator_id: 'par-index',
    area_level: 'former_province',
    area_code: '31',
    method: 'as_published',
    note: 'First of the 63 provinces.',
  },
  'Chỉ số cải cách hành chính (PAR Index) - số địa phương nhóm A (>=90%)|63 tỉnh, thành phố|2024': {
    indicator_id: 'par-index-group-a',
    area_level: 'national',
    area_code: 'VN',
    method: 'as_published',
    note: 'Published April 2025 (day not in the copy).',
  },
  'Chỉ số cải cách hành chính (PAR Index)|Thành phố Hà Nội (01)|2023': {
    indicator_id: 'par-index',
    area_level: 'former_province',
    area_code: '01',
    method: 'as_published',
    note: 'Ranked 3rd of 63 (see PAR Index rank).',
  },
  'Chỉ số hài lòng (SIPAS) - trung bình cả nước|63 tỉnh, thành phố|2023': {
    indicator_id: 'sipas',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
  },
  'Chỉ số hài lòng (SIPAS) - trung bình cả nước|63 tỉnh, thành phố|2022': {
    indicator_id: 'sipas',
    area_level: 'national',
    area_code: 'VN',
    method: 'average_of_provinces',
    note: 'Quoted in the 2023 announcement as the previous year\u2019s value.',
  },
};
for (const r of readCsv(sharedPath('indicator-figures-news', 'indicator_figures_from_pages.csv'))) {
  const key = `${r.indicator}|${r.unit_name}|${r.reference_year}`;
  const m = MAP[key];
  if (!m) throw new Error(`no mapping for press figure ${key}`);
  if ('skip' in m) continue;
  const source = PAGE_DOC[r.source_url!];
  if (!source) throw new Error(`no document for ${r.source_url}`);
  const value = m.value ?? r.value!;
  const o = { indicator_id: m.indicator_id, area_level: m.area_level, area_code: m.area_code, period: r.reference_year!, value };
  if (m.corroborates) {
    corroborate(o, `${source} (${r.source_date || 'undated'})`);
    continue;
  }
  const published = /^\d{4}-\d{2}-\d{2}$/.test(r.source_date ?? '') ? r.source_date! : '';
  add({ ...o, source_id: source, published_on: published, method: m.method, note: m.note ?? '' });
}
// Hà Nội's PAR Index rank 2023 is stated in the same sentence as its score.
add({
  indicator_id: 'par-index-rank',
  area_level: 'former_province',
  area_code: '01',
  period: '2023',
  value: '3',
  source_id: 'vnanet-145152',
  published_on: '2024-04-18',
  method: 'as_published',
  note: 'Rank 3 of 63.',
});

// --- Figures of the seed articles (hand-read; see the notes) -----------------------------------------
for (const r of readCsv(join(import.meta.dirname, 'curated/observations-from-articles.csv'))) add(r as Obs);

const out = [...rows.values()].sort(
  (a, b) =>
    a.indicator_id.localeCompare(b.indicator_id) ||
    a.area_level.localeCompare(b.area_level) ||
    a.area_code.localeCompare(b.area_code) ||
    a.period.localeCompare(b.period),
);
writeCsv(observationsTable.file, columnsOf(observationsTable), out);
