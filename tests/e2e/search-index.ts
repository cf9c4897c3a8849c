/**
 * The built site's search index against the one `pagefind --site` makes of its pages as they are
 * (src/lib/search/build-index.ts claims they are the same, file for file).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The files of `<site>/pagefind/` that differ from Pagefind's own index of the site (missing, extra or other bytes). */
export function differencesFromPagefind(site: string): string[] {
  const out = mkdtempSync(join(tmpdir(), 'nq57-pagefind-cli-'));
  try {
    // Pagefind reads the site's pages; its own index folder there holds no .html.
    execFileSync(join(root, 'node_modules/.bin/pagefind'), ['--site', site, '--output-path', out], { cwd: root, stdio: 'pipe' });
    const ours = join(site, 'pagefind');
    const expected = new Set(filesUnder(out));
    const actual = new Set(filesUnder(ours));
    return [...new Set([...expected, ...actual])]
      .sort()
      .filter((f) => !expected.has(f) || !actual.has(f) || !readFileSync(join(out, f)).equals(readFileSync(join(ours, f))));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
