import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/lib/data/read-dataset.ts';
import { csvToJson, writeTableJson } from '../../../src/lib/release/downloads.ts';
import { LATEST_ZIP, listDownloads, writeDownloads, zipName } from '../../../src/lib/release/publish.ts';
import { releaseDir } from '../../../src/lib/data/read-releases.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { observationsTable, TABLES } from '../../../src/schemas/index.ts';
import { editLine, treeWith } from '../data/helpers.ts';

const BASE = 'https://example.org';
const obsDef = observationsTable;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

describe('downloads written into the built site', () => {
  it('writes every listed file of every release, and /data/latest/ as copies of the newest release', async () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    // The working data moves on after the release: the downloads keep serving the release.
    writeFileSync(
      join(dir, 'observations.csv'),
      editLine('dti,province,01', '0.8241', '0.8242')(readFileSync(join(dir, 'observations.csv'), 'utf8')),
    );
    const out = mkdtempSync(join(tmpdir(), 'nq57-dl-'));

    const written = await writeDownloads(dir, out, BASE);
    expect(filesUnder(out)).toEqual(written.map((d) => d.path).sort());
    expect(written.map((d) => d.path)).toContain('data/v/1.0.0/observations.json');
    expect(written.map((d) => d.path)).toContain(`data/latest/${LATEST_ZIP}`);

    for (const t of TABLES) {
      // The CSVs are the release's files byte for byte, not the working data.
      expect(readFileSync(join(out, 'data/v/1.0.0', t.file)).equals(readFileSync(join(releaseDir(dir, '1.0.0'), t.file)))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, 'data/v/1.0.0', `${t.name}.json`), 'utf8'))).toEqual(
        JSON.parse(csvToJson(t, readFileSync(join(releaseDir(dir, '1.0.0'), t.file)))),
      );
    }
    for (const d of written.filter((x) => x.path.startsWith('data/latest/'))) {
      const versioned = join(out, 'data/v/1.0.0', d.file);
      expect(readFileSync(join(out, d.path)).equals(readFileSync(versioned)), d.path).toBe(true);
    }

    const zip = unzipSync(readFileSync(join(out, 'data/v/1.0.0', zipName('1.0.0'))));
    expect(Object.keys(zip).sort()).toEqual([...TABLES.map((t) => t.file), 'README.md', 'datapackage.json', 'dataset.json'].sort());
    expect(Buffer.from(zip['observations.csv']!).equals(readFileSync(join(releaseDir(dir, '1.0.0'), 'observations.csv')))).toBe(true);
    expect(new TextDecoder().decode(zip['README.md']!)).toContain('Version 1.0.0');
  });

  it('before the first release, /data/latest/ serves the validated working data', async () => {
    const dir = treeWith({});
    const out = mkdtempSync(join(tmpdir(), 'nq57-dl-'));
    const written = await writeDownloads(dir, out, BASE);
    expect(written.every((d) => d.path.startsWith('data/latest/') && d.version === null)).toBe(true);
    expect(listDownloads(dir).map((d) => d.path)).toEqual(written.map((d) => d.path));
    expect(readFileSync(join(out, 'data/latest/observations.csv')).equals(readFileSync(join(dir, 'observations.csv')))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(out, 'data/latest/datapackage.json'), 'utf8'));
    // The tables, then the SQLite database of the same data (src/lib/release/sqlite.ts).
    expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual([...TABLES.map((t) => t.name), 'sqlite']);
    expect(Object.keys(unzipSync(readFileSync(join(out, 'data/latest', LATEST_ZIP))))).toContain('README.md');
  });
});

describe('JSON of a table, written in blocks', () => {
  // SYNTHETIC rows, enough to cross the writer's blocks of 10,000 rows.
  const header = 'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note,as_of,rank_of,quote';
  const row = (i: number) =>
    [
      `synthetic-${i % 7}`,
      'province',
      '01',
      `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      i % 5 === 0 ? '' : (i / 7).toFixed(3),
      'synthetic-doc',
      '2026-01-15',
      'as_published',
      i % 11 === 0 ? '"SYNTHETIC ""quoted"", note"' : '',
      '',
      '',
      '',
    ].join(',');
  const syntheticCsv = (n: number) => [header, ...Array.from({ length: n }, (_, i) => row(i))].map((line) => `${line}\n`).join('');

  it('is the bytes of JSON.stringify(rows, null, 1) for 0, 1 and 25,001 rows', () => {
    for (const n of [0, 1, 25_001]) {
      const bytes = Buffer.from(syntheticCsv(n));
      const { rows, issues } = readTable(obsDef, bytes);
      expect(issues.filter((i) => i.code !== 'unknown-reference')).toEqual([]);
      const chunks: string[] = [];
      writeTableJson(obsDef, bytes, (c) => chunks.push(typeof c === 'string' ? c : new TextDecoder().decode(c)));
      expect(chunks.join('')).toBe(`${JSON.stringify(rows, null, 1)}\n`);
      if (n > 10_000) expect(chunks.length).toBeGreaterThan(3);
    }
  });

  it('writes a release cut before the optional columns as_of, rank_of and quote existed with the columns it has', () => {
    const old =
      'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note\nsynthetic-1,province,01,2024,0.5,synthetic-doc,,as_published,\n';
    const rows = JSON.parse(csvToJson(obsDef, Buffer.from(old)));
    expect(Object.keys(rows[0])).toEqual([
      'indicator_id',
      'area_level',
      'area_code',
      'period',
      'value',
      'source_id',
      'published_on',
      'method',
      'note',
    ]);
    // A missing required column is still refused.
    expect(() => csvToJson(obsDef, Buffer.from(old.replace('method,', '').replace('as_published,', '')))).toThrow(
      /Column "method" is missing/,
    );
  });

  it('refuses a table with a bad cell, naming file, row and column', () => {
    const bytes = Buffer.from(syntheticCsv(3).replace('2000-02', '2000-13'));
    expect(() => writeTableJson(obsDef, bytes, () => {})).toThrow(/observations\.csv: .*row 3, column period/);
  });
});
