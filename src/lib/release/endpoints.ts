/**
 * What the download endpoints serve, for a version (a release) or null (no release yet: the
 * validated working data). Every file is generated from the files of that version only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { getModel } from '../model/index.ts';
import { buildDataPackage } from './metadata.ts';
import { buildZip, csvToJsonBytes, filesDir } from './downloads.ts';
import { readRelease, readReleaseIndex } from './releases.ts';

export const dataDir = () => resolve(process.env.PORTAL_DATA_DIR ?? 'data');
export const zipName = (version: string | null) => `nq57-data-${version ?? 'current'}.zip`;
/** The zip under /data/latest/ keeps one name across releases. */
export const LATEST_ZIP = 'nq57-data-latest.zip';

/** File names offered for one version (`latest`: the names of the /data/latest/ aliases). */
export function downloadNames(version: string | null, latest = false): string[] {
  return [...TABLES.map((t) => t.file), ...TABLES.map((t) => `${t.name}.json`), 'dataset.json', 'datapackage.json', latest ? LATEST_ZIP : zipName(version)];
}

export function releaseVersions(): string[] {
  return readReleaseIndex(dataDir()).releases.map((r) => r.version);
}

export function latestVersion(): string | null {
  return releaseVersions().at(-1) ?? null;
}

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', zip: 'application/zip' };

export function downloadResponse(version: string | null, file: string, site: URL | undefined): Response {
  const meta = getModel().meta;
  const baseUrl = (site?.href ?? 'https://example.org/').replace(/\/$/, '');
  const dir = filesDir(dataDir(), version);
  const table = (TABLES as readonly TableDef[]).find((t) => `${t.name}.json` === file);
  let body: Uint8Array | string;
  if (file === 'datapackage.json') body = `${JSON.stringify(buildDataPackage(version ? JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) : meta, version ? readRelease(dataDir(), version) : null, baseUrl), null, 2)}\n`;
  else if (file === zipName(version) || file === LATEST_ZIP) body = buildZip(dataDir(), version, version ? JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) : meta, baseUrl);
  else if (table) body = csvToJsonBytes(table, new Uint8Array(readFileSync(join(dir, table.file))));
  else body = new Uint8Array(readFileSync(join(dir, file)));
  return new Response(typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]), { headers: { 'content-type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream' } });
}
