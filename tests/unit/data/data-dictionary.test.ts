import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, isCode } from '../../../src/lib/data/codes.ts';
import { buildValidationCodesMarkdown } from '../../../src/lib/data/codes-doc.ts';
import { TABLES, columnsOf } from '../../../src/schemas/index.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('data dictionary', () => {
  it('data/README.md documents every column of every table, as generated from the schemas', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/generate-data-dictionary.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const readme = readFileSync(join(ROOT, 'data/README.md'), 'utf8');
    for (const def of TABLES) for (const column of columnsOf(def)) expect(readme).toContain(`| \`${column}\` |`);
  });

  it('every code the validator can emit is in the catalogue, and every catalogued code is emitted somewhere', () => {
    const files = [
      'src/schemas/cells.ts',
      'src/schemas/text-checks.ts',
      'src/lib/data/parse-csv.ts',
      'src/lib/data/read-dataset.ts',
      'src/lib/data/validate-relations.ts',
      'src/lib/data/validate-figures.ts',
      'src/lib/data/validate-merges.ts',
      'src/lib/data/validate-tasks.ts',
      'src/lib/data/validate-published.ts',
      'src/lib/data/validate-releases.ts',
      'src/lib/release/releases.ts',
      'src/lib/release/corrections.ts',
    ];
    const sources = files.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    const patterns = [
      /code: '([a-z-]+)'/g,
      /addCellIssue\(ctx, [a-z]+, '([a-z-]+)'/g,
      /report\('[a-z_]+', [a-z]+, [^,]+, '([a-z-]+)'/g,
      /\[code: '([a-z-]+)'/g,
    ];
    const codes = new Set(patterns.flatMap((re) => [...sources.matchAll(re)].map((m) => m[1]!)));
    codes.delete('custom'); // zod's own issue kind, carrying our code in params
    expect([...codes].filter((c) => !isCode(c))).toEqual([]);
    // The other way, any quoted mention counts (a code can be chosen in a ternary or passed on).
    const quoted = new Set([...sources.matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)].map((m) => m[1]!));
    const live = (Object.entries(CODES) as [string, { retired?: string }][]).filter(([, info]) => !info.retired).map(([c]) => c);
    expect(live.filter((c) => !quoted.has(c))).toEqual([]);
    // A retired code is never reported again (nor reused).
    const retired = Object.keys(CODES).filter((c) => !live.includes(c));
    expect(retired.filter((c) => codes.has(c))).toEqual([]);
  });

  it('docs/validation-codes.md is generated from the catalogue and lists every code once', () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/generate-validation-codes.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const doc = readFileSync(join(ROOT, 'docs/validation-codes.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z-]+)`/gm)].map((m) => m[1]!);
    expect(rows.toSorted()).toEqual(Object.keys(CODES).toSorted());
  });

  it('the code tables of the document disagree with a changed catalogue entry', () => {
    const doc = buildValidationCodesMarkdown();
    expect(doc).toContain(`| \`bom\` | ${CODES.bom.title} | ${CODES.bom.hint} |`);
    expect(doc).toContain('| `done-without-date` *(warning)* |');
  });
});
