/**
 * Each release compared with the one before it (the first with nothing): table changes, totals,
 * and tasks whose computed status changed. Computed once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetMetaSchema, TaskRowSchema, tasksTable, type Release } from '../../schemas/index.ts';
import { dataDir } from '../config.ts';
import { readTable } from '../data/read-dataset.ts';
import { releaseDir } from '../data/read-releases.ts';
import { computeTaskStatus } from '../model/tasks.ts';
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
const reader = (dir: string | null) => (file: string) => (dir && existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : null);

/**
 * The columns of tasks.csv a computed status needs, each read through its column builder. A release
 * keeps the contract it was published under, so columns added to tasks.csv since are not required.
 */
const releasedTasksTable = {
  ...tasksTable,
  row: TaskRowSchema.pick({ id: true, title_en: true, status: true, deadline: true, completed_on: true }),
};

/** Computed status of each task of a release folder, by task id. Throws when its tasks.csv cannot be read through the schema. */
export function readTaskStatuses(dir: string): Map<string, { title: string; status: string }> {
  const { as_of: asOf } = DatasetMetaSchema.pick({ as_of: true }).parse(JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')));
  const { rows, issues } = readTable(releasedTasksTable, new Uint8Array(readFileSync(join(dir, tasksTable.file))));
  // Unknown columns are those of another contract; any other problem would drop or misread a task.
  const problem = issues.find((i) => i.severity === 'error' && i.code !== 'unknown-header');
  if (problem)
    throw new Error(
      `${join(dir, tasksTable.file)} cannot be read for the status history: ${problem.message} (line ${problem.row}, ${problem.column}; ${problem.code})`,
    );
  return new Map(rows.map((r) => [r.id, { title: r.title_en, status: computeTaskStatus(r, asOf) }]));
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
