/**
 * Imports the administrative units: 34 provinces, 63 former provinces, 3,321 communes, the
 * former-commune mapping and the dated unit changes of 30 April 2026.
 *
 * Sources (see data/sources/<id>/SOURCE.md):
 * - vn-provinces-db-thanglequoc: GSO codes and types in force from 30 Apr 2026 (preferred for keys);
 *   its 2025-07-01 export is used to spell names in one tone convention.
 * - dvhcvn-20250701: the 63 → 34 mapping and the former-commune mapping (assisted, not official).
 *
 * Run: node scripts/import/admin-units.ts
 */
import { normalizeTone, readCsv, readJson, sharedPath, shortName, toAscii, writeCsv } from './lib.ts';
import {
  columnsOf,
  communeMergesTable,
  communesTable,
  formerProvincesTable,
  provincesTable,
  unitChangesTable,
} from '../../src/schemas/index.ts';

const TLQ = 'vn-provinces-db-thanglequoc';
const DVH = 'dvhcvn-20250701';

const typeOfProvince = (unitShort: string): string => {
  if (unitShort === 'Tỉnh') return 'tinh';
  if (unitShort === 'Thành phố') return 'thanh_pho';
  throw new Error(`unknown province unit "${unitShort}"`);
};
const typeOfCommune = (unitShort: string): string => {
  const t = { Xã: 'xa', Phường: 'phuong', 'Đặc khu': 'dac_khu' }[unitShort];
  if (!t) throw new Error(`unknown commune unit "${unitShort}"`);
  return t;
};

// --- provinces -----------------------------------------------------------------------------------
const provinces2026 = readCsv(sharedPath(TLQ, 'provinces_as_of_2026-04-30.csv'));
const provinces = provinces2026.map((p) => ({
  code: p.province_code!,
  name_vi: normalizeTone(p.name_vi!),
  name_en: p.name_en!,
  full_name_vi: normalizeTone(p.full_name_vi!),
  full_name_en: p.full_name_en!,
  type: typeOfProvince(p.unit_short_name_vi!),
}));
if (provinces.length !== 34) throw new Error(`expected 34 provinces, got ${provinces.length}`);
writeCsv(provincesTable.file, columnsOf(provincesTable), provinces);

// --- former provinces ----------------------------------------------------------------------------
const currentByCode = new Map(provinces.map((p) => [p.code, p]));
const merges = readCsv(sharedPath(DVH, 'province_merges_63_to_34.csv'));
const formerProvinces = merges.map((m) => {
  const full = normalizeTone(m.former_full_name_vi!);
  const name = shortName(full);
  const current = currentByCode.get(m.former_province_code!);
  // Same code and same name: the unit kept its identity (e.g. Hà Nội); reuse its English name.
  const sameUnit = current && current.name_vi === name;
  const type = m.former_unit_type === 'thanh_pho_truc_thuoc_trung_uong' ? 'thanh_pho' : 'tinh';
  return {
    code: m.former_province_code!,
    name_vi: name,
    name_en: sameUnit ? current.name_en : toAscii(name),
    full_name_vi: full,
    type,
    successor_code: m.province_code!,
  };
});
if (formerProvinces.length !== 63) throw new Error(`expected 63 former provinces, got ${formerProvinces.length}`);
writeCsv(formerProvincesTable.file, columnsOf(formerProvincesTable), formerProvinces);

// --- communes ------------------------------------------------------------------------------------
const communes2026 = readCsv(sharedPath(TLQ, 'communes_as_of_2026-04-30.csv'));
const communes = communes2026.map((c) => ({
  code: c.commune_code!,
  name_vi: normalizeTone(c.name_vi!),
  name_en: c.name_en!,
  // The 2026 export writes "xã Bắc Sơn" (06325) in lower case, unlike every other row and the 2025 export.
  full_name_vi: normalizeTone(c.full_name_vi!).replace(/^xã /, 'Xã '),
  type: typeOfCommune(c.unit_short_name_vi!),
  province_code: c.province_code!,
}));
if (communes.length !== 3321) throw new Error(`expected 3321 communes, got ${communes.length}`);
writeCsv(communesTable.file, columnsOf(communesTable), communes);

