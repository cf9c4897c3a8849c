import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLES, columnsOf } from '../../../src/schemas/index.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('data dictionary', () => {
  it('data/README.md documents every column of every table, as generated from the schemas', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/generate-data-dictionary.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    for (const def of TABLES) for (const column of columnsOf(def)) expect(readme).toContain(`| \`${column}\` |`);
  });

  it('every code the validator can emit is documented', () => {
    const sources = ['src/schemas/cells.ts', 'src/lib/data/parse-csv.ts', 'src/lib/data/read-dataset.ts', 'src/lib/data/validate-relations.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const patterns = [/code: '([a-z-]+)'/g, /addCellIssue\(ctx, [a-z]+, '([a-z-]+)'/g, /report\('[a-z_]+', [a-z]+, [^,]+, '([a-z-]+)'/g];
    const codes = new Set(patterns.flatMap((re) => [...sources.matchAll(re)].map((m) => m[1]!)));
    const doc = readFileSync(join(ROOT, 'docs/validation-codes.md'), 'utf8');
    codes.delete('custom'); // zod's own issue kind, carrying our code in params
    const undocumented = [...codes].filter((c) => !doc.includes(`\`${c}\``));
    expect(undocumented).toEqual([]);
    expect(codes.size).toBeGreaterThan(30);
  });
});
