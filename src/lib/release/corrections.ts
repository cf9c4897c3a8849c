/**
 * Every published value that a later release corrected: the old and new values come from the
 * cell-level diffs of the release history (history.ts, diff.ts); the reason comes from
 * data/corrections.csv, which adds only why (quoted from the release notes). docs/feeds.md.
 *
 * A correction is a cell that held a published value and differs in the next release, in a column
 * that release still has, or a published row the next release removed. A column dropped by a new
 * contract (1.1.0's tasks.csv lost `status`, `deadline`, `owner_en`) is a contract change, shown in
 * the changelog; it is a correction only when corrections.csv declares it with its reason (the
 * withdrawn statuses of 1.0.0). A cell that was empty and is now filled is new data, not a correction;
 * a changed `note` explains a value and is left to the changelog unless declared.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CORRECTIONS_FILE, correctionsTable, type CorrectionRow } from '../../schemas/corrections.ts';
import { TABLES } from '../../schemas/index.ts';
import { dataDir } from '../config.ts';
import { issue, type Issue } from '../data/issues.ts';
import { readTable } from '../data/read-dataset.ts';
import { releaseDir } from '../data/read-releases.ts';
import { joinKey, type Row } from './diff.ts';
import { buildReleaseHistory, type ReleaseHistoryEntry } from './history.ts';

export interface Correction {
  /** The release that published the new value (or removed the row). */
  release: string;
  releasedOn: string;
  /** The release that had the old value. */
  previous: string;
  table: string;
  /** The row's key as the changelog shows it ("dti | province | 01 | 2024"). */
  key: string;
  /** The corrected column; null when the whole row was removed. */
  column: string | null;
  /** The old cell as published (for a removed row: its `value`, or the row's key columns). */
  before: string;
  /** The new cell as published; null for a removed row. */
  after: string | null;
  /** Why, from data/corrections.csv (English, as the release notes are); null when none is recorded. */
  reason: string | null;
  /** The same reason in Vietnamese when a source gives it (corrections.csv `reason_vi`), else null. */
  reasonVi: string | null;
  /** The row as the new release has it (the old row for a removed one), for the row's area and indicator. */
  row: Row;
}

/** A table's columns in a release: the header of its file (the columns of that release's contract). */
export type HeaderOf = (version: string, file: string) => readonly string[];

/** Columns that explain a value rather than hold one: a changed note is in the changelog, not a correction unless declared. */
const NOT_VALUES: ReadonlySet<string> = new Set(['note']);

const lineKey = (release: string, table: string, key: string, column: string | null) =>
  `${release}\u0000${table}\u0000${key}\u0000${column ?? ''}`;

/**
 * The corrections of every release against the one before it, each with its declared reason, and the
 * problems of the declarations (a line that names no changed cell, a duplicate). Pure.
 */
export function findCorrections(
  history: readonly ReleaseHistoryEntry[],
  declared: readonly (CorrectionRow & { line?: number })[],
  headerOf: HeaderOf,
): { corrections: Correction[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const reasons = new Map<string, { reason: string; reasonVi: string | null }>();
  for (const d of declared) {
    const k = lineKey(d.release, d.table, d.key, d.column);
    if (reasons.has(k))
      issues.push(
        issue({
          code: 'corrections-error',
          file: CORRECTIONS_FILE,
          row: d.line ?? null,
          message: `${CORRECTIONS_FILE} gives the reason for ${d.table} ${d.key} ${d.column ?? '(row removed)'} in ${d.release} twice.`,
          hint: 'Keep one line per changed cell.',
        }),
      );
    reasons.set(k, { reason: d.reason, reasonVi: d.reason_vi ?? null });
  }
  const used = new Set<string>();
  const corrections: Correction[] = [];
  for (const h of history) {
    if (!h.previous) continue;
    const base = { release: h.release.version, releasedOn: h.release.released_on, previous: h.previous };
    for (const t of h.changes) {
      const def = TABLES.find((d) => d.name === t.table);
      const columns = new Set(headerOf(h.release.version, t.file));
      for (const ch of t.changed) {
        for (const column of ch.columns) {
          const before = ch.before[column] ?? '';
          const k = lineKey(h.release.version, t.table, ch.key, column);
          const { reason, reasonVi } = reasons.get(k) ?? { reason: null, reasonVi: null };
          if (before === '' || ((!columns.has(column) || NOT_VALUES.has(column)) && reason === null)) continue;
          if (reason !== null) used.add(k);
          const after = ch.after[column] ?? '';
          corrections.push({ ...base, table: t.table, key: ch.key, column, before, after, reason, reasonVi, row: ch.after });
        }
      }
      for (const row of t.removed) {
        const key = joinKey((def?.primaryKey ?? []).map((c) => row[c] ?? ''));
        const k = lineKey(h.release.version, t.table, key, null);
        const { reason, reasonVi } = reasons.get(k) ?? { reason: null, reasonVi: null };
        if (reason !== null) used.add(k);
        corrections.push({ ...base, table: t.table, key, column: null, before: row['value'] ?? key, after: null, reason, reasonVi, row });
      }
    }
  }
  for (const d of declared) {
    if (used.has(lineKey(d.release, d.table, d.key, d.column))) continue;
    issues.push(
      issue({
        code: 'corrections-error',
        file: CORRECTIONS_FILE,
        row: d.line ?? null,
        column: d.column ?? null,
        value: d.key,
        message: `${CORRECTIONS_FILE} gives a reason for ${d.table} "${d.key}" ${d.column ?? '(row removed)'} in ${d.release}, but that release changed no such published value.`,
        hint: 'Use the release, table, key and column the changelog shows (/data/releases/<version>/); the key as written there, parts separated by " | ".',
      }),
    );
  }
  return { corrections, issues };
}

/** The header of a CSV file from its first 64 KB (a header holds no line break in this contract). */
function readHeader(path: string): string[] {
  if (!existsSync(path)) return [];
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const first = buffer.subarray(0, n).toString('utf8').split('\n', 1)[0] ?? '';
    return Papa.parse<string[]>(first.replace(/^\uFEFF/, '').trim(), { header: false }).data[0] ?? [];
  } finally {
    closeSync(fd);
  }
}

const cached = new Map<string, Correction[]>();

/**
 * The corrections of the releases in `dir` (default: the build's data directory) with the reasons of
 * its corrections.csv; computed once per directory. Throws the problems of corrections.csv, so a
 * build with a reason that names no changed value fails.
 */
export function readCorrections(dir = dataDir()): Correction[] {
  const hit = cached.get(dir);
  if (hit) return hit;
  const path = join(dir, CORRECTIONS_FILE);
  const read = existsSync(path)
    ? readTable(correctionsTable, new Uint8Array(readFileSync(path)), false)
    : { rows: [], lines: [], issues: [] };
  const declared = read.rows.map((r, i) => ({ ...r, line: read.lines[i] ?? 0 }));
  const { corrections, issues } = findCorrections(buildReleaseHistory(dir), declared, (version, file) =>
    readHeader(join(releaseDir(dir, version), file)),
  );
  const problems = [...read.issues.filter((i) => i.severity === 'error'), ...issues];
  if (problems.length > 0)
    throw new Error(problems.map((p) => `${p.file}${p.row ? `:${p.row}` : ''}: ${p.message} (${p.code}) ${p.hint}`).join('\n'));
  cached.set(dir, corrections);
  return corrections;
}
