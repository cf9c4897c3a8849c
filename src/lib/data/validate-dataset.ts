/**
 * The whole check of a data directory: files and cells (read-dataset.ts), then rules across
 * tables (validate-relations.ts). Used by the CLI, the build and the tests alike.
 */
import { sortIssues, type Issue } from './issues.ts';
import { formatTextReport } from './format-report.ts';
import { readDataset, type RawDataset, type ReadOptions } from './read-dataset.ts';
import { folderHash } from '../cache/index.ts';
import { crossKey, loadCrossIssues, saveCrossIssues } from './store.ts';
import { validateRelations } from './validate-relations.ts';
import { validateFigures } from './validate-figures.ts';
import { validateMerges } from './validate-merges.ts';
import { validateReleases } from './validate-releases.ts';
import { validateTasks } from './validate-tasks.ts';

export interface ValidatedDataset extends RawDataset {
  /** Every problem found, in a stable order (file, row, column, code). */
  issues: Issue[];
  valid: boolean;
}

/**
 * With `cacheDir`, through the validated store (store.ts): a table file whose bytes and code are
 * unchanged is not read again, and the rules across tables, which depend on every file of the
 * directory, are not run again while none of them changed. The result is the same with or without.
 */
export function validateDataset(dir: string, options: ReadOptions = {}): ValidatedDataset {
  const cacheDir = options.cacheDir ?? null;
  const raw = readDataset(dir, { cacheDir, pieceBytes: options.pieceBytes });
  const key = cacheDir === null ? null : crossKey(folderHash(dir));
  let across = cacheDir !== null && key !== null ? loadCrossIssues(cacheDir, key) : null;
  if (across === null) {
    // Published releases are part of the data tree: any byte changed in one is an error.
    across = [...validateRelations(raw), ...validateMerges(raw), ...validateFigures(raw), ...validateTasks(raw), ...validateReleases(dir)];
    if (cacheDir !== null && key !== null) saveCrossIssues(cacheDir, key, across);
  }
  const issues = sortIssues([...raw.issues, ...across]);
  return { ...raw, issues, valid: !issues.some((i) => i.severity === 'error') };
}

/** For the site build: the validated dataset, or an Error whose message is the validator's text report. */
export function loadValidDataset(dir: string, options: ReadOptions = {}): ValidatedDataset {
  const data = validateDataset(dir, options);
  if (!data.valid) throw new Error(`The data in ${dir} is not valid:\n\n${formatTextReport(data.issues)}`);
  return data;
}
