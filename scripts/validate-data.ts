/**
 * npm run validate:data [-- --data-dir DIR] [--format text|json|github]
 * Checks every table of a data directory; prints every problem; exit 1 on any error. Never writes.
 */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { formatReport, type ReportFormat } from '../src/lib/data/format-report.ts';
import { validateDataset } from '../src/lib/data/validate-dataset.ts';

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'github'];

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: 'data' },
    format: { type: 'string', default: 'text' },
  },
  allowPositionals: false,
});
const format = values.format as ReportFormat;
if (!FORMATS.includes(format)) {
  console.error(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}".`);
  process.exit(2);
}
const dir = resolve(values['data-dir']);
const started = performance.now();
const result = validateDataset(dir);
const report = formatReport(result.issues, format, relative(process.cwd(), dir) || '.');
if (report) console.log(report);
if (format === 'text') {
  const rows = Object.values(result.tables).reduce((n, rows) => n + rows.length, 0);
  console.log(`Checked ${rows} rows in ${relative(process.cwd(), dir) || '.'} in ${Math.round(performance.now() - started)} ms.`);
}
process.exit(result.valid ? 0 : 1);
