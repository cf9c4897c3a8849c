/**
 * Prints what the validator makes of a data tree, to compare two versions of the validator on the
 * same files: every issue (one JSON line each, in the report's order) and a SHA-256 of the typed rows
 * of each table. Never part of the tests (tests/unit/data/byte-path.test.ts compares the two parse paths).
 *   node scripts/bench/validate-compare.ts DIR > before.txt   (then again after a change; diff the two)
 *   node scripts/bench/validate-compare.ts DIR CACHE_DIR       (through the validated store in CACHE_DIR: a warm check)
 */
import { createHash } from 'node:crypto';
import { validateDataset } from '../../src/lib/data/validate-dataset.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: validate-compare.ts DIR');
  process.exit(2);
}
const cacheDir = process.argv[3] ?? null;
const data = validateDataset(dir, { cacheDir });
const out: string[] = data.issues.map((i) => JSON.stringify(i));
for (const [name, rows] of Object.entries(data.tables)) {
  const hash = createHash('sha256');
  const lines = data.lines[name as keyof typeof data.lines];
  for (let i = 0; i < rows.length; i++) hash.update(`${lines[i]}\t${JSON.stringify(rows[i])}\n`);
  out.push(`${name}: ${rows.length} rows, ${data.rawKeys[name as keyof typeof data.rawKeys].size} raw keys, sha256 ${hash.digest('hex')}`);
}
process.stdout.write(`${out.join('\n')}\n`);
