/**
 * Nothing already published is lost by mistake: the working data against the latest release, the
 * removals file, empty tables, and the release index and command refusing a repeat. One defect per case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTextReport } from '../../../src/lib/data/format-report.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { releasesDir } from '../../../src/lib/data/read-releases.ts';
import { validateReleases } from '../../../src/lib/data/validate-releases.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { editLine, flat, treeWith } from '../data/helpers.ts';

const NOTES = 'Fixture release.';
// as_of is part of the key (issue #14): an observation without a snapshot date ends with an empty part.
const OBS_KEY = 'indicator_id+area_level+area_code+period+as_of';
const REMOVALS_HEADER = 'table,key,reason,release';

/** The valid tree released as 1.0.0, then changed (files replaced or edited) in the working data. */
function releasedThen(changes: Record<string, string | ((text: string) => string)>): string {
  const dir = treeWith({});
  cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file);
    writeFileSync(path, typeof change === 'function' ? change(readFileSync(path, 'utf8')) : change);
  }
  return dir;
}

const dropLine = (prefix: string) => (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith(prefix))
    .join('\n');
const headerOnly = (text: string) => `${text.split('\n')[0]}\n`;
const issuesOf = (dir: string) => flat(validateDataset(dir).issues);

describe('rows of the latest release', () => {
  it('a deleted observation fails on its table, naming the count and the key', () => {
    const data = validateDataset(releasedThen({ 'observations.csv': dropLine('dti,province,01,') }));
    expect(flat(data.issues)).toEqual([
      ['observations.csv', null, null, 'published-rows-lost'],
      ['observations.csv', null, OBS_KEY, 'published-key-missing'],
    ]);
    const [count, key] = data.issues.filter((i) => i.file === 'observations.csv');
    expect(count!.message).toMatch(/^observations has 6 rows; release 1\.0\.0 published 7\.$/);
    expect(key!.value).toBe('dti|province|01|2024|');
  });

  it('an emptied (header-only) table fails with its count and every key', () => {
    // A task's reports go with it (progress_reports.csv refers to tasks.csv): both are emptied.
    expect(issuesOf(releasedThen({ 'tasks.csv': headerOnly, 'progress_reports.csv': headerOnly }))).toEqual([
      ['progress_reports.csv', null, null, 'published-rows-lost'],
      ...Array.from({ length: 3 }, () => ['progress_reports.csv', null, 'task_id+reported_on+source_id', 'published-key-missing']),
      ['tasks.csv', null, null, 'published-rows-lost'],
      ...Array.from({ length: 5 }, () => ['tasks.csv', null, 'id', 'published-key-missing']),
    ]);
  });

  it('the text report counts a long run of lost keys without line numbers', () => {
    const dir = releasedThen({ 'observations.csv': headerOnly });
    const text = formatTextReport(validateDataset(dir).issues);
    expect(text).toContain(
      '… and 2 more published-key-missing problems in [indicator_id+area_level+area_code+period+as_of] (--format json lists each)',
    );
    expect(text).not.toContain('null');
  });

  it('a key changed in place is a lost row even though the count is the same', () => {
    expect(issuesOf(releasedThen({ 'tasks.csv': editLine('t-commune', 't-commune', 't-commune-2') }))).toEqual([
      ['tasks.csv', null, 'id', 'published-key-missing'],
    ]);
  });

  it('a changed value is a correction, not a loss', () => {
    expect(issuesOf(releasedThen({ 'observations.csv': editLine('dti,province,01', '0.8241', '0.8242') }))).toEqual([]);
  });

  it('a removal declared in removals.csv with its reason passes', () => {
    const dir = releasedThen({
      'observations.csv': dropLine('dti,province,01,'),
      'removals.csv': `${REMOVALS_HEADER}\nobservations,dti|province|01|2024|,SYNTHETIC: withdrawn by the source (test),1.1.0\n`,
    });
    expect(issuesOf(dir)).toEqual([]);
  });

  it('a declaration naming no published row is refused on its line', () => {
    const dir = releasedThen({ 'removals.csv': `${REMOVALS_HEADER}\nobservations,dti|province|02|2024|,SYNTHETIC reason,1.1.0\n` });
    expect(issuesOf(dir)).toEqual([['removals.csv', 2, 'key', 'removals-error']]);
  });

  it('a declaration without a reason is refused, and does not excuse the loss', () => {
    const dir = releasedThen({
      'observations.csv': dropLine('dti,province,01,'),
      'removals.csv': `${REMOVALS_HEADER}\nobservations,dti|province|01|2024|,,1.1.0\n`,
    });
    expect(issuesOf(dir)).toEqual([
      ['observations.csv', null, null, 'published-rows-lost'],
      ['observations.csv', null, OBS_KEY, 'published-key-missing'],
      ['removals.csv', 2, 'reason', 'missing-value'],
    ]);
  });

  it('without any release, nothing is compared', () => {
    expect(issuesOf(treeWith({ 'tasks.csv': headerOnly, 'progress_reports.csv': headerOnly }))).toEqual([]);
  });
});

describe('empty tables', () => {
  it('a header-only table that must hold rows is an error on that file', () => {
    const changed = (f: string) => f === 'indicators.csv';
    expect(issuesOf(treeWith({ 'indicators.csv': headerOnly })).filter(([f]) => changed(f))).toEqual([
      ['indicators.csv', null, null, 'empty-table'],
    ]);
  });

  it('each required table', () => {
    for (const file of ['provinces.csv', 'former_provinces.csv', 'communes.csv', 'documents.csv', 'observations.csv']) {
      expect(issuesOf(treeWith({ [file]: headerOnly })).filter(([f]) => f === file)).toEqual([[file, null, null, 'empty-table']]);
    }
  });

  it('tables that may be empty (tasks and their reports) pass empty', () => {
    expect(issuesOf(treeWith({ 'tasks.csv': headerOnly, 'progress_reports.csv': headerOnly }))).toEqual([]);
  });
});

describe('release index and command', () => {
  it('the validator refuses an index that lists a version twice', () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
    const path = join(releasesDir(dir), 'index.json');
    const index = JSON.parse(readFileSync(path, 'utf8')) as { releases: unknown[] };
    writeFileSync(path, JSON.stringify({ releases: [...index.releases, ...index.releases] }));
    expect(validateReleases(dir).map((i) => [i.file, i.row, i.column, i.code, i.value])).toEqual([
      ['releases/index.json', null, 'releases', 'duplicate-release', '1.0.0'],
    ]);
  });

  it('npm run release refuses a release identical to the previous one, and accepts it once the data changed', () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
    expect(() => cutRelease({ dataDir: dir, version: '1.0.1', notes: NOTES, releasedOn: '2026-08-02' })).toThrow(
      /byte for byte the same as in release 1\.0\.0 \(release-unchanged\)/,
    );
    expect(readFileSync(join(releasesDir(dir), 'index.json'), 'utf8')).not.toContain('1.0.1');
    writeFileSync(
      join(dir, 'observations.csv'),
      editLine('dti,province,01', '0.8241', '0.8242')(readFileSync(join(dir, 'observations.csv'), 'utf8')),
    );
    expect(cutRelease({ dataDir: dir, version: '1.0.1', notes: NOTES, releasedOn: '2026-08-02' }).version).toBe('1.0.1');
  });
});
