/**
 * Large tables (a CSV over LARGE_TABLE_BYTES) are published in parts a static host can serve:
 * gzip pieces, Parquet pieces and partitions per indicator and area level (src/lib/release/partition.ts).
 * The observations used here are SYNTHETIC (made in this file), never published.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvToJson } from '../../../src/lib/release/downloads.ts';
import { buildDcatCatalog, buildRowsJsonSchema } from '../../../src/lib/release/metadata.ts';
import { csvToParquet, endParquetWorker, parquetWorkerRunning } from '../../../src/lib/release/parquet.ts';
import { SQLITE_NAME } from '../../../src/lib/release/sqlite.ts';
import { DatabaseSync } from 'node:sqlite';
import {
  csvOf,
  HOST_FILE_LIMIT,
  indexTable,
  LARGE_TABLE_BYTES,
  partitions,
  pieces,
  rawPiece,
  recordCount,
} from '../../../src/lib/release/partition.ts';
import {
  largeParts,
  listDownloads,
  tablesInParts,
  writeDownload,
  writeDownloads,
  type Download,
} from '../../../src/lib/release/publish.ts';
import { clearLayouts, partitionHashes } from '../../../src/lib/release/layout.ts';
import { storedValidTable } from '../../../src/lib/data/store.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { observationsTable, TABLES } from '../../../src/schemas/index.ts';
import { treeWith } from '../data/helpers.ts';
import { HEADER, syntheticObservations } from './synthetic.ts';

const BASE = 'https://example.org';
/** The downloads of a large table are written asynchronously: tests that write them are given time when the machine is busy (not a timed test). */
const SLOW = 120_000;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

const records = (csv: Uint8Array) => new TextDecoder().decode(csv).split('\n').slice(1, -1);

// strictTuples: the first item is fixed (the names) and the rest open, which ajv's strict mode flags as a possible mistake.
const rowsAjv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
addFormats(rowsAjv);
/** The published JSON Schema of a JSON partition (JsonShape `rows`). */
const validateRows = rowsAjv.compile(buildRowsJsonSchema(observationsTable, BASE));

describe('partition boundaries (pure)', () => {
  const csv = new TextEncoder().encode(
    [
      'indicator_id,area_level,area_code,note',
      'a,province,01,x',
      'a,commune,00001,"two\nlines"',
      'b,province,01,"a, b"',
      'a,province,02,y',
      'a,province,03,z',
    ].join('\n'), // no final line break
  );
  const ix = indexTable(observationsTable, csv);

  it('cuts records at line breaks outside quotes, the last one without a line break included', () => {
    expect(recordCount(ix)).toBe(5);
    expect(new TextDecoder().decode(csv.subarray(ix.starts[1]!, ix.starts[2]!))).toBe('a,commune,00001,"two\nlines"\n');
    expect(ix.keys).toEqual(['a/province', 'a/commune', 'b/province']);
  });

  it('pieces of consecutive records are together the file byte for byte, none over its budget unless one record is', () => {
    for (const budget of [1, 20, 40, 1000]) {
      const ps = pieces(ix, budget);
      const joined = Buffer.concat(ps.map((p, i) => rawPiece(csv, ix, p, i === 0)));
      expect(joined.equals(Buffer.from(csv)), `budget ${budget}`).toBe(true);
      for (const p of ps) if (p.to - p.from > 1) expect(ix.starts[p.to]! - ix.starts[p.from]!).toBeLessThanOrEqual(budget);
    }
    expect(pieces(ix, 1)).toHaveLength(5);
    expect(pieces(ix, 1000)).toHaveLength(1);
  });

  it('partitions hold each record once, under one key, in file order, cut into numbered files over the budget', () => {
    const whole = partitions(ix, 1000);
    expect(whole.map((p) => p.name)).toEqual(['a/province', 'a/commune', 'b/province']);
    expect(whole[0]!.records).toEqual([0, 3, 4]);
    const cut = partitions(ix, 34); // two of the 17-byte records fit
    expect(cut.map((p) => [p.name, p.records])).toEqual([
      ['a/province-1', [0, 3]],
      ['a/province-2', [4]],
      ['a/commune', [1]],
      ['b/province', [2]],
    ]);
    // Each partition file is the header and its records byte for byte; the file's last record gets its line break.
    expect(new TextDecoder().decode(csvOf(csv, ix, cut[1]!.records))).toBe('indicator_id,area_level,area_code,note\na,province,03,z\n');
  });

  it("gives each record the partition of its own cells, where it starts with the previous record's bytes too", () => {
    // Each record starts with the bytes of the one before, up to a cell that differs, ends, or runs on (no quote: read from the bytes).
    const records = [
      'a,province,01,x',
      'a,province,02',
      'a,provinces,03',
      'a,province',
      'a,province,04',
      'a,provinc',
      'a,province,05',
      'a,p',
      'a,p,06',
      'a,province,07,x\r',
      'a,province,08,"q"',
      'a,province2,09',
      'a,province,10',
      'b,province,11',
      'ab,province,12',
    ];
    const text = new TextEncoder().encode(['indicator_id,area_level,area_code,note', ...records].join('\n') + '\n');
    const index = indexTable(observationsTable, text);
    const expected = records.map((r) => {
      const cells = r.replace(/\r$/, '').split(',');
      return `${cells[0] ?? ''}/${(cells[1] ?? '').replace(/"/g, '')}`;
    });
    expect([...index.keyOf].map((k) => index.keys[k])).toEqual(expected);
  });

  it('refuses a key that cannot name a file', () => {
    const bad = new TextEncoder().encode('indicator_id,area_level\n../x,province\n');
    expect(() => indexTable(observationsTable, bad)).toThrow(/cannot name a partition file/);
  });
});

