/**
 * How fast the validator parses and checks 1,000,000 observation rows (SYNTHETIC, in memory), on one
 * core, through the same function as `npm run validate:data` (readTable: parse and cell checks in
 * one pass). Goal: under 2 s (frictionless-py reports about 50,000 rows/s; we aim for 10x).
 * `parseMs` is the parse alone (records dropped as read), for the profile; `totalMs` is the measure.
 */
import { parseCsv } from '../../src/lib/data/parse-csv.ts';
import { readTable } from '../../src/lib/data/read-dataset.ts';
import { columnsOf, observationsTable } from '../../src/schemas/index.ts';
import { prng } from './synthetic.ts';

export function bench1m(n = 1_000_000): { rows: number; parseMs: number; totalMs: number; rowsPerSecond: number } {
  const rand = prng(1);
  const lines = [columnsOf(observationsTable).join(',')];
  for (let i = 0; i < n; i++)
    lines.push(
      `synthetic-${i % 20},province,${String(1 + (i % 96)).padStart(2, '0')},${2000 + (i % 26)},${(rand() * 100).toFixed(2)},synthetic-doc-${i % 50},2026-01-15,as_published,,,,`,
    );
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  lines.length = 0;
  // The measure runs first, on a cold JIT, as in the CLI.
  const t0 = performance.now();
  const { rows } = readTable(observationsTable, bytes);
  const t1 = performance.now();
  let records = 0;
  parseCsv(bytes, 'observations.csv', columnsOf(observationsTable), () => () => records++);
  const t2 = performance.now();
  if (records !== n || rows.length !== n) throw new Error(`expected ${n} records and valid rows, got ${records} and ${rows.length}`);
  return { rows: n, parseMs: Math.round(t2 - t1), totalMs: Math.round(t1 - t0), rowsPerSecond: Math.round(n / ((t1 - t0) / 1000)) };
}

if (import.meta.main) console.log(bench1m(Number(process.argv[2] ?? 1_000_000)));
