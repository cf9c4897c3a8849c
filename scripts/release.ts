/**
 * npm run release -- --version 1.0.0 --notes NOTES.md --date 2026-11-22
 * Cuts an immutable release of the working data: refuses invalid data, an existing version, a
 * version not above the latest, a date before the latest release. The date is given, never read
 * from the clock, so that the same command always writes the same bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTextReport } from '../src/lib/data/format-report.ts';
import { validateDataset } from '../src/lib/data/validate-dataset.ts';
import { cutRelease } from '../src/lib/release/releases.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    notes: { type: 'string' },
    date: { type: 'string' },
    'data-dir': { type: 'string', default: 'data' },
  },
});
if (!values.version || !values.notes || !values.date) {
  console.error('Usage: npm run release -- --version MAJOR.MINOR.PATCH --notes NOTES.md --date YYYY-MM-DD [--data-dir DIR]');
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);
const data = validateDataset(dataDir);
if (!data.valid) {
  console.error(`Refusing to release invalid data:\n\n${formatTextReport(data.issues)}`);
  process.exit(1);
}
try {
  const release = cutRelease({
    dataDir,
    version: values.version,
    notes: readFileSync(values.notes, 'utf8').trim(),
    releasedOn: values.date,
  });
  console.log(
    `Released ${release.version} (${release.released_on}, data as of ${release.as_of}): ${release.files.length} files in data/releases/${release.version}/`,
  );
  for (const f of release.files) console.log(`  ${f.sha256}  ${f.path}`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
