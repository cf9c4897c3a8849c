import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { diffDatasets } from '../../../src/lib/release/diff.ts';
import {
  buildDataPackage,
  buildDcatCatalog,
  buildSchemaOrgDataset,
  buildJsonSchema,
  jsonForScript,
  buildAtomFeed,
} from '../../../src/lib/release/metadata.ts';
import { readRelease, releaseDir } from '../../../src/lib/data/read-releases.ts';
import { validateReleases } from '../../../src/lib/data/validate-releases.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { csvToJson } from '../../../src/lib/release/downloads.ts';
import { TABLES, observationsTable } from '../../../src/schemas/index.ts';
import { editLine, treeWith } from '../data/helpers.ts';
import { getModel } from '../../../src/lib/model/index.ts';
import { apiResourcePaths } from '../../../src/lib/api/resources.ts';
import { manifestPath, manifestText, readManifest } from '../../../src/lib/api/manifest.ts';

const NOTES = 'Fixture release.';

describe('release round trip', () => {
  it('cuts a release, refuses an existing version, detects a modified published file, and shows a correction as old → new', () => {
    const dir = treeWith({});
    const first = cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
    expect(first.files.map((f) => f.path)).toContain('observations.csv');
    expect(validateReleases(dir)).toEqual([]);

    expect(() => cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-02' })).toThrow(/already exists/);
    expect(() => cutRelease({ dataDir: dir, version: '0.9.0', notes: NOTES, releasedOn: '2026-08-02' })).toThrow(/greater than/);
    expect(() => cutRelease({ dataDir: dir, version: 'v2', notes: NOTES, releasedOn: '2026-08-02' })).toThrow(/MAJOR.MINOR.PATCH/);

    // Someone edits a published file: the validator fails and names it.
    const published = join(releaseDir(dir, '1.0.0'), 'observations.csv');
    const original = readFileSync(published);
    writeFileSync(published, original.toString('utf8').replace('0.8241', '0.9999'));
    const tampered = validateDataset(dir);
    expect(tampered.valid).toBe(false);
    expect(tampered.issues.filter((i) => i.severity === 'error').map((i) => [i.file, i.code])).toEqual([
      ['releases/1.0.0/observations.csv', 'release-modified'],
    ]);
    writeFileSync(published, original);

    // The correction goes into the working data and a new release; the diff keeps the old value.
    writeFileSync(
      join(dir, 'observations.csv'),
      editLine('dti,province,01', '0.8241', '0.8242')(readFileSync(join(dir, 'observations.csv'), 'utf8')),
    );
    cutRelease({ dataDir: dir, version: '1.0.1', notes: 'Correction of Hà Nội DTI 2024.', releasedOn: '2026-08-02' });
    expect(validateDataset(dir).valid).toBe(true);
    const changes = diffDatasets(
      (f) => readFileSync(join(releaseDir(dir, '1.0.0'), f), 'utf8'),
      (f) => readFileSync(join(releaseDir(dir, '1.0.1'), f), 'utf8'),
    );
    const obs = changes.find((c) => c.table === 'observations')!;
    expect(obs.added).toEqual([]);
    expect(obs.removed).toEqual([]);
    expect(obs.changed.map((c) => [c.key, c.columns, c.before.value, c.after.value])).toEqual([
      ['dti | province | 01 | 2024', ['value'], '0.8241', '0.8242'],
    ]);
    expect(changes.filter((c) => c.table !== 'observations').every((c) => c.added.length + c.removed.length + c.changed.length === 0)).toBe(
      true,
    );
  });

  it('reports a deleted published file', () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
    writeFileSync(
      join(releaseDir(dir, '1.0.0'), 'release.json'),
      JSON.stringify({
        ...readRelease(dir, '1.0.0'),
        files: [...readRelease(dir, '1.0.0').files, { path: 'extra.csv', bytes: 1, sha256: 'a'.repeat(64) }],
      }),
    );
    expect(validateReleases(dir).map((i) => [i.file, i.code])).toEqual([['releases/1.0.0/extra.csv', 'release-file-missing']]);
  });
});

