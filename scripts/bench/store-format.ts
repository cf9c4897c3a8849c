/**
 * node scripts/bench/store-format.ts DATA_DIR [--table observations]
 * How to keep a validated table in the store (src/lib/data/store.ts): measures, on a SYNTHETIC
 * table (make one with scripts/bench/synthetic.ts), the bytes, the time to encode and to decode,
 * and the memory the decoded rows hold, for two representations:
 *  - rows: v8.serialize of the row objects as they are (every cell serialized as written);
 *  - columnar: the store's encoding (numbers in a Float64Array, other values dictionary-coded).
 * `csv` is the table read and checked from its file, as without the store.
 * Each decode runs in a child process of its own (node --expose-gc), so its heap is its own.
 * Not a test: a measurement for docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { readTable } from '../../src/lib/data/read-dataset.ts';
import { decodeTable, encodeTable } from '../../src/lib/data/store.ts';
import { TABLES, type TableDef } from '../../src/schemas/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { table: { type: 'string', default: 'observations' }, decode: { type: 'string' }, kind: { type: 'string' } },
});

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const def = (TABLES as readonly TableDef[]).find((t) => t.name === values.table);
if (values.decode) {
  // Child: decode one file, report time and the memory the rows hold.
  gc();
  const before = process.memoryUsage();
  const bytes = readFileSync(values.decode);
  const t0 = performance.now();
  const rows =
    values.kind === 'csv'
      ? readTable(def!, new Uint8Array(bytes)).rows
      : values.kind === 'rows'
        ? (deserialize(bytes) as { rows: unknown[] }).rows
        : decodeTable(bytes).rows;
  const ms = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      decodeMs: Math.round(ms),
      rows: rows.length,
      heapMiB: mib(after.heapUsed - before.heapUsed),
      rssMiB: mib(after.rss),
    }),
  );
  process.exit(0);
}

const dir = positionals[0];
if (!dir) throw new Error('usage: node scripts/bench/store-format.ts DATA_DIR [--table NAME]');
if (!def) throw new Error(`no table ${values.table}`);
const t0 = performance.now();
const result = readTable(def, new Uint8Array(readFileSync(join(dir, def.file))));
console.log(`${def.file}: ${result.rows.length} rows read and checked in ${Math.round(performance.now() - t0)} ms`);
const out = mkdtempSync(join(tmpdir(), 'nq57-store-format-'));
const report: Record<string, unknown> = { rows: result.rows.length, csvMiB: mib(statSync(join(dir, def.file)).size) };
for (const kind of ['rows', 'columnar'] as const) {
  const e0 = performance.now();
  const bytes =
    kind === 'rows'
      ? serialize({ rows: result.rows, lines: result.lines, issues: result.issues, records: result.records })
      : encodeTable(result, false);
  const encodeMs = Math.round(performance.now() - e0);
  const file = join(out, kind);
  writeFileSync(file, bytes);
  const child = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--decode', file, '--kind', kind, '--table', def.name], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  report[kind] = { MiB: mib(bytes.length), encodeMs, ...JSON.parse(child.stdout) };
  console.log(kind, report[kind]);
}
// The same table read and checked from its CSV, for comparison: the rows as the validator keeps them.
const csv = spawnSync(
  process.execPath,
  ['--expose-gc', import.meta.filename, '--decode', join(dir, def.file), '--kind', 'csv', '--table', def.name],
  {
    encoding: 'utf8',
  },
);
if (csv.status !== 0) throw new Error(csv.stderr);
report.csv = JSON.parse(csv.stdout);
console.log('csv', report.csv);
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify(report));
