/**
 * Prints the number of non-null assertions (`x!`) in src/, counted by ESLint's
 * @typescript-eslint/no-non-null-assertion over .ts and .astro files (issue #12 follows it down).
 * Usage: npm run count:non-null [-- --by-file] [-- DIR ...]   (default DIR: src)
 */
import { relative } from 'node:path';
import { ESLint } from 'eslint';

const RULE = '@typescript-eslint/no-non-null-assertion';
const args = process.argv.slice(2);
const byFile = args.includes('--by-file');
const dirs = args.filter((a) => !a.startsWith('--'));

const eslint = new ESLint({ overrideConfig: { rules: { [RULE]: 'warn' } } });
const results = await eslint.lintFiles(dirs.length > 0 ? dirs : ['src']);
let total = 0;
const rows: [string, number][] = [];
for (const r of results) {
  const n = r.messages.filter((m) => m.ruleId === RULE).length;
  total += n;
  if (n > 0) rows.push([relative(process.cwd(), r.filePath), n]);
}
if (byFile) for (const [file, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${file}`);
console.log(`${total} non-null assertions in ${rows.length} files`);
