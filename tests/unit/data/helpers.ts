import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { Issue } from '../../../src/lib/data/issues.ts';

export const VALID_DIR = join(import.meta.dirname, '../../fixtures/valid');

const made: string[] = [];
// Each test file has its own copy of this module: its trees are removed when the file's tests are done
// (they were left in the temporary folder, thousands of them after a few runs).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture tree with some files replaced (string or bytes) or edited; removed after the test file. */
export function treeWith(changes: Record<string, string | Uint8Array | ((text: string) => string)>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nq57-fixture-'));
  made.push(dir);
  cpSync(VALID_DIR, dir, { recursive: true });
  for (const [file, change] of Object.entries(changes)) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    const next = typeof change === 'function' ? change(readFileSync(path, 'utf8')) : change;
    writeFileSync(path, next);
  }
  return dir;
}

/** Frictionless-style flat list, leaving out the row-count warnings every small fixture has. */
export function flat(issues: readonly Issue[]): [string, number | null, string | null, string][] {
  return issues.filter((i) => i.code !== 'table-dimensions').map((i) => [i.file, i.row, i.column, i.code]);
}

/** Replaces the first occurrence of `from` in a line that starts with `linePrefix`. */
export function editLine(linePrefix: string, from: string, to: string): (text: string) => string {
  return (text) =>
    text
      .split('\n')
      .map((line) => (line.startsWith(linePrefix) ? line.replace(from, to) : line))
      .join('\n');
}

/** The header of observations.csv, for tests that write their own SYNTHETIC rows. */
export const OBSERVATIONS_HEADER = 'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note,as_of,rank_of,quote';
/** A small piece size (bytes), so that a file of a few hundred rows is several pieces (table-pieces.ts). */
export const SMALL_PIECE_BUDGET = 600;
