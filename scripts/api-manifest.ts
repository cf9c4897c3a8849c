/**
 * npm run api:manifest [-- --data-dir data]
 * Adds the URLs the API serves now to data/releases/api-v1-urls.txt (`npm run release` does this
 * itself after it writes a release). It never removes one: a URL v1 published stays in the record,
 * and its loss fails the tests.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { updateApiManifest } from '../src/lib/api/update-manifest.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: 'data' } } });
try {
  const update = updateApiManifest(resolve(values['data-dir']));
  console.log(`${update.path}: ${update.total} URLs (${update.added.length} added).`);
} catch (e) {
  process.exitCode = 1;
  console.error((e as Error).message);
}
