/**
 * npm run check:budgets [-- --dist dist] [--json]
 * Page weight per kind of page, gzip-compressed: the HTML with the CSS it links ("critical"), and
 * the JavaScript it loads at once (module scripts, islands that hydrate on load, and their static
 * imports). Islands that wait (client:visible/idle) and dynamic imports are listed as lazy.
 * Fails when a page is above its budget (budgets.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PAGE_KINDS } from '../tests/e2e/pages.ts';

interface Budget {
  htmlCss: number;
  js: number;
  justification?: string;
}
const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, json: { type: 'boolean', default: false } } });
const dist = resolve(values.dist);
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, '../budgets.json'), 'utf8')) as {
  default: Budget;
  kinds: Record<string, Partial<Budget>>;
};
const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const read = (url: string) => readFileSync(join(dist, url.split('?')[0]!));

/** Static imports of a built module, followed transitively; dynamic imports are lazy. */
function moduleClosure(url: string, seen: Set<string>, lazy: Set<string>): void {
  if (seen.has(url) || !existsSync(join(dist, url))) return;
  seen.add(url);
  const code = read(url).toString('utf8');
  for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\sfrom\s*)?["'`]([^"'`]+\.js)["'`]/g))
    moduleClosure(new URL(m[1]!, `http://x${url}`).pathname, seen, lazy);
  for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)) lazy.add(new URL(m[1]!, `http://x${url}`).pathname);
}

const rows: { kind: string; path: string; htmlCss: number; js: number; lazy: number; budget: Budget; ok: boolean }[] = [];
for (const [kind, path] of Object.entries(PAGE_KINDS)) {
  for (const prefix of ['', '/en']) {
    const pagePath = `${prefix}${path.split('?')[0]}`;
    const file = join(dist, pagePath, 'index.html');
    const html = readFileSync(file, 'utf8');
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    const eager = new Set<string>();
    const lazy = new Set<string>();
    for (const s of scripts) moduleClosure(s, eager, lazy);
    for (const m of html.matchAll(/<astro-island[^>]*>/g)) {
      const tag = m[0];
      const urls = [...tag.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((x) => x[1]!);
      const onLoad = /client="(only|load)"/.test(tag);
      for (const u of urls) onLoad ? moduleClosure(u, eager, lazy) : lazy.add(u);
    }
    for (const u of eager) lazy.delete(u);
    const htmlCss = gz(Buffer.concat([Buffer.from(html), ...css.map(read)]));
    const js = [...eager].reduce((n, u) => n + gz(read(u)), 0);
    const lazyJs = [...lazy].filter((u) => existsSync(join(dist, u))).reduce((n, u) => n + gz(read(u)), 0);
    const budget = { ...budgets.default, ...(budgets.kinds[kind] ?? {}) } as Budget;
    rows.push({ kind, path: pagePath, htmlCss, js, lazy: lazyJs, budget, ok: htmlCss <= budget.htmlCss && js <= budget.js });
  }
}
if (values.json) console.log(JSON.stringify(rows, null, 2));
else {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log('| page | HTML+CSS gz | budget | JS gz (on load) | budget | lazy JS gz | |\n|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows)
    console.log(
      `| ${r.path} | ${kb(r.htmlCss)} | ${kb(r.budget.htmlCss)} | ${kb(r.js)} | ${kb(r.budget.js)} | ${kb(r.lazy)} | ${r.ok ? 'ok' : '**over budget**'} |`,
    );
}
const over = rows.filter((r) => !r.ok);
if (over.length > 0) {
  console.error(`${over.length} page(s) over budget: ${over.map((r) => r.path).join(', ')}`);
  process.exit(1);
}
