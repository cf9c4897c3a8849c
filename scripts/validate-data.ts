/**
 * npm run validate:data [-- --data-dir DIR] [--format text|json|github] [--no-cache]
 * Checks every table of a data directory (default: the build's, PORTAL_DATA_DIR or data/, so that
 * `npm run build` checks the folder it builds); prints every problem; exit 1 on any error. Never writes
 * into the data directory; it keeps what it read and checked in the build's cache (the validated
 * store, src/lib/data/store.ts: PORTAL_CACHE_DIR, default node_modules/.cache/nq57), so that the
 * build that follows, and the next validation, do not read an unchanged file again. `--no-cache`
 * reads and checks every file and leaves the cache alone. It is the first step of `npm run build`.
 */
import { enableCompileCache } from 'node:module';
import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import type { ReportFormat } from '../src/lib/data/format-report.ts';
import { cacheDir, dataDir } from '../src/lib/config.ts';

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: dataDir() },
    format: { type: 'string', default: 'text' },
    cache: { type: 'boolean', default: true },
  },
  allowNegative: true,
  allowPositionals: false,
});
const format = values.format as ReportFormat;
if (!FORMATS.includes(format)) {
  console.error(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}".`);
  process.exit(2);
}
const store = values.cache ? cacheDir() : null;
// With the build's cache, Node keeps its compiled modules there too (keyed by their source and the
// Node version): stripping the types of src/lib and compiling them cost ≈ 0.2 s of every run.
// So the modules that do the work are imported after the cache is on.
if (store !== null) enableCompileCache(join(store, 'node-compile-cache'));
const { formatReport } = await import('../src/lib/data/format-report.ts');
const { checkedRows } = await import('../src/lib/data/read-dataset.ts');
const { validateDataset } = await import('../src/lib/data/validate-dataset.ts');
const dir = resolve(values['data-dir']);
const started = performance.now();
const result = validateDataset(dir, { cacheDir: store });
const where = relative(process.cwd(), dir) || '.';
const report = formatReport(result.issues, format, where);
let out = report ? `${report}\n` : '';
if (format === 'text') out += `Checked ${checkedRows(result)} rows in ${where} in ${Math.round(performance.now() - started)} ms.\n`;
// process.exit() right after a write cuts a piped report at the pipe's buffer (64 KiB): write, then let
// Node exit by itself once standard output has drained, with this exit code.
process.exitCode = result.valid ? 0 : 1;
process.stdout.write(out);
