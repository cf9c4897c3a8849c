/**
 * Each release compared with the one before it (the first with nothing): table changes, totals,
 * and tasks whose computed status changed. Computed once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DatasetMetaSchema, progressReportsTable, tasksTable, type Release } from '../../schemas/index.ts';
import type { CsvTableDef } from '../../schemas/table.ts';
import { tasksTableBefore110 } from '../../schemas/legacy/tasks-1.0.0.ts';
import { dataDir } from '../config.ts';
import { readTable } from '../data/read-dataset.ts';
import { releaseDir } from '../data/read-releases.ts';
import { deriveTaskStatus, type Report } from '../model/tasks.ts';
import { tablesOf } from './tables.ts';
import { countChanges, diffDatasets, type TableChanges } from './diff.ts';
import { readReleases } from './releases.ts';

export interface ReleaseHistoryEntry {
  release: Release;
  previous: string | null;
  changes: TableChanges[];
  totals: { added: number; removed: number; changed: number };
  statusChanges: { id: string; title: string; before: string; after: string }[];
}

// Bytes, not text: a table added whole is counted on its bytes, however large (diff.ts).
/** A table file of a folder (read whole only where the diff compares it whole: diff.ts), or null when there is none. */
const reader = (dir: string | null) => (file: string) => (dir && existsSync(join(dir, file)) ? { path: join(dir, file) } : null);

/** Rows of one table of a release folder through its schema; throws on any problem but a column of another contract. */
function readRows<S extends z.ZodObject>(dir: string, def: CsvTableDef<S>): z.output<S>[] {
  const { rows, issues } = readTable(def, new Uint8Array(readFileSync(join(dir, def.file))));
  // Unknown columns are those of another contract; any other problem would drop or misread a task.
  const problem = issues.find((i) => i.severity === 'error' && i.code !== 'unknown-header');
  if (problem)
    throw new Error(
      `${join(dir, def.file)} cannot be read for the status history: ${problem.message} (line ${problem.row}, ${problem.column}; ${problem.code})`,
    );
  return rows;
}

/**
 * The derived status of each task of a release folder, by task id, each row read through the schema of
 * its contract. Releases before 1.1.0 wrote a status column in tasks.csv without reports: that claim is
 * read as a report dated on the release's as-of date, so the feed shows what each correction changed.
 * Throws when a table cannot be read through its schema.
 */
export function readTaskStatuses(dir: string): Map<string, { title: string; status: string }> {
  const meta = DatasetMetaSchema.pick({ as_of: true, reports_checked_on: true }).parse(
    JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')),
  );
  const asOf = meta.as_of;
  const checkedOn = meta.reports_checked_on ?? null;
  const tables = tablesOf(dir);
  if (tables.some((t) => t.name === 'tasks' && t !== tasksTable)) {
    return new Map(
      readRows(dir, tasksTableBefore110).map((r) => {
        const claim: Report = {
          reported_on: asOf,
          describes_on: asOf,
          status: r.status,
          status_word: r.status,
          completed_on: r.completed_on,
          source_id: r.source_id,
        };
        const status = deriveTaskStatus({ due_period: r.deadline, recurrence: 'none', reports: [claim] }, asOf, checkedOn).kind;
        return [r.id, { title: r.title_en, status }];
      }),
    );
  }
  const reports = tables.some((t) => t.name === 'progress_reports') ? readRows(dir, progressReportsTable) : [];
  return new Map(
    readRows(dir, tasksTable).map((r) => {
      const own: Report[] = reports.filter((p) => p.task_id === r.id);
      const status = deriveTaskStatus({ due_period: r.due_period, recurrence: r.recurrence, reports: own }, asOf, checkedOn).kind;
      return [r.id, { title: r.title_en ?? r.title_vi, status }];
    }),
  );
}

const cached = new Map<string, ReleaseHistoryEntry[]>();

/** The history of the releases in `dir` (default: the build's data directory), computed once per directory. */
export function buildReleaseHistory(dir = dataDir()): ReleaseHistoryEntry[] {
  const hit = cached.get(dir);
  if (hit) return hit;
  const releases = readReleases(dir);
  const history = releases.map((release, i) => {
    const prev = releases[i - 1] ?? null;
    const prevDir = prev ? releaseDir(dir, prev.version) : null;
    const changes = diffDatasets(reader(prevDir), reader(releaseDir(dir, release.version)));
    const statusChanges: ReleaseHistoryEntry['statusChanges'] = [];
    if (prevDir) {
      const before = readTaskStatuses(prevDir);
      for (const [id, after] of readTaskStatuses(releaseDir(dir, release.version))) {
        const b = before.get(id);
        if (b && b.status !== after.status) statusChanges.push({ id, title: after.title, before: b.status, after: after.status });
      }
    }
    return { release, previous: prev?.version ?? null, changes, totals: countChanges(changes), statusChanges };
  });
  cached.set(dir, history);
  return history;
}

const workingCache = new Map<string, { against: string | null; changes: TableChanges[] }>();

/**
 * What the working data of `dir` (default: the build's data directory) changes against its latest
 * release: in full for npm run data:diff; for the site's pages (`sample`) the counts and the first
 * rows of each kind, computed once per build.
 */
export function diffWorkingData(dir = dataDir(), sample = Infinity): { against: string | null; changes: TableChanges[] } {
  const key = `${dir}|${sample}`;
  const hit = workingCache.get(key);
  if (hit) return hit;
  const releases = readReleases(dir);
  const latest = releases.at(-1) ?? null;
  const result = {
    against: latest?.version ?? null,
    changes: diffDatasets(reader(latest ? releaseDir(dir, latest.version) : null), reader(dir), sample),
  };
  workingCache.set(key, result);
  return result;
}

/** Rows of each kind the site lists per table (ChangesTable); the full diff is `npm run data:diff`. */
export const SITE_DIFF_SAMPLE = 50;
