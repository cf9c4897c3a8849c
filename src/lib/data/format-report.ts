/**
 * The validator's report in three forms: text for people, JSON for programs, GitHub Actions
 * annotations for pull requests. One module, so the CLI and the build say the same thing.
 */
import { countBySeverity, type Issue } from './issues.ts';

export type ReportFormat = 'text' | 'json' | 'github';

function repeatKey(i: Issue): string {
  return [i.file, i.code, i.column].join('\u0000');
}

function location(i: Issue): string {
  return `${i.file}${i.row !== null ? `:${i.row}` : ''}${i.column !== null ? ` [${i.column}]` : ''}`;
}

/**
 * In text, at most this many problems of one kind (same file, code and column) are printed in full;
 * one line then counts the rest. JSON and GitHub output list every problem.
 */
const REPEAT_LIMIT = 5;

export function formatTextReport(issues: readonly Issue[]): string {
  const out: string[] = [];
  let file = '';
  const repeats = new Map<string, Issue[]>();
  for (const i of issues) {
    const key = repeatKey(i);
    const list = repeats.get(key);
    if (list) list.push(i);
    else repeats.set(key, [i]);
  }
  const printed = new Map<string, number>();
  for (const i of issues) {
    if (i.file !== file) {
      file = i.file;
      out.push(`${out.length > 0 ? '\n' : ''}${file}`);
    }
    const key = repeatKey(i);
    const n = (printed.get(key) ?? 0) + 1;
    printed.set(key, n);
    const all = repeats.get(key)!;
    if (n > REPEAT_LIMIT) {
      if (n === REPEAT_LIMIT + 1) {
        const rest = all.slice(REPEAT_LIMIT);
        // Problems without a line (a published key that is gone) are counted without lines.
        const lines = rest[0]!.row === null ? '' : ` on lines ${rest[0]!.row}–${rest[rest.length - 1]!.row}`;
        out.push(
          `  … and ${rest.length} more ${i.code} problems${i.column !== null ? ` in [${i.column}]` : ''}${lines} (--format json lists each)`,
        );
      }
      continue;
    }
    const value = i.value !== null ? ` (value: ${JSON.stringify(i.value.length > 80 ? `${i.value.slice(0, 77)}...` : i.value)})` : '';
    out.push(`  ${i.severity === 'error' ? 'error' : 'warning'} ${location(i)} ${i.code}: ${i.message}${value}\n    → ${i.hint}`);
  }
  const { error, warning } = countBySeverity(issues);
  const byCode = new Map<string, number>();
  for (const i of issues) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  const codes = [...byCode]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  out.push(
    `${out.length > 0 ? '\n' : ''}${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}${codes ? ` (${codes})` : ''}.`,
  );
  return out.join('\n');
}

export function formatJsonReport(issues: readonly Issue[]): string {
  return JSON.stringify(
    issues.map(({ severity, code, file, row, column, value, message, hint }) => ({
      severity,
      code,
      file,
      row,
      column,
      value,
      message,
      hint,
    })),
    null,
    2,
  );
}

/** GitHub Actions workflow commands; `prefix` is the data directory as given, so paths are relative to the repo. */
export function formatGithubReport(issues: readonly Issue[], prefix: string): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const base = prefix.replace(/\/+$/, '');
  return issues
    .map((i) => {
      const props = [`file=${escapeProp(`${base}/${i.file}`)}`];
      if (i.row !== null) props.push(`line=${i.row}`);
      props.push(`title=${escapeProp(`${i.code}${i.column ? ` [${i.column}]` : ''}`)}`);
      return `::${i.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(`${i.message} ${i.hint}`)}`;
    })
    .join('\n');
}

export function formatReport(issues: readonly Issue[], format: ReportFormat, dataDir: string): string {
  if (format === 'json') return formatJsonReport(issues);
  if (format === 'github') return formatGithubReport(issues, dataDir);
  return formatTextReport(issues);
}
