/**
 * How fast the validator parses and checks 1,000,000 observation rows (SYNTHETIC, in memory), per stage.
 * Goal: under 2 s on one core (frictionless-py reports about 50,000 rows/s; we aim for 10x).
 */
import { parseCsv } from '../../src/lib/data/parse-csv.ts';
import { validateRows } from '../../src/lib/data/validate-rows.ts';
import { columnsOf, observationsTable, type TableDef } from '../../src/schemas/index.ts';
import { prng } from './synthetic.ts';

export function bench1m(n = 1_000_000): { rows: number; parseMs: number; validateMs: number; totalMs: number; rowsPerSecond: number } {
  const rand = prng(1);
  const lines = [columnsOf(observationsTable).join(',')];
  for (let i = 0; i < n; i++) lines.push(`synthetic-${i % 20},province,${String(1 + (i % 96)).padStart(2, '0')},${2000 + (i % 26)},${(rand() * 100).toFixed(2)},synthetic-doc-${i % 50},2026-01-15,as_published,`);
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const t0 = performance.now();
  const parsed = parseCsv(bytes, 'observations.csv', columnsOf(observationsTable));
  const t1 = performance.now();
  const { rows } = validateRows(observationsTable as unknown as TableDef, parsed.records, parsed.header);
  const t2 = performance.now();
  if (rows.length !== n) throw new Error(`expected ${n} valid rows, got ${rows.length}`);
  return { rows: n, parseMs: Math.round(t1 - t0), validateMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), rowsPerSecond: Math.round(n / ((t2 - t0) / 1000)) };
}

if (import.meta.main) console.log(bench1m(Number(process.argv[2] ?? 1_000_000)));
