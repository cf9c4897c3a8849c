/**
 * Validation throughput on SYNTHETIC data shaped like issue #17's case: 50 indicators × 24 monthly
 * periods × 3,355 areas (34 provinces and 3,321 communes), about 2 % of the observations left out,
 * each observation's source one of 1,200 URLs (≈ 3.95 M rows). Never part of the tests.
 *
 *   node scripts/bench/validate-scale.ts make DIR [--broken]   writes the data tree (--broken: one defect every 9,973 rows)
 *   node scripts/bench/validate-scale.ts run DIR                validates it as `npm run validate:data` does and prints
 *                                                               rows/s, wall clock and CPU time of the call
 */
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import { validateDataset } from '../../src/lib/data/validate-dataset.ts';
import { columnsOf, observationsTable } from '../../src/schemas/index.ts';
import { generate, prng, type Scale } from './synthetic.ts';

/** The other tables of the issue's case; observations are rewritten below (communes, URL sources, gaps left out). */
const ISSUE_CASE = { name: 'M', indicators: 50, periods: 24, communes: false, tasks: 1500 } satisfies Scale;
export const URL_SOURCES = 1200;

/** Defects a broken file carries, one per row in turn: each must give the same issue before and after a change of the validator. */
const DEFECTS: ((cells: string[]) => void)[] = [
  (c) => (c[4] = '12,5'), // decimal-comma
  (c) => (c[5] = 'javascript:alert(1)'), // unsafe-url
  (c) => (c[5] = 'https://user:pw@example.org/x'), // url-credentials
  (c) => (c[3] = '2016-13'), // period-format
  (c) => (c[3] = '2016'), // period-mismatch (monthly indicator)
  (c) => (c[2] = '99999'), // unknown-area
  (c) => (c[6] = '15/01/2026'), // date-format
  (c) => (c[4] = '150'), // value-out-of-range
  (c) => (c[5] = 'no-such-document'), // unknown-source
  (c) => (c[8] = '=HYPERLINK("x")'), // formula-injection
  (c) => (c[5] = ` ${c[5]}`), // surrounding-whitespace
  (c) => (c[0] = 'synthetic-x'), // unknown-reference
  (c) => (c[7] = 'estimated'), // not-allowed-value
  (c) => (c[5] = 'https://example.org/\u202Eabc'), // bidi-control
  (c) => c.splice(11), // missing-cell
];

export function makeIssueCase(out: string, realData: string, broken = false): { rows: number } {
  generate(ISSUE_CASE, out, realData);
  const communes = readCodes(join(realData, 'communes.csv'));
  const provinces = readCodes(join(realData, 'provinces.csv'));
  const areas = [...provinces.map((c) => ['province', c] as const), ...communes.map((c) => ['commune', c] as const)];
  const periods = Array.from(
    { length: ISSUE_CASE.periods },
    (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );
  const rand = prng(17);
  const fd = openSync(join(out, 'observations.csv'), 'w');
  writeFileSync(fd, `${columnsOf(observationsTable).join(',')}\n`);
  let rows = 0;
  let defect = 0;
  for (let i = 0; i < ISSUE_CASE.indicators; i++) {
    const lines: string[] = [];
    for (const [level, code] of areas) {
      for (const p of periods) {
        if (rand() < 0.02) continue;
        const source = `https://stats.example.org/SYNTHETIC/${level}/report-${Math.floor(rand() * URL_SOURCES)}.html`;
        const cells = [`synthetic-${i}`, level, code, p, (rand() * 100).toFixed(2), source, '2026-01-15', 'as_published', '', '', '', ''];
        rows++;
        if (broken && rows % 9973 === 0) DEFECTS[defect++ % DEFECTS.length]!(cells);
        lines.push(cells.join(','));
      }
    }
    writeFileSync(fd, `${lines.join('\n')}\n`);
  }
  closeSync(fd);
  return { rows };
}

/** The first column of a CSV of the real data (the area codes; the files are valid and quote-free there). */
function readCodes(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.slice(0, l.indexOf(',')));
}

export function runValidation(dir: string): { rows: number; issues: number; wallMs: number; cpuMs: number; rowsPerSecond: number } {
  const cpu0 = cpuUsage();
  const t0 = performance.now();
  const data = validateDataset(dir);
  const wallMs = performance.now() - t0;
  const cpu = cpuUsage(cpu0);
  const rows = Object.values(data.tables).reduce((n, r) => n + r.length, 0);
  return {
    rows,
    issues: data.issues.length,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    rowsPerSecond: Math.round(rows / (wallMs / 1000)),
  };
}

if (import.meta.main) {
  const [command, dir, flag] = process.argv.slice(2);
  if (!dir || (command !== 'make' && command !== 'run')) {
    console.error('usage: validate-scale.ts make DIR [--broken] | run DIR');
    process.exit(2);
  }
  if (command === 'make') console.log(makeIssueCase(dir, join(import.meta.dirname, '../../data'), flag === '--broken'));
  else console.log(runValidation(dir));
}
