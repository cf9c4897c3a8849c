/**
 * Helpers for the one-off import scripts that turn the reference material in ../shared/sources
 * into the tables of data/. The site never reads ../shared: these scripts are run by a maintainer,
 * and their output is committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Papa from 'papaparse';

export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? join(import.meta.dirname, '../../../shared'));
export const DATA_DIR = resolve(process.env.DATA_DIR ?? join(import.meta.dirname, '../../data'));

export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, 'sources', ...parts);
}

export function readCsv(path: string): Record<string, string>[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/, '');
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (result.errors.length > 0) throw new Error(`${path}: ${result.errors[0]!.message}`);
  return result.data;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Writes rows with exactly `columns`, in that order: LF, UTF-8 without BOM, NFC, quotes only when needed. */
export function writeCsv(
  file: string,
  columns: readonly string[],
  rows: readonly Record<string, string | number | null | undefined>[],
): void {
  const data = rows.map((row) =>
    columns.map((c) => {
      const v = row[c];
      if (v === null || v === undefined) return '';
      return String(v).normalize('NFC');
    }),
  );
  const text = Papa.unparse({ fields: [...columns], data }, { newline: '\n' }) + '\n';
  const path = join(DATA_DIR, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`wrote ${file}: ${rows.length} rows`);
}

/**
 * One convention for the tone mark on "oa", "oe", "uy" at the end of a syllable: on the first
 * vowel ("Hòa", "Thủy"), as in the official list of Decision 19/2025/QĐ-TTg. Sources disagree
 * (the 2026 export writes "Hoà", "Thuỷ"); names are compared and shown in one form.
 */
export function normalizeTone(name: string): string {
  const moves: Record<string, string> = {
    oà: 'òa',
    oá: 'óa',
    oả: 'ỏa',
    oã: 'õa',
    oạ: 'ọa',
    oè: 'òe',
    oé: 'óe',
    oẻ: 'ỏe',
    oẽ: 'õe',
    oẹ: 'ọe',
    uỳ: 'ùy',
    uý: 'úy',
    uỷ: 'ủy',
    uỹ: 'ũy',
    uỵ: 'ụy',
  };
  let out = name.normalize('NFC');
  for (const [from, to] of Object.entries(moves)) {
    for (const [f, t] of [
      [from, to],
      [from[0]!.toUpperCase() + from.slice(1), to[0]!.toUpperCase() + to.slice(1)],
    ] as const) {
      // Only at the end of a syllable, and not after q ("quý" keeps its mark on y).
      out = out.replace(new RegExp(`(?<![qQ])${f}(?![\\p{L}])`, 'gu'), t);
    }
  }
  return out;
}

/** Removes the unit word: "Tỉnh Bắc Giang" → "Bắc Giang", "Thành phố Huế" → "Huế". */
export function shortName(fullName: string): string {
  return fullName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu)\s+/u, '');
}

/** "Đắk Lắk" → "Dak Lak". */
export function toAscii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
