/**
 * The keys of the pages that Astro's incremental build may copy from the previous build instead of
 * rendering them again (`experimental.incrementalBuild`, docs/architecture.md "Incremental pages").
 * Astro copies a page when its route's code (the module graph, the config and the lockfile) and its
 * `cacheKey` are those of the previous build; a page without a key is always rendered.
 *
 * A key must change whenever anything the page shows changes. Each key is made of:
 * - the data key: every file of the data folder except the observations (one change there, a task,
 *   a source, a release, dataset.json, re-renders every keyed page);
 * - the observations the page's view model reads, as rows: for a commune its figures (the same list
 *   its page and files show, latestPerIndicator); for an indicator's pages and charts the rows of that
 *   indicator but the communes' (`model.byIndicator`, of which the model's series and cross-sections of
 *   the indicator are parts), with those of its rank indicator where the page ranks by it; for its feed
 *   every row of the indicator;
 * - what else the page reads of the observations: the release whose copy of the observations is the
 *   working file, where the page cites figures (the citations name it), and the indicators that can be
 *   charted, where a chart offers them as choices (every area chart does).
 * Routes whose pages read observations across indicators or areas (provinces, former provinces, the
 * lists, the documents, the data pages, a province's history charts of several series) are unkeyed and
 * rendered every time, unless their key names each part. tests/unit/view/page-keys.test.ts and
 * tests/e2e/warm-build.test.ts check that a changed figure changes its pages' keys and that a warm build
 * writes what a cold one does.
 */
import { join } from 'node:path';
import { folderHash, hashParts, knownFileHash } from '../cache/index.ts';
import type { Model } from '../model/index.ts';
import { partitionHashes } from '../release/layout.ts';
import { TABLES } from '../../schemas/index.ts';
import { chartableIndicators } from '../charts/specs.ts';
import { releaseOfFile } from './cite.ts';
import { latestPerIndicator } from './commune.ts';

const OBSERVATIONS_TABLE = TABLES.find((d) => d.name === 'observations')!;
const OBSERVATIONS = OBSERVATIONS_TABLE.file;

const dataKeys = new WeakMap<Model, string>();

/** SHA-256 of every file of the model's data folder but the observations (cache/index.ts folderHash). */
export function dataKey(model: Model): string {
  let key = dataKeys.get(model);
  if (key === undefined) {
    key = folderHash(model.dataDir, (path) => path === OBSERVATIONS);
    dataKeys.set(model, key);
  }
  return key;
}

/** The key of a page that reads no observation: the data key alone (tasks, agencies and their feeds). */
export const noObservationsKey = (model: Model): string => dataKey(model);

/** The release whose copy of the observations is the working file, or null: what a figure's citation names (cite.ts). */
const observationsRelease = (model: Model): string => JSON.stringify(releaseOfFile(model.dataDir, OBSERVATIONS));

const communeKeys = new WeakMap<Model, Map<string, string>>();

/**
 * The key of a commune's page and its citations files: the data key, the figures it shows, as rows,
 * and the release whose copy of the observations is the working file (the figures' citations name it).
 */
export function communeKey(model: Model, code: string): string {
  let keys = communeKeys.get(model);
  if (!keys) communeKeys.set(model, (keys = new Map()));
  let key = keys.get(code);
  if (key === undefined) {
    const figures = latestPerIndicator(model, code).map((f) => [f.ind.id, f.obs, f.count, f.first, f.last]);
    key = hashParts([dataKey(model), observationsRelease(model), JSON.stringify(figures)]);
    keys.set(code, key);
  }
  return key;
}

/**
 * The hashes of an indicator's observations: `areas`, of its national, province and former-province
 * rows, which its page, citations and charts read (its series and cross-sections); `all`, of every
 * row, communes' too, which its feed lists. Hashed from the bytes of observations.csv, which the model's
 * rows are read from: the header, then each of the indicator's records, in file order, by level. The
 * rows the model holds for an indicator are the valid records whose indicator_id is that indicator
 * (a table with an error stops the build), read by code whose hash Astro's incremental build keys each
 * route on; so a change to any row the pages can read changes the hash of its indicator and level.
 */
interface RowsKeys {
  areas: string;
  all: string;
}

/**
 * The hashes of a data folder's observations by indicator, shared by every copy of this module in the
 * process (as the model registry and the file hashes are) and keyed by the file's hash: the build's
 * first hook computes them (src/integrations/record-keys.ts), before the model is in
 * memory, so that the 468 MB of observations.csv at bench scale M50 are not read again beside it.
 */
const RECORD_KEYS = Symbol.for('nq57.recordKeys');
const recordKeys = ((globalThis as { [RECORD_KEYS]?: Map<string, Map<string, RowsKeys>> })[RECORD_KEYS] ??= new Map());