describe('Parquet', () => {
  it('round-trips values, types and nulls through a reader (hyparquet)', async () => {
    const csv = new TextEncoder().encode(syntheticObservations(1, 3, 40));
    const expected = JSON.parse(csvToJson(observationsTable, csv)) as Record<string, unknown>[];
    expect(expected.some((r) => r.value === null)).toBe(true);
    const bytes = csvToParquet(observationsTable, csv);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const meta = parquetMetadata(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, [s.type, s.converted_type ?? null, s.repetition_type]]));
    expect(types.value).toEqual(['DOUBLE', null, 'OPTIONAL']);
    expect(types.indicator_id).toEqual(['BYTE_ARRAY', 'UTF8', 'REQUIRED']);
    expect(types.published_on).toEqual(['INT32', 'DATE', 'OPTIONAL']);
    expect(types.rank_of).toEqual(['INT32', null, 'OPTIONAL']);
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(expected.length);
    // Dates come back as Date objects: compare them as the JSON download writes them.
    const back = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null)])),
    );
    expect(back).toEqual(expected);
  });
});

describe('a large table in the built site (SYNTHETIC observations)', { timeout: SLOW }, () => {
  const observations = syntheticObservations(3, 700, 36);
  const dir = treeWith({ 'observations.csv': observations });
  const out = mkdtempSync(join(tmpdir(), 'nq57-large-'));
  const latest = join(out, 'data/latest');
  let written: Download[] = [];
  let files: string[] = [];
  beforeAll(async () => {
    written = await writeDownloads(dir, out, BASE);
    files = filesUnder(latest);
  }, SLOW);

  it('is over the threshold, and no file of the site is over the host limit', () => {
    expect(Buffer.byteLength(observations)).toBeGreaterThan(LARGE_TABLE_BYTES);
    expect(filesUnder(out)).toEqual(written.map((d) => d.path).sort());
    const largest = Math.max(...filesUnder(out).map((f) => statSync(join(out, f)).size));
    expect(largest).toBeLessThanOrEqual(HOST_FILE_LIMIT);
  });

  it('is not offered whole as CSV or JSON; the small tables are, as before', () => {
    expect(files).not.toContain('observations.csv');
    expect(files).not.toContain('observations.json');
    for (const t of TABLES.filter((d) => d.name !== 'observations')) {
      expect(readFileSync(join(latest, t.file)).equals(readFileSync(join(dir, t.file))), t.file).toBe(true);
      expect(files).toContain(`${t.name}.json`);
    }
  });

  it('its gzip pieces, concatenated and decompressed, are the published CSV byte for byte', () => {
    const gz = files.filter((f) => /^observations-\d{3}\.csv\.gz$/.test(f));
    expect(gz.length).toBeGreaterThan(0);
    const whole = gunzipSync(Buffer.concat(gz.map((f) => readFileSync(join(latest, f)))));
    expect(whole.equals(readFileSync(join(dir, 'observations.csv')))).toBe(true);
  });

  it('its Parquet pieces hold every row, in order', async () => {
    const pq = files.filter((f) => /^observations-\d{3}\.parquet$/.test(f));
    let rows = 0;
    for (const f of pq) {
      const b = readFileSync(join(latest, f));
      rows += (await parquetReadObjects({ file: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer })).length;
    }
    expect(rows).toBe(records(readFileSync(join(dir, 'observations.csv'))).length);
  });

  it('its partitions per indicator and area level hold every record once, as CSV and as the JSON of that CSV', () => {
    const csvParts = files.filter((f) => f.startsWith('observations/') && f.endsWith('.csv'));
    expect(csvParts).toContain('observations/synthetic-0/province.csv');
    // 700 communes × 36 months of one indicator is ≈ 2.3 MB: one file each.
    expect(csvParts).toContain('observations/synthetic-2/commune.csv');
    expect(csvParts).toHaveLength(6);
    const all: string[] = [];
    for (const f of csvParts) {
      const bytes = readFileSync(join(latest, f));
      const [, indicator, level] = /^observations\/([^/]+)\/([a-z_]+)(-\d+)?\.csv$/.exec(f)!;
      const recs = records(bytes);
      expect(
        recs.every((r) => r.startsWith(`${indicator},${level},`)),
        f,
      ).toBe(true);
      all.push(...recs);
      // The JSON twin: an array of arrays, the first the column names, then one row per line; as records, the typed rows of the CSV part.
      const text = readFileSync(join(latest, f.replace(/\.csv$/, '.json')), 'utf8');
      const [names, ...rows] = JSON.parse(text) as [string[], ...unknown[][]];
      expect(names).toEqual(HEADER.split(','));
      expect(rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]])))).toEqual(JSON.parse(csvToJson(observationsTable, bytes)));
      expect(text.split('\n')).toHaveLength(recs.length + 3); // header row, one line per row, "]" and the final line break
      expect(validateRows(JSON.parse(text)), `${f}: ${JSON.stringify(validateRows.errors)}`).toBe(true);
    }
    expect(all.sort()).toEqual(records(readFileSync(join(dir, 'observations.csv'))).sort());
  });

  it('a JSON partition is at most 1.5 times its CSV (records were 2.5-3 times)', () => {
    for (const f of files.filter((p) => p.startsWith('observations/') && p.endsWith('.csv'))) {
      const ratio = statSync(join(latest, f.replace(/\.csv$/, '.json'))).size / statSync(join(latest, f)).size;
      expect(ratio, f).toBeLessThan(1.5);
    }
  });

  it('the JSON Schema of the JSON rows refuses a row out of order or of the wrong type', () => {
    const good = JSON.parse(readFileSync(join(latest, 'observations/synthetic-0/province.json'), 'utf8')) as unknown[][];
    expect(validateRows(good)).toBe(true);
    const swapped = [good[0], [...good[1]!].reverse()];
    expect(validateRows(swapped)).toBe(false);
    const stringValue = [good[0], good[1]!.map((v, i) => (i === 4 ? String(v) : v))];
    expect(validateRows(stringValue)).toBe(false);
    expect(validateRows([[...good[0]!].reverse()])).toBe(false);
  });

  it('the Data Package lists every part with its size and checksum, and validates against the specification', () => {
    const pkg = JSON.parse(readFileSync(join(latest, 'datapackage.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/schemas/table-schema.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/schemas/data-package.json'), 'utf8')));
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    const listed = new Map<string, { bytes: number; hash: string }>();
    for (const r of pkg.resources) {
      for (const p of r.parts ?? []) listed.set(p.path, p);
      if (typeof r.path === 'string' && r.hash) listed.set(r.path, r);
      if (r.json) {
        listed.set(r.json.path, r.json);
        expect(r.json).toMatchObject({ format: 'json', mediatype: 'application/json', dialect: { itemType: 'array' } });
        expect(r).toMatchObject({ format: 'csv', mediatype: 'text/csv' });
      }
    }
    const parts = files.filter((f) => f.startsWith('observations'));
    expect([...listed.keys()].filter((p) => p.startsWith('observations')).sort()).toEqual(parts);
    for (const f of parts) {
      const bytes = readFileSync(join(latest, f));
      expect(listed.get(f), f).toMatchObject({ bytes: bytes.length, hash: `sha256:${sha(bytes)}` });
    }
    const obs = pkg.resources.find((r: { name: string }) => r.name === 'observations');
    expect(obs.hash).toBe(`sha256:${sha(readFileSync(join(dir, 'observations.csv')))}`);
    expect(obs).toMatchObject({ format: 'csv', mediatype: 'text/csv', compression: 'gz' });
    expect(pkg.resources.find((r: { name: string }) => r.name === 'observations-parquet')).toMatchObject({
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
    });
  });

  it('the DCAT catalogue says which schema each JSON partition follows', () => {
    type Dist = { 'dcat:downloadURL': { '@id': string }; 'dcat:mediaType': string; 'dct:conformsTo'?: { '@id': string } };
    const catalog = buildDcatCatalog(
      JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')),
      null,
      BASE,
      largeParts(dir),
    ) as unknown as {
      'dcat:dataset': { 'dct:identifier': string; 'dcat:distribution': Dist[] }[];
    };
    const dists = catalog['dcat:dataset'].find((d) => d['dct:identifier'] === 'observations')!['dcat:distribution'];
    const json = dists.filter((d) => d['dcat:mediaType'] === 'application/json');
    expect(json.map((d) => d['dcat:downloadURL']['@id'].replace(`${BASE}/data/latest/`, '')).sort()).toEqual(
      files.filter((f) => f.startsWith('observations/') && f.endsWith('.json')),
    );
    for (const d of json) expect(d['dct:conformsTo']?.['@id']).toBe(`${BASE}/data/schemas/observations.rows.schema.json`);
  });

  it('its rows schema is published for this table only, and for no table of the real data', () => {
    expect(tablesInParts(dir)).toEqual(['observations']);
    expect(tablesInParts(join(import.meta.dirname, '../../../data'))).toEqual([]);
  });

  it('the zip leaves the large table out and points at its parts by URL', () => {
    const zip = unzipSync(readFileSync(join(latest, 'nq57-data-latest.zip')));
    expect(Object.keys(zip)).not.toContain('observations.csv');
    const pkg = JSON.parse(new TextDecoder().decode(zip['datapackage.json']!));
    const obs = pkg.resources.find((r: { name: string }) => r.name === 'observations');
    expect(obs.path[0]).toBe(`${BASE}/data/latest/observations-001.csv.gz`);
    expect(new TextDecoder().decode(zip['README.md']!)).toContain('| gunzip > observations.csv');
  });

  it('the SQLite database leaves the large table out, says so, and holds every other table', () => {
    const path = join(latest, SQLITE_NAME);
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      expect(names).not.toContain('observations');
      expect(names).toContain('provinces');
      const leftOut = db.prepare("SELECT value FROM dataset WHERE key = 'tables_left_out'").get() as { value: string };
      expect(JSON.parse(leftOut.value)).toEqual(['observations']);
      // A view over the left-out table is not created (it would fail on first use).
      const views = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").all() as { name: string }[]).map((r) => r.name);
      expect(views).toEqual(['task_current_report']);
    } finally {
      db.close();
    }
  });

  it('lists the same downloads as it writes', () => {
    expect(listDownloads(dir).map((d) => d.path)).toEqual(written.map((d) => d.path));
  });
});

