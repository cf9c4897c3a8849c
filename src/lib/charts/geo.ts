/**
 * Geographic maps, made at build time only (never shipped to the browser): TopoJSON boundaries from
 * data/boundaries are simplified with topojson-simplify (Visvalingam weights, keeping shared borders
 * shared), projected with d3-geo (Mercator fitted to the frame) and turned into SVG path strings.
 * Small islands are kept: the archipelagos of Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa) belong to
 * their provinces' shapes and are labelled on the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import Papa from 'papaparse';

export interface MapShape {
  code: string;
  d: string;
}

export interface GeoMap {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Projected label positions of the two archipelagos (for the 34-unit map). */
  labels: { key: 'hoang_sa' | 'truong_sa'; x: number; y: number }[];
}

const ARCHIPELAGOS = [
  { key: 'hoang_sa', lonLat: [111.9, 16.5] },
  { key: 'truong_sa', lonLat: [114.3, 9.6] },
] as const;

/**
 * Simplifies a topology keeping `keep` (0–1) of its points by weight, then projects every feature to
 * a `width`-wide frame. `codeOf` names each feature with its official code.
 */
export function projectTopology(
  topo: Topology,
  object: string,
  codeOf: (f: Feature) => string,
  width: number,
  keep: number,
  withArchipelagos: boolean,
): GeoMap {
  const pre = presimplify(topo as Topology<Objects<{}>>);
  const simple = simplify(pre, quantile(pre, keep));
  const fc = feature(simple, simple.objects[object] as GeometryCollection) as FeatureCollection<Geometry>;
  const projection = geoMercator().fitWidth(width, fc);
  const path = geoPath(projection).digits(1);
  const height = Math.ceil(path.bounds(fc)[1][1]);
  const shapes = fc.features.map((f) => ({ code: codeOf(f), d: path(f) ?? '' })).sort((a, b) => a.code.localeCompare(b.code));
  const labels = withArchipelagos
    ? ARCHIPELAGOS.map(({ key, lonLat }) => {
        const [x, y] = projection([...lonLat])!;
        return { key, x: Math.round(x), y: Math.round(y) };
      })
    : [];
  return { width, height, shapes, labels };
}

const cache = new Map<string, GeoMap>();

/** The 34 current units, keyed by GSO code. */
export function provincesMap(dataDir: string, width = 460): GeoMap {
  const key = `34|${dataDir}|${width}`;
  if (!cache.has(key)) {
    const topo = JSON.parse(readFileSync(join(dataDir, 'boundaries/provinces-34.topo.json'), 'utf8')) as Topology;
    cache.set(
      key,
      projectTopology(topo, 'provinces', (f) => String(f.id), width, 0.02, true),
    );
  }
  return cache.get(key)!;
}

/** The 63 former units, keyed by their official former code through the crosswalk. */
export function formerProvincesMap(dataDir: string, width = 400): GeoMap {
  const key = `63|${dataDir}|${width}`;
  if (!cache.has(key)) {
    const topo = JSON.parse(readFileSync(join(dataDir, 'boundaries/former-provinces-63.topo.json'), 'utf8')) as Topology;
    const crosswalk = Papa.parse<{ gid: string; former_code: string }>(
      readFileSync(join(dataDir, 'boundaries/former-provinces-63-codes.csv'), 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const codeByGid = new Map(crosswalk.map((r) => [Number(r.gid), r.former_code]));
    cache.set(
      key,
      projectTopology(
        topo,
        'diaphantinh_63_fixednames',
        (f) => codeByGid.get((f.properties as { gid: number }).gid) ?? '',
        width,
        0.015,
        false,
      ),
    );
  }
  return cache.get(key)!;
}