/**
 * Every indicator's {@link RowsKeys} for the observations of `dataDir`, once per file: from the
 * SHA-256 of each of the downloads' partitions of the file (release/layout.ts partitionHashes: one per
 * indicator and level, over the header and the partition's records in file order, the records found by
 * quote parity as the downloads find them). They are worked out once for both: the downloads' part
 * cache keys the partitions by the same hashes (before, the two read and hashed the file each, ≈ 2.5 s
 * of a warm M50 build). The same hashes of the model's row objects took 8 s.
 */
export function indicatorRecordKeys(dataDir: string): Map<string, RowsKeys> {
  const path = join(dataDir, OBSERVATIONS);
  const known = knownFileHash(path);
  let keys = known === null ? undefined : recordKeys.get(`${path}\0${known}`);
  if (keys) return keys;
  // The hashes of each indicator's and level's partition of the downloads (its CSV: the header and
  // its records in file order), which the downloads' part cache keys on: one reading of the file for both.
  const { sha256, byKey } = partitionHashes(OBSERVATIONS_TABLE, dataDir);
  const byIndicator = new Map<string, { areas: string[]; communes: string[] }>();
  for (const [key, hashes] of byKey) {
    const [indicator = '', level = ''] = key.split('/');
    let parts = byIndicator.get(indicator);
    if (!parts) byIndicator.set(indicator, (parts = { areas: [], communes: [] }));
    (level === 'commune' ? parts.communes : parts.areas).push(`${level}\0${hashes.join('\0')}`);
  }
  keys = new Map();
  for (const [indicator, parts] of byIndicator) {
    const areas = hashParts(parts.areas.sort());
    keys.set(indicator, { areas, all: hashParts([areas, ...parts.communes]) });
  }
  // Only this file's: an older version of it is let go.
  for (const k of recordKeys.keys()) if (k.startsWith(`${path}\0`)) recordKeys.delete(k);
  recordKeys.set(`${path}\0${sha256}`, keys);
  return keys;
}

/** An indicator's {@link RowsKeys}; an indicator without observations has the hashes of none. */
export function indicatorRowsKeys(model: Model, id: string): RowsKeys {
  const keys = indicatorRecordKeys(model.dataDir).get(id);
  if (keys) return keys;
  const none = hashParts(['']);
  return { areas: none, all: none };
}

/** The indicators with an area chart of each level, which every area chart offers as choices (charts/specs.ts). */
const chartable = new WeakMap<Model, string>();
function chartableKey(model: Model): string {
  let key = chartable.get(model);
  if (key === undefined) {
    key = JSON.stringify([chartableIndicators(model, 'province'), chartableIndicators(model, 'former_province')]);
    chartable.set(model, key);
  }
  return key;
}

/** The indicator whose cross-sections give an indicator page its published ranks (view/indicator.ts): itself or its rank child. */
const rankIndicatorOf = (model: Model, id: string): string | undefined =>
  model.indicator.get(id)?.unit === 'rank' ? id : (model.indicatorChildren.get(id) ?? []).find((c) => c.unit === 'rank')?.id;

/**
 * The key of an indicator's page and of its citations page and files: the data key, its rows but the
 * communes' and those of its rank indicator, the indicators that can be charted (its area charts offer
 * them) and the release of the observations (its figures' citations).
 */
export function indicatorKey(model: Model, id: string): string {
  const rank = rankIndicatorOf(model, id);
  return hashParts([
    dataKey(model),
    observationsRelease(model),
    chartableKey(model),
    indicatorRowsKeys(model, id).areas,
    rank === undefined || rank === id ? '' : indicatorRowsKeys(model, rank).areas,
  ]);
}

/** The key of an indicator's feed: the data key (releases, corrections, sources) and every row of the indicator. */
export const indicatorFeedKey = (model: Model, id: string): string => hashParts([dataKey(model), indicatorRowsKeys(model, id).all]);

/**
 * The key of a chart's embed page (/embed/{key}/, charts/specs.ts chartSpec), or undefined for none: an
 * area chart reads its indicator's rows but the communes' (cross-sections and value counts of provinces
 * or former provinces, the national average) and the chartable indicators (its choices); a history,
 * the series of one indicator (a province's, its former provinces', the national); a timeline, tasks only. Every embed cites the observations' release (Chart.astro, chartCite).
 */
export function chartKey(model: Model, key: string): string | undefined {
  const [kind, id] = key.split('/') as [string, string];
  const parts = [dataKey(model), observationsRelease(model)];
  switch (kind) {
    case 'ranking':
    case 'tilegrid':
    case 'map':
    case 'former-map':
      return hashParts([...parts, chartableKey(model), indicatorRowsKeys(model, id).areas]);
    case 'history':
      return hashParts([...parts, indicatorRowsKeys(model, id).areas]);
    case 'timeline':
      return hashParts(parts);
    default:
      return undefined;
  }
}
