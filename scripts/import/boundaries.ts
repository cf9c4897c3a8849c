/**
 * Boundaries for the maps, from ../shared/sources (provenance and licence notes in
 * data/sources/<source>/SOURCE.md):
 * - the 34 current units (vn-provinces-db-thanglequoc, one GeoJSON per unit, 7.8 MB) → one TopoJSON,
 *   quantised to 1e5 steps (≈ 15 m), data/boundaries/provinces-34.topo.json; simplified at build time.
 * - the 63 former units (vn-34-shape-taliacao, TopoJSON) copied byte for byte, with a crosswalk
 *   from its names to the official former codes (its own `code` is not official), checked to cover
 *   all 63 exactly once.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { DATA_DIR, normalizeTone, readCsv, readJson, sharedPath, writeCsv } from './lib.ts';

const out = join(DATA_DIR, 'boundaries');
mkdirSync(out, { recursive: true });

// 34 current units.
const provinces = new Map(readCsv(join(DATA_DIR, 'provinces.csv')).map((p) => [p.code!, p]));
const dir = sharedPath('vn-provinces-db-thanglequoc', 'geojson-provinces');
const features: Feature<Polygon | MultiPolygon, { code: string; name_vi: string }>[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.geojson'))
  .sort()) {
  const fc = readJson<FeatureCollection<Polygon | MultiPolygon, { code: string }>>(join(dir, file));
  if (fc.features.length !== 1) throw new Error(`${file}: expected one feature, found ${fc.features.length}`);
  const code = String(fc.features[0]!.properties.code).padStart(2, '0');
  const province = provinces.get(code);
  if (!province) throw new Error(`${file}: code ${code} is not in data/provinces.csv`);
  features.push({ type: 'Feature', id: code, properties: { code, name_vi: province.name_vi! }, geometry: fc.features[0]!.geometry });
}
if (features.length !== provinces.size) throw new Error(`expected ${provinces.size} boundaries, found ${features.length}`);
const collection: FeatureCollection = { type: 'FeatureCollection', features };
const topo = topology({ provinces: collection }, 1e5);
writeFileSync(join(out, 'provinces-34.topo.json'), JSON.stringify(topo) + '\n');
console.log(`wrote boundaries/provinces-34.topo.json: ${features.length} units`);

// 63 former units: byte-for-byte copy plus a crosswalk by name.
const former = readCsv(join(DATA_DIR, 'former_provinces.csv'));
const byName = new Map(former.map((f) => [normalizeTone(f.name_vi!), f.code!]));
const src = sharedPath('vn-34-shape-taliacao', 'diaphantinh_63_fixednames.json');
writeFileSync(join(out, 'former-provinces-63.topo.json'), readFileSync(src));
const formerTopo = readJson<Topology>(src);
const geometries = (
  formerTopo.objects.diaphantinh_63_fixednames as unknown as { geometries: { properties: { gid: number; ten_tinh: string } }[] }
).geometries;
const ALIASES: Record<string, string> = { 'TP HCM': 'Hồ Chí Minh' };
const rows = geometries.map(({ properties: { gid, ten_tinh } }) => {
  const name = normalizeTone(ALIASES[ten_tinh] ?? ten_tinh.replace(/^TP /, ''));
  const code = byName.get(name);
  if (!code) throw new Error(`former-provinces-63: no former province named "${name}" (from "${ten_tinh}", gid ${gid})`);
  return { gid, ten_tinh, former_code: code };
});
if (new Set(rows.map((r) => r.former_code)).size !== former.length)
  throw new Error('former-provinces-63: the crosswalk does not cover the 63 former provinces exactly once');
writeCsv(
  'boundaries/former-provinces-63-codes.csv',
  ['gid', 'ten_tinh', 'former_code'],
  rows.sort((a, b) => a.gid - b.gid),
);
