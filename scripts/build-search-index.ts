/**
 * Builds the site's search index (Pagefind) into <site>/pagefind/: `npm run build`'s last step.
 *
 *   node scripts/build-search-index.ts [--site dist]
 *
 * The same files as `pagefind --site <site>`, made faster and kept in the build's cache
 * (PORTAL_CACHE_DIR): see src/lib/search/build-index.ts and docs/architecture.md.
 */
import { parseArgs } from 'node:util';
import { cacheDir, pagefindEnvironment } from '../src/lib/config.ts';
import { buildSearchIndex } from '../src/lib/search/build-index.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const started = performance.now();
const result = await buildSearchIndex(values.site, { cacheDir: cacheDir(), environment: pagefindEnvironment() });
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const read = result.cached
  ? `${mib(result.bytesRead)} MiB, for Pagefind the same as when the index was made`
  : result.emptiedRead
    ? `${mib(result.bytesIndexed)} of their ${mib(result.bytesRead)} MiB given to Pagefind (the rest inside data-pagefind-ignore, ` +
      `or ${result.skipped} pages without data-pagefind-body)`
    : `${mib(result.bytesRead)} MiB, read by Pagefind as they are`;
console.log(
  `Search index: ${result.pages} pages, ${read}, ${result.files} files in ${values.site}/pagefind/ ` +
    `${result.cached ? 'copied from the cache' : 'made'}, ${Math.round(performance.now() - started)} ms.`,
);
