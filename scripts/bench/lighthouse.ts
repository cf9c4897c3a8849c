/**
 * npm run bench:lighthouse [-- --dist dist]
 * Lighthouse (mobile settings: emulated mid-range phone, slow 4G, 4× CPU slowdown) with Debian's
 * Chromium, on the home page, a province page and an indicator page of a built dist/. Prints the four
 * category scores and LCP, TBT and CLS, and writes bench/out/lighthouse.json. Not part of the tests:
 * scores depend on the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from '../../tests/e2e/serve.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
const PAGES = { home: '/', province: '/provinces/79/', indicator: '/indicators/dti/' };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const server = await serveDist(resolve(values.dist));
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
const results: Record<string, Record<string, number | null>> = {};
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const run = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories, audits } = run.lhr;
    const score = (k: string) => (categories[k]?.score === null || categories[k]?.score === undefined ? null : Math.round(categories[k]!.score! * 100));
    results[name] = {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
      cls: Number((audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    };
    const lost = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual').map((a) => `${a.id} (${a.score})`);
    console.log(name, path, results[name], lost.length ? `below 1: ${lost.join(', ')}` : '');
  }
} finally {
  await chrome.kill();
  await server.close();
}
const out = join(import.meta.dirname, '../../bench/out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
