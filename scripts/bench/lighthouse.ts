/**
 * npm run bench:lighthouse [-- --dist dist] [--runs 1]
 * Lighthouse (mobile settings: emulated mid-range phone, slow 4G, 4× CPU slowdown) with Debian's
 * Chromium, on the home page, a province page and an indicator page of a built dist/ (run
 * `npm run build` first). Prints the four category scores, LCP, TBT and CLS, and the audits below
 * full marks with their weight (weight 0: a diagnostic, no point lost); writes
 * bench/out/lighthouse.json. Not part of the tests: scores depend on the machine. With --runs N each
 * page is measured N times and the median performance run is kept (Lighthouse's advice for variance).
 *
 * The server is the e2e one (scripts/lib/serve.ts) behind a gzip layer, as static hosts compress text;
 * `--plain` measures it without. It sends no cache headers, unlike a real host, so audits about
 * caching and compression measure the test server, not the site; they are labelled.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from '../lib/serve.ts';
import { CHROMIUM_ARGS } from '../lib/browser.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '1' },
    plain: { type: 'boolean', default: false },
  },
});
const dist = resolve(values.dist);
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html: run \`npm run build\` first.`);
// The first indicator in name order (a page every dataset has), unless the usual one exists.
const indicators = readdirSync(join(dist, 'indicators'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const indicator = indicators.includes('dti') ? 'dti' : indicators[0];
const PAGES: Record<string, string> = { home: '/', province: '/provinces/01/', indicator: `/indicators/${indicator}/` };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Audits that judge the server rather than the pages (the e2e server sends neither). */
const SERVER_AUDITS = new Set(['uses-text-compression', 'uses-long-cache-ttl', 'cache-insight', 'document-latency-insight']);

interface PageResult {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /**
   * Audits below full marks, per category, heaviest first: id, title, score, Lighthouse's own figure,
   * and the audit's weight in the category score (0: a diagnostic that costs no point).
   */
  lost: Record<string, { id: string; title: string; score: number | null; display: string; weight: number; server: boolean }[]>;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function summarise(path: string, lhr: Lhr): PageResult {
  const { categories, audits } = lhr;
  const scores = Object.fromEntries(
    CATEGORIES.map((k) => [k, categories[k]?.score == null ? null : Math.round(categories[k].score * 100)]),
  ) as PageResult['scores'];
  const lost: PageResult['lost'] = {};
  for (const k of CATEGORIES) {
    const refs = categories[k]?.auditRefs ?? [];
    lost[k] = refs
      .map((ref) => ({ ref, audit: audits[ref.id]! }))
      .filter(
        ({ audit }) =>
          audit && audit.score !== null && audit.score < 1 && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode),
      )
      .map(({ ref, audit }) => ({
        id: ref.id,
        title: audit.title,
        score: audit.score,
        display: audit.displayValue ?? '',
        server: SERVER_AUDITS.has(ref.id),
        weight: ref.weight,
      }))
      .sort((a, b) => b.weight - a.weight);
  }
  const num = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    path,
    scores,
    lcpMs: Math.round(num('largest-contentful-paint')),
    tbtMs: Math.round(num('total-blocking-time')),
    cls: Number(num('cumulative-layout-shift').toFixed(3)),
    fcpMs: Math.round(num('first-contentful-paint')),
    lost,
  };
}

/** A gzip layer in front of `upstream` for text responses, as a static host serves them. */
async function gzipProxy(upstream: string): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy = createServer((req, res) => {
    get(`${upstream}${req.url ?? '/'}`, (up) => {
      const type = up.headers['content-type'] ?? 'application/octet-stream';
      const gzip =
        /^(text\/|application\/(javascript|json|xml|ld\+json|atom\+xml)|image\/svg)/.test(type) &&
        /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(up.statusCode ?? 502, {
        'content-type': type,
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      (gzip ? up.pipe(createGzip()) : up).pipe(res);
    }).on('error', () => res.writeHead(502).end());
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => proxy.close(() => ok())) };
}

const files = await serveDist(dist);
const server = values.plain ? files : await gzipProxy(files.url);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
const results: Record<string, PageResult> = {};
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const runs: PageResult[] = [];
    for (let r = 0; r < Number(values.runs); r++) {
      const run = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${run.lhr.runtimeError.message}`);
      runs.push(summarise(path, run.lhr));
    }
    runs.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
    const result = runs[Math.floor(runs.length / 2)]!;
    results[name] = result;
    const s = result.scores;
    console.log(
      `${name} ${path}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; LCP ${result.lcpMs} ms, TBT ${result.tbtMs} ms, CLS ${result.cls}`,
    );
    for (const [category, audits] of Object.entries(result.lost)) {
      for (const a of audits)
        console.log(
          `  ${category}: ${a.id} (score ${a.score}, weight ${a.weight}) ${a.title}${a.display ? ` — ${a.display}` : ''}${a.server ? ' [test server]' : ''}`,
        );
    }
  }
} finally {
  await chrome.kill();
  if (server !== files) await server.close();
  await files.close();
}
const out = join(import.meta.dirname, '../../bench/out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, values.plain ? 'lighthouse-plain.json' : 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