describe('a large table made from the validated store (SYNTHETIC observations)', { timeout: SLOW }, () => {
  it('writes the same parts, byte for byte, from the rows the validator stored as from its CSV', async () => {
    const dir = treeWith({ 'observations.csv': syntheticObservations(3, 700, 36) });
    const before = process.env.PORTAL_CACHE_DIR;
    try {
      process.env.PORTAL_CACHE_DIR = 'off';
      clearLayouts();
      const plain = mkdtempSync(join(tmpdir(), 'nq57-large-plain-'));
      await writeDownloads(dir, plain, BASE);
      const cache = mkdtempSync(join(tmpdir(), 'nq57-large-cache-'));
      // The tree's cross-table rules fail (SYNTHETIC ids); the observations file itself is valid and stored.
      validateDataset(dir, { cacheDir: cache });
      // The rows are in the store: the parts are made from them, not from the CSV's bytes.
      expect(storedValidTable(cache, 'observations', new Uint8Array(readFileSync(join(dir, 'observations.csv'))))).not.toBeNull();
      process.env.PORTAL_CACHE_DIR = cache;
      clearLayouts();
      const stored = mkdtempSync(join(tmpdir(), 'nq57-large-stored-'));
      await writeDownloads(dir, stored, BASE);
      const names = filesUnder(plain);
      expect(names.some((f) => f.endsWith('.parquet'))).toBe(true);
      expect(filesUnder(stored)).toEqual(names);
      for (const f of names) expect(readFileSync(join(stored, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
      // The pieces made off the main thread (gzip on libuv's pool, Parquet in a worker) are the bytes
      // the dev server streams for them, made in this thread.
      clearLayouts();
      const pieces = names.filter((f) => /^data\/latest\/observations-\d{3}\.(csv\.gz|parquet)$/.test(f));
      expect(pieces.filter((f) => f.endsWith('.parquet')).length).toBeGreaterThan(0);
      for (const f of pieces) {
        const chunks: Buffer[] = [];
        writeDownload(dir, null, f.slice('data/latest/'.length), BASE, (chunk) => chunks.push(Buffer.from(chunk)));
        expect(Buffer.concat(chunks).equals(readFileSync(join(stored, f))), f).toBe(true);
      }
    } finally {
      if (before === undefined) delete process.env.PORTAL_CACHE_DIR;
      else process.env.PORTAL_CACHE_DIR = before;
      clearLayouts();
    }
  });
});

describe('a large table in a release (SYNTHETIC observations)', { timeout: SLOW }, () => {
  it('its /data/latest/ parts are copies of the release’s, written once those are (made off the main thread)', async () => {
    const dir = treeWith({ 'observations.csv': syntheticObservations(3, 700, 36) });
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    const out = mkdtempSync(join(tmpdir(), 'nq57-large-release-'));
    const written = await writeDownloads(dir, out, BASE);
    const aliases = written.filter((d) => d.path.startsWith('data/latest/observations'));
    expect(aliases.some((d) => d.file.endsWith('.parquet'))).toBe(true);
    expect(aliases.some((d) => d.file.endsWith('.csv.gz'))).toBe(true);
    for (const d of aliases) {
      const versioned = readFileSync(join(out, 'data/v/1.0.0', d.file));
      expect(versioned.length, d.file).toBeGreaterThan(0);
      expect(readFileSync(join(out, d.path)).equals(versioned), d.path).toBe(true);
    }
    rmSync(out, { recursive: true, force: true });
  });
});

describe('the release cache', { timeout: SLOW }, () => {
  it('a build from the cache writes the same files, byte for byte, as one without it', async () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    const cache = mkdtempSync(join(tmpdir(), 'nq57-cache-'));
    const plain = mkdtempSync(join(tmpdir(), 'nq57-plain-'));
    const first = mkdtempSync(join(tmpdir(), 'nq57-first-'));
    const second = mkdtempSync(join(tmpdir(), 'nq57-second-'));
    await writeDownloads(dir, plain, BASE);
    await writeDownloads(dir, first, BASE, cache); // a miss: written, then stored
    const entries = readdirSync(join(cache, 'nq57-release-downloads'));
    expect(entries).toHaveLength(1);
    // Mark the cached copy: the second build must take the release's files from the cache.
    const marked = join(cache, 'nq57-release-downloads', entries[0]!, 'data/v/1.0.0/observations.json');
    const original = readFileSync(marked);
    writeFileSync(marked, 'cached');
    await writeDownloads(dir, second, BASE, cache);
    expect(readFileSync(join(second, 'data/v/1.0.0/observations.json'), 'utf8')).toBe('cached');
    writeFileSync(marked, original);
    await writeDownloads(dir, second, BASE, cache);
    for (const f of filesUnder(plain)) {
      expect(readFileSync(join(first, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
      expect(readFileSync(join(second, f)).equals(readFileSync(join(plain, f))), f).toBe(true);
    }
    expect(filesUnder(second)).toEqual(filesUnder(plain));
  });

  it('is keyed on the release: another release is another entry', async () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    const cache = mkdtempSync(join(tmpdir(), 'nq57-cache-'));
    await writeDownloads(dir, mkdtempSync(join(tmpdir(), 'nq57-a-')), BASE, cache);
    await writeDownloads(dir, mkdtempSync(join(tmpdir(), 'nq57-b-')), 'https://other.example', cache);
    expect(readdirSync(join(cache, 'nq57-release-downloads'))).toHaveLength(2);
  });
});

describe('the part cache (SYNTHETIC observations)', { timeout: SLOW }, () => {
  /** Runs `f` with PORTAL_CACHE_DIR set to `value` and no layout remembered from before. */
  async function withCache<T>(value: string, f: () => Promise<T>): Promise<T> {
    const before = process.env.PORTAL_CACHE_DIR;
    try {
      process.env.PORTAL_CACHE_DIR = value;
      clearLayouts();
      return await f();
    } finally {
      if (before === undefined) delete process.env.PORTAL_CACHE_DIR;
      else process.env.PORTAL_CACHE_DIR = before;
      clearLayouts();
    }
  }
  const build = (dir: string, cache: string) =>
    withCache(cache, async () => {
      const out = mkdtempSync(join(tmpdir(), 'nq57-parts-'));
      await writeDownloads(dir, out, BASE);
      return out;
    });
  const isPart = (f: string) => f.startsWith('data/latest/observations');
  const same = (a: string, b: string, f: string) => readFileSync(join(a, f)).equals(readFileSync(join(b, f)));

  it('a build with a warm part cache writes the same files, byte for byte, as one without it, every part from the cache', async () => {
    const dir = treeWith({ 'observations.csv': syntheticObservations(3, 700, 36) });
    const cache = mkdtempSync(join(tmpdir(), 'nq57-parts-cache-'));
    const plain = await build(dir, 'off');
    const cold = await build(dir, cache); // every part a miss: made, then kept
    const warm = await build(dir, cache); // every part a hit
    const names = filesUnder(plain);
    expect(names.filter(isPart).length).toBeGreaterThan(10);
    for (const out of [cold, warm]) {
      expect(filesUnder(out)).toEqual(names);
      for (const f of names) expect(same(out, plain, f), f).toBe(true);
    }
    // The warm build's parts are the cold build's files (hard links to the same cache entries), not written again.
    for (const f of names.filter(isPart)) expect(statSync(join(warm, f)).ino, f).toBe(statSync(join(cold, f)).ino);
    // The Data Package's checksums come from the cache with the parts: they are the parts' own.
    const pkg = JSON.parse(readFileSync(join(warm, 'data/latest/datapackage.json'), 'utf8')) as {
      resources: { parts?: { path: string; hash: string }[] }[];
    };
    const listed = pkg.resources.flatMap((r) => r.parts ?? []);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('starts the Parquet worker while the file is scanned, only when the part cache lacks a Parquet piece', async () => {
    const dir = treeWith({ 'observations.csv': syntheticObservations(3, 700, 36) });
    const cache = mkdtempSync(join(tmpdir(), 'nq57-parts-cache-'));
    const scanned = () =>
      withCache(cache, async () => {
        await endParquetWorker();
        partitionHashes(observationsTable, dir);
        const running = parquetWorkerRunning();
        await endParquetWorker();
        return running;
      });
    expect(await scanned()).toBe(true);
    await build(dir, cache);
    expect(await scanned()).toBe(false);
  });

  it('after one record changes, only the parts that hold it are made again; the rest are taken from the cache', async () => {
    const csv = syntheticObservations(3, 700, 36);
    const lines = csv.split('\n');
    // A record in the middle with a value: its value changes, keeping its length.
    const at = lines.findIndex((l, i) => i > lines.length / 2 && /^[^,]*,commune,[^,]*,[^,]*,\d+\.\d+,/.test(l));
    const cells = lines[at]!.split(',');
    cells[4] = cells[4]!.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    const changed = [...lines.slice(0, at), cells.join(','), ...lines.slice(at + 1)].join('\n');
    const before = treeWith({ 'observations.csv': csv });
    const after = treeWith({ 'observations.csv': changed });
    const cache = mkdtempSync(join(tmpdir(), 'nq57-parts-cache-'));
    // With the validated store of the changed file, as a build has it: its parts are made from the stored rows.
    validateDataset(after, { cacheDir: cache });
    const first = await build(before, cache);
    const second = await build(after, cache);
    const plain = await build(after, 'off');
    const names = filesUnder(plain);
    for (const f of names) expect(same(second, plain, f), f).toBe(true);
    const remade = names.filter(isPart).filter((f) => statSync(join(second, f)).ino !== statSync(join(first, f)).ino);
    // The partition of the record (its CSV and JSON), and the gzip and Parquet pieces that hold it.
    const partition = `data/latest/observations/${cells[0]}/commune`;
    expect(remade.filter((f) => f.startsWith(`${partition}`)).length).toBe(2);
    expect(remade.filter((f) => !f.startsWith(`${partition}`)).sort()).toEqual([
      'data/latest/observations-001.csv.gz',
      'data/latest/observations-001.parquet',
    ]);
    expect(
      remade.every((f) => !same(first, second, f)),
      'every part made again has changed',
    ).toBe(true);
    const line = cells.join(',');
    expect(remade.filter((f) => f.endsWith('.csv')).every((f) => readFileSync(join(second, f), 'utf8').includes(`\n${line}\n`))).toBe(true);
  });
});
