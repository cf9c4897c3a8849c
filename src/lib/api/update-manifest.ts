/**
 * Brings data/releases/api-v1-urls.txt up to date with the URLs the API serves for a data tree.
 * One implementation for `npm run api:manifest` and `npm run release` (which calls it after it
 * writes a release). It never removes a URL: when one that v1 published is no longer served it
 * writes nothing and throws.
 */
import { writeFileSync } from 'node:fs';
import { getModel } from '../model/index.ts';
import { apiResourcePaths } from './resources.ts';
import { manifestPath, manifestText, mergeManifest, missingFromManifest, readManifest } from './manifest.ts';

export interface ManifestUpdate {
  path: string;
  /** Number of URLs in the manifest after the update. */
  total: number;
  /** The URLs this update added, sorted. */
  added: string[];
}

export function updateApiManifest(dataDir: string): ManifestUpdate {
  const path = manifestPath(dataDir);
  const before = readManifest(path);
  const current = apiResourcePaths(getModel(dataDir));
  const missing = missingFromManifest(before, current);
  if (missing.length > 0) {
    throw new Error(`${missing.length} published API URLs are no longer served, e.g. ${missing.slice(0, 5).join(', ')}; see docs/api.md.`);
  }
  const after = mergeManifest(before, current);
  writeFileSync(path, manifestText(after));
  const known = new Set(before);
  return { path, total: after.length, added: after.filter((u) => !known.has(u)) };
}
