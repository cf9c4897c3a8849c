/**
 * The keys of the pages that Astro's incremental build may copy from the previous build instead of
 * rendering them again (`experimental.incrementalBuild`, docs/performance.md "Incremental pages").
 * Astro copies a page when its route's code (the module graph, the config and the lockfile) and its
 * `cacheKey` are those of the previous build; a page without a key is always rendered.
 *
 * A key must change whenever anything the page shows changes. Each key is made of:
 * - the data key: every file of the data folder except the observations (one change there, a task,
 *   a source, a release, dataset.json, re-renders every keyed page);
 * - the observations the page's view model reads, as rows (for a commune: its figures, the same list
 *   its page and files show, latestPerIndicator).
 * Only routes whose pages read no observation, or one area's through a function shared with the view
 * model, are keyed: communes, their citations files, tasks, agencies and their feeds. The others (provinces,
 * indicators, charts, documents, lists) read observations across areas and are rendered every time.
 * tests/unit/view/page-keys.test.ts and tests/e2e/warm-build.test.ts check that a changed figure
 * changes its page's key and that a warm build writes what a cold one does.
 */
import { folderHash, hashParts } from '../cache/index.ts';
import type { Model } from '../model/index.ts';
import { TABLES } from '../../schemas/index.ts';
import { releaseOfFile } from './cite.ts';
import { latestPerIndicator } from './commune.ts';

const OBSERVATIONS = TABLES.find((d) => d.name === 'observations')!.file;

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
    key = hashParts([dataKey(model), JSON.stringify(releaseOfFile(model.dataDir, OBSERVATIONS)), JSON.stringify(figures)]);
    keys.set(code, key);
  }
  return key;
}
