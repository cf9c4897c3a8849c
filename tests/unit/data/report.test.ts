import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGithubReport, formatJsonReport, formatTextReport } from '../../../src/lib/data/format-report.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, treeWith } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

function defectiveTree(): string {
  return treeWith({
    'observations.csv': editLine('dti,province,01', '0.8241', '"0,8241"'),
    'progress_reports.csv': editLine('t-databases', 'in_progress', 'ongoing'),
  });
}

describe('reports', () => {
  it('text report', () => {
    expect(formatTextReport(validateDataset(defectiveTree()).issues)).toMatchSnapshot();
  });

  it('JSON report has exactly the public fields', () => {
    const parsed = JSON.parse(formatJsonReport(validateDataset(defectiveTree()).issues)) as Record<string, unknown>[];
    expect(parsed.filter((i) => i.severity === 'error')).toMatchSnapshot();
    for (const i of parsed) expect(Object.keys(i)).toEqual(['severity', 'code', 'file', 'row', 'column', 'value', 'message', 'hint']);
  });

  it('GitHub annotations point at the file and line from the repository root', () => {
    const out = formatGithubReport(validateDataset(defectiveTree()).issues, 'data');
    expect(out).toContain('::error file=data/observations.csv,line=3,title=decimal-comma [value]::');
    expect(out).toContain('::error file=data/progress_reports.csv,line=3,title=not-allowed-value [status]::');
  });

  it('a long run of one problem is counted, not repeated, in text', () => {
    const dir = treeWith({ 'communes.csv': (t) => t.replace(/,01$/m, ',02').replace(/,75$/m, ',02').replace(/,96$/m, ',02') });
    const text = formatTextReport(validateDataset(dir).issues);
    expect(text.match(/unknown-reference/g)?.length).toBe(4); // three rows printed, one in the summary
  });
});

describe('validate:data CLI', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(NODE, ['scripts/validate-data.ts', '--data-dir', dir, ...args], { cwd: ROOT, encoding: 'utf8' });
  const snapshotBytes = (dir: string) =>
    Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

  it('exits 0 on valid data and 1 on an error, without touching the files', () => {
    const good = treeWith({});
    expect(run(good).status).toBe(0);
    const bad = defectiveTree();
    const before = snapshotBytes(bad);
    const result = run(bad, '--format', 'json');
    expect(result.status).toBe(1);
    const issues = JSON.parse(result.stdout) as { code: string }[];
    expect(issues.map((i) => i.code)).toContain('decimal-comma');
    expect(snapshotBytes(bad)).toEqual(before);
    // Two CLI runs: on a loaded machine they take longer than the default 5 s.
  }, 30_000);

  it('refuses an unknown format', () => {
    expect(run(treeWith({}), '--format', 'xml').status).toBe(2);
  });
});
