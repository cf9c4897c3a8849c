/**
 * Corrections found in the audit of issue #14, applied to the tables of data/ (each is listed in the
 * changelog of the next release). Idempotent: running it twice changes nothing the second time.
 * Runs after the launch imports (all.ts), which would otherwise bring the old rows back.
 *
 * 1. The `dti` values of the national area with method average_of_provinces are averages of the 63
 *    former provinces' DTI, not the national DTI (that is dti-quoc-gia): they move to their own
 *    indicator, dti-trung-binh-tinh.
 * 2. Every rank gets rank_of, the number of units ranked: 34 at province level, 63 at former-province
 *    level, 193 countries for the UN EGDI (each as the row's note already said).
 * 3. Targets of 03/NQ-CP Appendix I written as a bare number are levels to reach, coded ">=" (see
 *    BARE_TARGETS); the 5G coverage target is measured by phu-song-5g-dan-so.
 * 4. A pair of commune_merges.csv whose former commune lies in a former province that did not become
 *    part of the commune's province is kept as the source gives it, with a note saying it is doubtful.
 *
 * Run: node scripts/import/corrections.ts
 */
import { join } from 'node:path';
import { DATA_DIR, readCsv, sortObservations, writeCsv } from './lib.ts';
import { columnsOf, communeMergesTable, observationsTable, targetsTable } from '../../src/schemas/index.ts';

const read = (file: string) => readCsv(join(DATA_DIR, file));

// --- 1 and 2: observations ----------------------------------------------------------------------------------
const observations = read(observationsTable.file);
let moved = 0;
for (const o of observations) {
  if (o.indicator_id === 'dti' && o.area_level === 'national' && o.method === 'average_of_provinces') {
    o.indicator_id = 'dti-trung-binh-tinh';
    o.note = 'Average of the DTI of the 63 former provinces, as announced; not the national DTI (dti-quoc-gia).';
    moved++;
  }
  if (['dti-rank', 'par-index-rank', 'egdi-rank'].includes(o.indicator_id!) && !o.rank_of) {
    o.rank_of = o.indicator_id === 'egdi-rank' ? '193' : o.area_level === 'province' ? '34' : '63';
  }
}
// The primary key would be broken if a national dti row without that method remained under dti.
if (observations.some((o) => o.indicator_id === 'dti' && o.area_level === 'national'))
  throw new Error('a national dti row is left: check its method');
writeCsv(observationsTable.file, columnsOf(observationsTable), sortObservations(observations));
console.log(`moved ${moved} provincial-average rows from dti to dti-trung-binh-tinh`);

// --- 3: targets ---------------------------------------------------------------------------------------------
/**
 * Appendix I gives a result ("kết quả") per row; a bare number there is the level the indicator must
 * reach by the deadline ("đạt"), so it is met at that level or above: a share of 100 % is met at 100,
 * a count of 9 cables at 9 or more, a 50 % cut at 50 % or more. None of these rows is a ceiling.
 */
const BARE_TARGETS = [
  'nq03-2030-11-2',
  'nq03-2030-11-3',
  'nq03-2030-11-4',
  'nq03-2030-11-5',
  'nq03-2030-11-6',
  'nq03-2030-11-7',
  'nq03-2030-11-9',
  'nq03-2030-11-10',
  'nq03-2030-11-11',
  'nq03-2030-11-12',
  'nq03-2030-15',
  'nq03-2030-18',
  'nq03-2030-20',
  'nq03-2030-23-1',
  'nq03-2030-23-2',
  'nq03-2030-23-4',
  'nq03-2030-26',
  'nq03-2030-27',
  'nq03-2030-28',
  'nq03-2030-34',
  'nq03-2030-35',
  'nq03-2045-38',
];
const targets = read(targetsTable.file);
for (const id of BARE_TARGETS) {
  const t = targets.find((x) => x.id === id);
  if (!t) throw new Error(`target ${id} not found`);
  if (t.comparator !== '=' && t.comparator !== '>=') throw new Error(`target ${id} has comparator ${t.comparator}, expected = or >=`);
  // text_vi is "chỉ tiêu: kết quả (đơn vị)"; only the result part carries the comparator (23.1 says "trên 1Gb/s" of the speed).
  const result = t.text_vi!.slice(t.text_vi!.lastIndexOf(': ') + 2);
  if (/[≥≤<>]|tối thiểu|ít nhất|trên|dưới/u.test(result))
    throw new Error(`target ${id} has a comparator in its result "${result}": read it again`);
  t.comparator = '>=';
}
// Only the two transcribed lists were coded by the bare-number rule; the rows of curated/targets-other.csv are
// coded by hand from their own wording ("100%" of a share is met at exactly 100: `=`).
const left = targets.filter((t) => t.comparator === '=' && /^nq(57|03)-/.test(t.id!));
if (left.length > 0) throw new Error(`targets still coded "=": ${left.map((t) => t.id).join(', ')}`);
const fiveG = targets.find((t) => t.id === 'nq03-2030-23-4')!;
fiveG.indicator_id = 'phu-song-5g-dan-so';
writeCsv(targetsTable.file, columnsOf(targetsTable), targets);

// --- 4: commune merges that cross provinces ------------------------------------------------------------------
const successor = new Map(read('former_provinces.csv').map((f) => [f.code!, f.successor_code!]));
const provinceOf = new Map(read('communes.csv').map((c) => [c.code!, c.province_code!]));
const provinceName = new Map(read('provinces.csv').map((p) => [p.code!, p.name_vi!]));
const formerName = new Map(read('former_provinces.csv').map((f) => [f.code!, f.name_vi!]));
const merges = read(communeMergesTable.file);
let crossing = 0;
for (const m of merges) {
  const to = provinceOf.get(m.commune_code!)!;
  if (successor.get(m.former_province_code!) === to) continue;
  crossing++;
  const next = successor.get(m.former_province_code!)!;
  m.note =
    `Doubtful: the former commune belonged to former ${formerName.get(m.former_province_code!)} (${m.former_province_code}), which became part of ` +
    `${provinceName.get(next)} (${next}), but it is mapped to a commune of ${provinceName.get(to)} (${to}). ` +
    'No other pair crosses provinces; kept as the assisted mapping gives it until checked against the resolution.';
}
writeCsv(communeMergesTable.file, columnsOf(communeMergesTable), merges);
console.log(`${crossing} commune pair(s) crossing provinces flagged`);