// --- former communes merged into each commune -----------------------------------------------------
// dvhcvn follows the 1027/CTK-CSCL text converted from PDF; the GSO service (our keys) differs for two communes.
const DVHCVN_TO_GSO: Record<string, string> = { '06970': '06978', '23737': '23938' };
interface Splits {
  data: { level1_id: string; level3s: { level3_id: string }[] }[];
}
const formerProvinceOfFormerCommune = new Map<string, string>();
for (const p of readJson<Splits>(sharedPath(DVH, 'splits.json')).data) {
  for (const c of p.level3s) formerProvinceOfFormerCommune.set(c.level3_id, p.level1_id);
}
// Island districts without communes became special zones whole; their former province is known from
// the district code ranges of the GSO list (Bạch Long Vĩ in Hải Phòng, Cồn Cỏ in the former Quảng Trị,
// Hoàng Sa in Đà Nẵng, Lý Sơn in Quảng Ngãi, Côn Đảo in the former Bà Rịa - Vũng Tàu).
const ISLAND_DISTRICTS: Record<string, string> = { '318': '31', '471': '45', '498': '48', '536': '51', '755': '77' };
for (const [district, province] of Object.entries(ISLAND_DISTRICTS)) formerProvinceOfFormerCommune.set(district, province);
const communeCodes = new Set(communes.map((c) => c.code));
const communeMerges = readCsv(sharedPath(DVH, 'commune_merges_2025.csv')).map((m) => {
  const code = DVHCVN_TO_GSO[m.commune_code!] ?? m.commune_code!;
  if (!communeCodes.has(code)) throw new Error(`commune ${code} of the mapping is not in the GSO list`);
  const formerProvince = formerProvinceOfFormerCommune.get(m.former_commune_code!);
  if (!formerProvince) throw new Error(`former commune ${m.former_commune_code} has no former province in splits.json`);
  return {
    commune_code: code,
    former_code: m.former_commune_code!,
    // Four names in the source end with a space; trimmed.
    former_name_vi: normalizeTone(m.former_commune_full_name_vi!.trim()),
    former_province_code: formerProvince,
    merge_type: m.merge_type!,
  };
});
communeMerges.sort((a, b) => a.commune_code.localeCompare(b.commune_code) || a.former_code.localeCompare(b.former_code));
writeCsv(communeMergesTable.file, columnsOf(communeMergesTable), communeMerges);

// --- dated changes after 1 July 2025 ----------------------------------------------------------------
// Resolution 30/2026/QH16 (Đồng Nai becomes a centrally-run city) and 237/NQ-UBTVQH16 (10 xã become
// phường), both effective 30 Apr 2026: found by comparing the 2025-07-01 and 2026-04-30 exports.
const provinces2025 = new Map(readCsv(sharedPath(TLQ, 'provinces_as_of_2025-07-01.csv')).map((p) => [p.province_code!, p]));
const communes2025 = new Map(readCsv(sharedPath(TLQ, 'communes_as_of_2025-07-01.csv')).map((c) => [c.commune_code!, c]));
const changes: Record<string, string>[] = [];
for (const p of provinces2026) {
  const before = provinces2025.get(p.province_code!)!;
  const from = typeOfProvince(before.unit_short_name_vi!);
  const to = typeOfProvince(p.unit_short_name_vi!);
  if (from !== to)
    changes.push({ date: '2026-04-30', level: 'province', code: p.province_code!, change: 'type', from, to, document_id: '30/2026/QH16' });
}
for (const c of communes2026) {
  const before = communes2025.get(c.commune_code!)!;
  const from = typeOfCommune(before.unit_short_name_vi!);
  const to = typeOfCommune(c.unit_short_name_vi!);
  if (from !== to)
    changes.push({ date: '2026-04-30', level: 'commune', code: c.commune_code!, change: 'type', from, to, document_id: '237/NQ-UBTVQH16' });
}
writeCsv(unitChangesTable.file, columnsOf(unitChangesTable), changes);

const count = (rows: { type: string }[]) =>
  rows.reduce<Record<string, number>>((acc, r) => ((acc[r.type] = (acc[r.type] ?? 0) + 1), acc), {});
console.log('provinces by type', count(provinces), 'communes by type', count(communes));
