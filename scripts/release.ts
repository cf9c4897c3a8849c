/**
 * npm run release -- --version 1.0.0 --notes NOTES.md --date 2026-11-22
 * Cuts an immutable release of the working data: refuses invalid data, an existing version, a
 * version not above the latest, a date before the latest release. The date is given, never read
 * from the clock, so that the same command always writes the same bytes. After writing the release
 * it adds the API URLs now served to data/releases/api-v1-urls.txt (updateApiManifest).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTextReport } from '../src/lib/data/format-report.ts';
import { validateDataset } from '../src/lib/data/validate-dataset.ts';
import { cutRelease } from '../src/lib/release/releases.ts';
import { updateApiManifest } from '../src/lib/api/update-manifest.ts';

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
// Exit codes are set, never process.exit() after a write: a piped report would be cut short.
if (!data.valid) {
  process.exitCode = 1;
  process.stderr.write(`Refusing to release invalid data:\n\n${formatTextReport(data.issues)}\n`);
} else {
  try {
    const release = cutRelease({
      dataDir,
      version: values.version,
      notes: readFileSync(values.notes, 'utf8').trim(),
      releasedOn: values.date,
    });
    const lines = [
      `Released ${release.version} (${release.released_on}, data as of ${release.as_of}): ${release.files.length} files in data/releases/${release.version}/`,
    ];
    for (const f of release.files) lines.push(`  ${f.sha256}  ${f.path}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    // The API URL record follows the release (the same step as `npm run api:manifest`).
    const manifest = updateApiManifest(dataDir);
    process.stdout.write(`${manifest.path}: ${manifest.total} URLs (${manifest.added.length} added).\n`);
  } catch (e) {
    process.exitCode = 1;
    process.stderr.write(`${(e as Error).message}\n`);
  }
}
