/**
 * Each release compared with the one before it (the first with nothing): table changes, totals,
 * and tasks whose computed status changed. Computed once per build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { deriveTaskStatus } from '../model/tasks.ts';
import { countChanges, diffDatasets, type TableChanges } from './diff.ts';
import { dataDir } from './publish.ts';
import { readReleases, releaseDir, type Release } from './releases.ts';

export interface ReleaseHistoryEntry {
  release: Release;
  previous: string | null;
  changes: TableChanges[];
  totals: { added: number; removed: number; changed: number };
  statusChanges: { id: string; title: string; before: string; after: string }[];
}

// Bytes, not text: a table added whole is counted on its bytes, however large (diff.ts).
const reader = (dir: string | null) => (file: string) => (dir && existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : null);

const csvRows = (path: string) =>
  existsSync(path) ? Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data : [];

/**
 * The derived status of each task of a release. Releases before 1.1.0 wrote a status column in
 * tasks.csv without reports: that claim is read as a report dated on the release's as-of date, so
 * the feed shows what each correction changed.
 */
function taskStatuses(dir: string): Map<string, { title: string; status: string }> {
  const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { as_of: string; reports_checked_on?: string };
  const rows = csvRows(join(dir, 'tasks.csv'));
  const reports = csvRows(join(dir, 'progress_reports.csv'));
  return new Map(
    rows.map((r) => {
      const legacy = r.status
        ? [
            {
              reported_on: meta.as_of,
              describes_on: meta.as_of,
              status: r.status as 'done',
              status_word: r.status,
              completed_on: r.completed_on || null,
              source_id: r.source_id ?? '',
            },
          ]
        : null;
      const own = reports
        .filter((p) => p.task_id === r.id)
        .map((p) => ({
          reported_on: p.reported_on!,
          describes_on: p.describes_on!,
          status: p.status as 'done',
          status_word: p.status_word!,
          completed_on: p.completed_on || null,
          source_id: p.source_id!,
        }));
      const period = r.due_period !== undefined ? r.due_period || null : r.deadline || null;
      const status = deriveTaskStatus(
        { due_period: period, recurrence: (r.recurrence || 'none') as 'none', reports: legacy ?? own },
        meta.as_of,
        meta.reports_checked_on ?? null,
      ).kind;
      return [r.id!, { title: r.title_en || r.title_vi!, status }];
    }),
  );
}

let cached: ReleaseHistoryEntry[] | undefined;

export function buildReleaseHistory(dir = dataDir()): ReleaseHistoryEntry[] {
  if (cached && dir === dataDir()) return cached;
  const releases = readReleases(dir);
  const history = releases.map((release, i) => {
    const prev = releases[i - 1] ?? null;
    const prevDir = prev ? releaseDir(dir, prev.version) : null;
    const changes = diffDatasets(reader(prevDir), reader(releaseDir(dir, release.version)));
    const statusChanges: ReleaseHistoryEntry['statusChanges'] = [];
    if (prevDir) {
      const before = taskStatuses(prevDir);
      for (const [id, after] of taskStatuses(releaseDir(dir, release.version))) {
        const b = before.get(id);
        if (b && b.status !== after.status) statusChanges.push({ id, title: after.title, before: b.status, after: after.status });
      }
    }
    return { release, previous: prev?.version ?? null, changes, totals: countChanges(changes), statusChanges };
  });
  if (dir === dataDir()) cached = history;
  return history;
}

const workingCache = new Map<string, { against: string | null; changes: TableChanges[] }>();

/**
 * What the working data changes against the latest release: in full for npm run data:diff; for the
 * site's pages (`sample`) the counts and the first rows of each kind, computed once per build.
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