describe('machine-readable metadata', () => {
  const dir = treeWith({});
  const release = cutRelease({ dataDir: dir, version: '1.0.0', notes: NOTES, releasedOn: '2026-08-01' });
  const meta = validateDataset(dir).meta!;
  const base = 'https://example.org';

  it('the Data Package validates against the Data Package and Table Schema specifications', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/schemas/table-schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/schemas/data-package.json'), 'utf8')));
    const pkg = buildDataPackage(meta, release, base);
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.resources.map((r) => r.name)).toEqual(TABLES.map((t) => t.name));
    const obs = pkg.resources.find((r) => r.name === 'observations')!;
    expect(obs.hash).toBe(`sha256:${release.files.find((f) => f.path === 'observations.csv')!.sha256}`);
    expect(obs.schema!.primaryKey).toEqual(['indicator_id', 'area_level', 'area_code', 'period', 'as_of']);
    expect(obs.schema!.foreignKeys).toEqual([{ fields: ['indicator_id'], reference: { resource: 'indicators', fields: ['id'] } }]);
  });

  it('the JSON downloads validate against the generated JSON Schemas and keep the values', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const def of TABLES) {
      const rows = JSON.parse(csvToJson(def, new Uint8Array(readFileSync(join(dir, def.file)))));
      const validate = ajv.compile(buildJsonSchema(def, base));
      expect(validate(rows), `${def.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const obs = JSON.parse(csvToJson(observationsTable, new Uint8Array(readFileSync(join(dir, 'observations.csv')))));
    expect(obs.find((o: { area_code: string }) => o.area_code === '01').value).toBe(0.8241);
    expect(obs.find((o: { area_code: string; indicator_id: string }) => o.area_code === '96' && o.indicator_id === 'dti').value).toBeNull();
  });

  it('DCAT and schema.org output parse as JSON-LD without any network', async () => {
    const schemaOrgContext = { '@context': { '@vocab': 'https://schema.org/' } };
    const documentLoader = async (url: string) => {
      if (url.startsWith('https://schema.org')) return { contextUrl: null, documentUrl: url, document: schemaOrgContext };
      throw new Error(`no network in tests: ${url}`);
    };
    const dcat = await jsonld.expand(buildDcatCatalog(meta, release, base) as never, { documentLoader } as never);
    expect(JSON.stringify(dcat)).toContain('http://www.w3.org/ns/dcat#Dataset');
    const org = await jsonld.expand(buildSchemaOrgDataset(TABLES[0], meta, release, base, 'vi') as never, { documentLoader } as never);
    expect(JSON.stringify(org)).toContain('https://schema.org/Dataset');
  });

  it('JSON-LD in a script element cannot be closed by data', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', amp: 'a & b', sep: '\u2028' });
    expect(out).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a & b', sep: '\u2028' });
  });

  it('the Atom feed escapes text', () => {
    const feed = buildAtomFeed({
      id: 'x',
      title: 'T <b>&',
      link: 'https://e.org/?a=1&b=2',
      updated: '2026-08-01',
      entries: [{ id: 'e', title: '"</title><x>', updated: '2026-08-01', link: 'https://e.org/', summary: 'a < b' }],
    });
    expect(feed).toContain('T &lt;b&gt;&amp;');
    expect(feed).toContain('&quot;&lt;/title&gt;&lt;x&gt;');
    expect(feed).not.toContain('<x>');
  });
});

describe('diff against a release cut before a column was added', () => {
  it('reads the new column as empty in the release: only rows whose new cell is filled are changed, and a key that gained the column still matches', async () => {
    const { diffTable } = await import('../../../src/lib/release/diff.ts');
    const def = { name: 'observations' as const, file: 'observations.csv', primaryKey: ['id', 'period', 'as_of'] };
    const before = 'id,period,value\na,2024,1\nb,2024,2\n';
    const after = 'id,period,value,as_of,rank_of\na,2024,1,,\nb,2024,2,,34\nb,2024,3,2024-08,\n';
    const d = diffTable(def, before, after);
    expect(d.changed.map((c) => [c.key, c.columns])).toEqual([['b | 2024', ['rank_of']]]);
    expect(d.added.map((r) => r.as_of)).toEqual(['2024-08']);
    expect(d.removed).toEqual([]);
  });
});

describe('sampled diffs (the site lists only the first rows)', () => {
  it('keeps the full counts and at most `sample` rows of each kind', async () => {
    const { diffTable } = await import('../../../src/lib/release/diff.ts');
    const def = { name: 'provinces' as const, file: 'provinces.csv', primaryKey: ['code'] };
    const before = 'code,name\n01,A\n02,B\n03,C\n';
    const after = 'code,name\n01,A2\n02,B2\n04,D\n05,E\n';
    const full = diffTable(def, before, after);
    const sampled = diffTable(def, before, after, 1);
    expect(full.counts).toEqual({ added: 2, removed: 1, changed: 2 });
    expect(sampled.counts).toEqual(full.counts);
    expect([sampled.added.length, sampled.removed.length, sampled.changed.length]).toEqual([1, 1, 1]);
    expect(sampled.added[0]).toEqual(full.added[0]);
    // A whole table added is counted without parsing it, keeping only the sample.
    const fresh = diffTable(def, null, after, 2);
    expect(fresh.counts.added).toBe(4);
    expect(fresh.added).toEqual([
      { code: '01', name: 'A2' },
      { code: '02', name: 'B2' },
    ]);
    const gone = diffTable(def, before, 'code,name\n', 2);
    expect([gone.counts.removed, gone.removed.length]).toEqual([3, 2]);
    // Files read as bytes (the site's reader) give the same diff.
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(diffTable(def, bytes(before), bytes(after))).toEqual(full);
    expect(diffTable(def, null, bytes(after), 2)).toEqual(fresh);
    expect(diffTable(def, bytes(before), bytes('code,name\n'), 2)).toEqual(gone);
  });

  it('samples a table added whole from its bytes, decoding only the start, even when a first record is longer than the first piece read', async () => {
    const { diffTable } = await import('../../../src/lib/release/diff.ts');
    const def = { name: 'provinces' as const, file: 'provinces.csv', primaryKey: ['code'] };
    const long = `"Hà Nội ""${'đ'.repeat(1_500_000)}""\nend"`;
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Tỉnh ${i}`);
    const text = `\uFEFFcode,name\n01,${long}\n${rows.join('\n')}\n`;
    const sampled = diffTable(def, null, new TextEncoder().encode(text), 2);
    expect(sampled.counts.added).toBe(20_001);
    expect(sampled.added).toEqual([
      { code: '01', name: `Hà Nội "${'đ'.repeat(1_500_000)}"\nend` },
      { code: '0', name: 'Tỉnh 0' },
    ]);
  });

  it('counts records as papaparse does, in a text or its UTF-8 bytes: quoted line breaks, CRLF, no final newline, empty lines', async () => {
    const { countRecords } = await import('../../../src/lib/release/diff.ts');
    const texts = [
      'code,name\n',
      'code,name',
      'code,name\n01,A',
      'code,name\n01,A\n02,B\n',
      'code,name\r\n01,A\r\n02,B\r\n',
      'code,name\r\n01,A\r\n\r\n02,B\r\n\r\n',
      'code,note\n01,"two\nlines"\n02,"say ""hi""\nthen, go"\n03,x\n',
      'code,note\r\n01,"a\r\n\r\nb"\r\n02,c',
      'code,name\n01,A\n\n02,B\n\n',
      '"co\nde",name\n01,A\n',
      'code,name\n01,"Hà\nNội ""Thủ đô"""\n02,Đồng Nai\n',
    ];
    for (const text of texts) {
      const records = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data.length;
      expect(countRecords(text), JSON.stringify(text)).toBe(Math.max(0, records - 1));
      expect(countRecords(new TextEncoder().encode(text)), JSON.stringify(text)).toBe(Math.max(0, records - 1));
      // A file read in pieces: every piece boundary, inside a quoted cell or between a CR and its LF too.
      const file = join(mkdtempSync(join(tmpdir(), 'nq57-count-')), 'table.csv');
      writeFileSync(file, text);
      for (const piece of [1, 2, 3, 5, 16])
        expect(countRecords({ path: file }, piece), `${JSON.stringify(text)} in pieces of ${piece}`).toBe(Math.max(0, records - 1));
    }
  });

  it('samples a table added whole from its file on disk as from its bytes, reading only the start whole', async () => {
    const { diffTable } = await import('../../../src/lib/release/diff.ts');
    const def = { name: 'provinces' as const, file: 'provinces.csv', primaryKey: ['code'] };
    const long = `"Hà Nội ""${'đ'.repeat(1_500_000)}""\nend"`;
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Tỉnh ${i}`);
    const file = join(mkdtempSync(join(tmpdir(), 'nq57-sample-')), 'provinces.csv');
    writeFileSync(file, `\uFEFFcode,name\n01,${long}\n${rows.join('\n')}\n`);
    expect(diffTable(def, null, { path: file }, 2)).toEqual(diffTable(def, null, new Uint8Array(readFileSync(file)), 2));
    expect(diffTable(def, { path: file }, null, 2)).toEqual(diffTable(def, new Uint8Array(readFileSync(file)), null, 2));
    const header = join(mkdtempSync(join(tmpdir(), 'nq57-sample-')), 'provinces.csv');
    writeFileSync(header, 'code,name\n\n \n');
    expect(diffTable(def, null, { path: header }, 2).counts.added).toBe(0);
  });
});

describe('npm run release updates the API URL manifest', () => {
  const ROOT = join(import.meta.dirname, '../../..');
  const release = (dir: string, version: string) => {
    const notes = join(dir, 'NOTES.md');
    writeFileSync(notes, NOTES);
    return spawnSync(
      join(ROOT, 'node_modules/.bin/node'),
      ['scripts/release.ts', '--version', version, '--notes', notes, '--date', '2026-08-01', '--data-dir', dir],
      { cwd: ROOT, encoding: 'utf8' },
    );
  };

  it('adds the URLs served after the release and keeps the ones already recorded', () => {
    // A manifest from before: the index only.
    const dir = treeWith({ 'releases/api-v1-urls.txt': manifestText(['/api/v1/index.json']) });
    const result = release(dir, '1.0.0');
    expect(result.status, result.stderr).toBe(0);
    const served = apiResourcePaths(getModel(dir));
    expect(served.length).toBeGreaterThan(10);
    expect(readRelease(dir, '1.0.0').version).toBe('1.0.0');
    expect(readManifest(manifestPath(dir))).toEqual(served);
    expect(result.stdout).toContain(`${served.length} URLs (${served.length - 1} added)`);
  }, 30_000);

  it('fails, leaving the manifest as it was, when a recorded URL is no longer served', () => {
    const before = manifestText(['/api/v1/provinces/00.json']);
    const dir = treeWith({ 'releases/api-v1-urls.txt': before });
    const result = release(dir, '1.0.0');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 published API URLs are no longer served, e.g. /api/v1/provinces/00.json');
    expect(readFileSync(manifestPath(dir), 'utf8')).toBe(before);
  }, 30_000);
});
