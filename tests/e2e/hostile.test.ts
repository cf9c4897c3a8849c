/**
 * The site built from tests/fixtures/hostile (values full of quotes, braces, "javascript:" as text,
 * RTL overrides, 5,000-character strings; see scripts/make-hostile-fixture.ts) shows them literally
 * and runs none of them: pages, JSON-LD, feeds, search results; downloads keep the bytes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDist } from '../../scripts/lib/serve.ts';
import { differencesFromPagefind } from './search-index.ts';

const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/hostile');
const bin = join(root, 'node_modules/.bin');
let dist: string;
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'nq57-hostile-'));
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PORTAL_DATA_DIR: fixture, ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync(join(bin, 'astro'), ['build', '--outDir', dist], { cwd: root, env, stdio: 'pipe' });
  // The search index as `npm run build` makes it (pages emptied of their ignored content: src/lib/search).
  execFileSync(join(bin, 'node'), ['scripts/build-search-index.ts', '--site', dist], {
    cwd: root,
    env: { ...env, PORTAL_CACHE_DIR: 'off' },
    stdio: 'pipe',
  });
  server = await serveDist(dist);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'pagefind' || e.name === '_astro'
        ? []
        : htmlFiles(join(dir, e.name))
      : e.name.endsWith('.html')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('a site built from hostile data', () => {
  it('has no script, event handler or javascript: link that came from the data', () => {
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attrs = '', body = ''] = m;
        // Data blocks (JSON-LD, chart specs) hold the values but are never executed: they must parse
        // as JSON, so no value closed the tag early.
        if (/type="application\/(ld\+)?json"/.test(attrs)) expect(() => JSON.parse(body), file).not.toThrow();
        else expect(body.includes('__xss'), `${file}: ${body.slice(0, 80)}`).toBe(false);
      }
      expect(html, file).not.toMatch(/\son\w+="[^"]*__xss/);
      expect(html, file).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('shows every value literally and keeps the markup intact in Chromium, with nothing executed', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const path of [
      '/',
      '/en/',
      '/tasks/',
      '/tasks/t-databases/',
      '/en/tasks/t-centres/',
      '/documents/57-nq-tw/',
      '/indicators/dti/',
      '/provinces/96/',
      '/communes/00004/',
      '/data/',
      '/data/tasks/',
    ]) {
      await page.goto(server.url + path);
      await page.mouse.move(200, 300);
      await page.mouse.move(400, 600);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
      expect(await page.locator('main h1').count(), path).toBe(1);
      expect(await page.locator('footer').count(), path).toBe(1);
    }
    await page.goto(`${server.url}/tasks/t-databases/`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('${window.__xss=1}');
    expect(text).toContain('{{constructor.constructor(');
    expect(text).toContain('" onmouseover="window.__xss=1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a commune page lists the latest value of each indicator, and a series of gaps as a gap', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/communes/00004/`);
    const rows = await page
      .locator('#figures + .table-scroll tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())));
    // online-share: 2024-Q3 = 40 then a gap in 2024-Q4; dti: one gap (fixture rows from make-hostile-fixture.ts).
    expect(rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['2024', 'không có số liệu', '1 (2024)'],
      ['Quý 3/2024', '40,00%', '2 (Quý 3/2024 – Quý 4/2024)'],
    ]);
    expect(await page.locator('main').textContent()).toContain('Cả 3 số liệu của Phường Ba Đình');
    // Its two citations files are linked once, under the table (not in each row), and are in the build.
    const files = await page.locator('main a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(files).toEqual(['/communes/00004/cite/figures.bib', '/communes/00004/cite/figures.csl.json']);
    for (const f of files) expect(existsSync(join(dist, f!)), f!).toBe(true);
    await page.close();
  });

  it('has the search index Pagefind makes of its pages as they are', () => {
    expect(differencesFromPagefind(dist)).toEqual([]);
  }, 120_000);

  it('search results render hostile text as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('onmouseover')}`);
    await page.waitForFunction(
      () => {
        const first = document.querySelector('.pagefind-ui__result-title');
        return first !== null && !/^[.\s]*$/.test(first.textContent ?? '');
      },
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator('.pagefind-ui__results [onmouseover]').count()).toBe(0);
    await page.close();
  });

  it('feeds parse as XML and downloads keep the values unchanged', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const atom = readFileSync(join(dist, 'data/releases.atom'), 'utf8');
    const parseError = await page.evaluate(
      (xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? null,
      atom,
    );
    expect(parseError).toBeNull();
    expect(readFileSync(join(dist, 'data/latest/tasks.csv'))).toEqual(readFileSync(join(fixture, 'tasks.csv')));
    const json = JSON.parse(readFileSync(join(dist, 'data/latest/tasks.json'), 'utf8')) as { id: string; owner: string }[];
    const csvOwner = readFileSync(join(fixture, 'tasks.csv'), 'utf8');
    for (const row of json) expect(csvOwner.includes(row.owner.replace(/"/g, '""')) || csvOwner.includes(row.owner), row.id).toBe(true);
    await page.close();
  });
});
