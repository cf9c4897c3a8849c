/**
 * The files offered for download, built from the same bytes the validator checked: CSV as
 * published, JSON of the typed rows, the Data Package, and a zip of everything with a README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { TABLES, type DatasetMeta, type TableDef } from '../../schemas/index.ts';
import { readTable } from '../data/read-dataset.ts';
import { buildCitation, buildDataPackage } from './metadata.ts';
import { latestRelease, readRelease, releaseDir, type Release } from './releases.ts';

/** Where the files of a version live: a release folder, or the working data when there is no release. */
export function filesDir(dataDir: string, version: string | null): string {
  return version ? releaseDir(dataDir, version) : dataDir;
}

/** Typed rows of a CSV, through the same schema as the validator; values unchanged. */
export function csvToJson(def: TableDef, bytes: Uint8Array): string {
  return new TextDecoder().decode(csvToJsonBytes(def, bytes));
}

/**
 * The same bytes as csvToJson (`JSON.stringify(rows, null, 1)` and a newline), written a block of
 * rows at a time: the JSON of 1.6 million observations is 390 MB, near V8's longest string, and as
 * one string it doubled the build's peak memory.
 */
export function csvToJsonBytes(def: TableDef, bytes: Uint8Array): Uint8Array {
  const { rows } = readTable(def, bytes);
  if (rows.length === 0) return Buffer.from('[]\n');
  const BLOCK = 10_000;
  const parts: Buffer[] = [Buffer.from('[\n')];
  for (let start = 0; start < rows.length; start += BLOCK) {
    // A block is indented as the whole array would be: keep what stands between its "[\n" and "\n]".
    const block = JSON.stringify(rows.slice(start, start + BLOCK), null, 1);
    parts.push(Buffer.from(`${start === 0 ? '' : ',\n'}${block.slice(2, -2)}`));
  }
  parts.push(Buffer.from('\n]\n'));
  return Buffer.concat(parts);
}

/**
 * CSV text re-written from rows for other tools: text cells starting with = + - @ tab or CR get a
 * leading ' (OWASP CSV injection); numbers stay numbers. The published CSVs are served as they are
 * (the validator refuses such cells); this is the writer for anything generated from them.
 */
export function writeSafeCsv(columns: readonly string[], rows: readonly Record<string, unknown>[], numericColumns: ReadonlySet<string>): string {
  const data = rows.map((r) => columns.map((c) => {
    const v = r[c];
    if (v === null || v === undefined) return '';
    const s = String(v);
    return !numericColumns.has(c) && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  }));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n' })}\n`;
}

export function buildReadme(meta: DatasetMeta, release: Release | null, baseUrl: string): string {
  const cite = buildCitation(meta, release, baseUrl, 'en');
  const citeVi = buildCitation(meta, release, baseUrl, 'vi');
  return [
    `# ${meta.title_en} / ${meta.title_vi}`,
    '',
    release ? `Version ${release.version}, released ${release.released_on}; data as of ${release.as_of}.` : `Working data as of ${meta.as_of} (not a release).`,
    '',
    `Publisher: ${meta.publisher}. Licence: ${meta.licence} (${meta.licence_url}); each source keeps its own terms (dataset.json).`,
    '',
    '## How to cite / Cách trích dẫn',
    '',
    cite.text,
    '',
    citeVi.text,
    '',
    '## Files',
    '',
    ...TABLES.map((t) => `- ${t.file} — ${t.title_en}: ${t.description_en}`),
    '- dataset.json — title, licence, as-of date, sources',
    '- datapackage.json — Frictionless Data Package with a Table Schema per table',
    '',
    'CSV: UTF-8 without BOM, comma-separated, one header row, dates YYYY-MM-DD, decimal point; an empty cell means "not available", never zero.',
    `Data dictionary: ${baseUrl}/data/ · Release notes: ${baseUrl}/data/releases/`,
    '',
    ...(release ? ['## Release notes', '', release.notes, ''] : []),
  ].join('\n');
}

/** A zip of every file with the Data Package and a README; fixed timestamps so the bytes are reproducible. */
export function buildZip(dataDir: string, version: string | null, meta: DatasetMeta, baseUrl: string): Uint8Array {
  const release = version ? readRelease(dataDir, version) : null;
  const dir = filesDir(dataDir, version);
  const mtime = new Date(`${release?.released_on ?? meta.as_of}T00:00:00Z`);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of [...TABLES.map((t) => t.file), 'dataset.json']) entries[file] = [new Uint8Array(readFileSync(join(dir, file))), { mtime }];
  entries['datapackage.json'] = [strToU8(`${JSON.stringify(buildDataPackage(meta, release, baseUrl), null, 2)}\n`), { mtime }];
  entries['README.md'] = [strToU8(buildReadme(meta, release, baseUrl)), { mtime }];
  return zipSync(entries, { level: 9 });
}

export { latestRelease };
