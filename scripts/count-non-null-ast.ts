/**
 * Counts non-null assertions (`x!`) in the TypeScript of src/: .ts files and the frontmatter of .astro
 * files, parsed with the TypeScript compiler (a regular expression cannot tell `x!` from `x !== y`).
 *
 *   node scripts/count-non-null-ast.ts [DIR] [--by-file]
 *
 * Prints the total, and with --by-file one line per file that has any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Number of NonNullExpression nodes in one piece of TypeScript. */
export function countNonNull(source: string, fileName = 'file.ts'): number {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.NonNullExpression) count += 1;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return count;
}

/** The frontmatter of an .astro file: the TypeScript between the opening and closing `---` lines. */
export function astroFrontmatter(source: string): string {
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match?.[1] ?? '';
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (/\.(ts|astro)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith('--')) ?? 'src';
  let total = 0;
  const byFile: [string, number][] = [];
  for (const path of walk(root)) {
    const text = readFileSync(path, 'utf8');
    const n = path.endsWith('.astro') ? countNonNull(astroFrontmatter(text), path) : countNonNull(text, path);
    total += n;
    if (n > 0) byFile.push([relative('.', path), n]);
  }
  if (args.includes('--by-file'))
    for (const [path, n] of byFile.sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)} ${path}`);
  console.log(`${total} non-null assertions in ${root}`);
}
