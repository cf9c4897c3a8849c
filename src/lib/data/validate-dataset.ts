/**
 * The whole check of a data directory: files and cells (read-dataset.ts), then rules across
 * tables (validate-relations.ts). Used by the CLI, the build and the tests alike.
 */
import { sortIssues, type Issue } from './issues.ts';
import { formatTextReport } from './format-report.ts';
import { readDataset, type RawDataset } from './read-dataset.ts';
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

export function validateDataset(dir: string): ValidatedDataset {
  const raw = readDataset(dir);
  // Published releases are part of the data tree: any byte changed in one is an error.
  const issues = sortIssues([
    ...raw.issues,
    ...validateRelations(raw),
    ...validateMerges(raw),
    ...validateFigures(raw),
    ...validateTasks(raw),
    ...validateReleases(dir),
  ]);
  return { ...raw, issues, valid: !issues.some((i) => i.severity === 'error') };
}

/** For the site build: the validated dataset, or an Error whose message is the validator's text report. */
export function loadValidDataset(dir: string): ValidatedDataset {
  const data = validateDataset(dir);
  if (!data.valid) throw new Error(`The data in ${dir} is not valid:\n\n${formatTextReport(data.issues)}`);
  return data;
}
