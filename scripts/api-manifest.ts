/**
 * npm run api:manifest [-- --data-dir data]
 * Adds the URLs the API serves now to data/releases/api-v1-urls.txt (run when a release is cut).
 * It never removes one: a URL v1 published stays in the record, and its loss fails the tests.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getModel } from '../src/lib/model/index.ts';
import { apiResourcePaths } from '../src/lib/api/resources.ts';
import { manifestPath, manifestText, mergeManifest, missingFromManifest, readManifest } from '../src/lib/api/manifest.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: 'data' } } });
const dir = resolve(values['data-dir']);
const path = manifestPath(dir);
const before = readManifest(path);
const current = apiResourcePaths(getModel(dir));
const missing = missingFromManifest(before, current);
if (missing.length > 0) {
  console.error(`${missing.length} published API URLs are no longer served, e.g. ${missing.slice(0, 5).join(', ')}; see docs/api.md.`);
  process.exit(1);
}
const after = mergeManifest(before, current);
writeFileSync(path, manifestText(after));
console.log(`${path}: ${after.length} URLs (${after.length - before.length} added).`);
