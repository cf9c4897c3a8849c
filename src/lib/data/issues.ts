/**
 * What the validator reports. Codes are permanent once published (maintainers search for them);
 * add new codes, never rename one. Every code is in the catalogue (codes.ts).
 */
import type { Code } from './codes.ts';

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  /** Permanent kebab-case code of the catalogue (codes.ts), e.g. "decimal-comma". */
  code: Code;
  /** Path of the file relative to the data directory, e.g. "observations.csv". */
  file: string;
  /** 1-based line in the file (header = 1); null for a problem with the whole file. */
  row: number | null;
  /** Column name; null for a problem with a whole row or file. */
  column: string | null;
  /** The raw cell or line as read; null when there is none. */
  value: string | null;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
}

export function issue(fields: Omit<Issue, 'severity' | 'row' | 'column' | 'value'> & Partial<Issue>): Issue {
  return { severity: 'error', row: null, column: null, value: null, ...fields };
}

/** A function that reports a problem on row `index` (0-based, in the order read) of a table. */
export type RowReporter = (
  index: number,
  column: string | null,
  code: Code,
  value: unknown,
  message: string,
  hint: string,
  severity?: Severity,
) => void;

/**
 * Reports into `issues` against `file`, naming the file line of each row from `lines` (validated rows
 * keep the line they were read from): the one way the cross-table rules locate a problem.
 */
export function rowReporter(issues: Issue[], file: string, lines: readonly number[]): RowReporter {
  return (index, column, code, value, message, hint, severity = 'error') =>
    issues.push(
      issue({
        severity,
        code,
        file,
        row: lines[index] ?? null,
        column,
        value: value === null || value === undefined ? null : String(value),
        message,
        hint,
      }),
    );
}

/** Stable order for reports: by file, row, column, code. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.column ?? '').localeCompare(b.column ?? '') ||
      a.code.localeCompare(b.code),
  );
}

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  let error = 0;
  let warning = 0;
  for (const i of issues) {
    if (i.severity === 'error') error++;
    else warning++;
  }
  return { error, warning };
}
