/**
 * Charts in a real Chromium: the SVG is in the page with JavaScript off; with it, the island shows
 * the value of a mark on hover and on keyboard focus, switches the indicator into the URL
 * (permalink), and downloads a CSV holding exactly the plotted values, and a PNG and an SVG.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return page;
}

async function hydrated(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${selector}[data-hydrated="true"]`);
}

/** The table twin's rows: [name, value] as the page shows them. */
async function twin(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} [data-chart-table] tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
}

const toNumber = (shown: string) => Number(shown.replace(/\./g, '').replace(',', '.').replace('%', ''));

describe('charts without JavaScript', () => {
  it('render as SVG with a text alternative, the table twin and the source', async () => {
    const page = await open('/indicators/dti/', { javaScriptEnabled: false });
    const svg = page.locator('#chart-ranking svg[role="img"]');
    expect(await svg.count()).toBe(1);
    expect(await svg.locator('title').textContent()).toContain('2024');
    expect((await svg.locator('desc').textContent())!.length).toBeGreaterThan(20);
    expect(await svg.locator('.mark').count()).toBe(34);
    expect(await page.locator('#chart-ranking [data-chart-table] tbody tr').count()).toBe(34);
    expect(await page.locator('#chart-ranking .chart-caption a').count()).toBeGreaterThan(0);
    // Every kind of chart is in the static HTML.
    for (const [path, id] of [
      ['/indicators/dti/', '#chart-tilegrid'],
      ['/provinces/79/', '#chart-history'],
      ['/provinces/96/', '#chart-timeline'],
      ['/maps/', '#chart-map'],
      ['/maps/', '#chart-former-map'],
    ]) {
      await page.goto(`${base}${path}`);
      expect(await page.locator(`${id} svg[role="img"] .mark`).count(), `${path} ${id}`).toBeGreaterThan(0);
    }
    await page.context().close();
  });
});

describe('the chart island', () => {
  it('shows the value of a mark on hover and on keyboard focus', async () => {
    const page = await open('/indicators/dti/');
    await hydrated(page, '#chart-ranking');
    const rows = await twin(page, '#chart-ranking');
    const tip = page.locator('#chart-ranking .chart-tip');
    await page.locator('#chart-ranking .mark[data-i="2"]').hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain(`${rows[2]![1]}: ${rows[2]![2]}`);
    // Keyboard: focus the chart, arrows move from mark to mark.
    await page.locator('#chart-ranking svg').focus();
    expect(await tip.textContent()).toContain(`${rows[0]![1]}: ${rows[0]![2]}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await tip.textContent()).toContain(`${rows[3]![1]}: ${rows[3]![2]}`);
    expect(await page.locator('#chart-ranking .mark.active').getAttribute('data-i')).toBe('3');
    await page.keyboard.press('End');
    expect(await tip.textContent()).toContain(`${rows[33]![1]}: ${rows[33]![2]}`);
    await page.context().close();
  });

  it('downloads a CSV of exactly the plotted values, with source and licence', async () => {
    const page = await open('/indicators/dti/');
    await hydrated(page, '#chart-ranking');
    const shown = await page.locator('#chart-ranking svg .mark text:last-of-type').allTextContents();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).first().click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const data = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, comments: '#' }).data;
    expect(data.map((r) => Number(r.value))).toEqual(shown.map(toNumber));
    expect(data.every((r) => r.indicator_id === 'dti' && r.period === '2024' && r.source !== '')).toBe(true);
    expect(text).toMatch(/^# Licence \/ Giấy phép: CC BY 4\.0/m);
    expect(download.suggestedFilename()).toBe('ranking-dti-2024.csv');
    await page.context().close();
  });

  it('downloads the chart as PNG and as SVG with its sources', async () => {
    const page = await open('/provinces/79/');
    await hydrated(page, '#chart-history');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-history').getByRole('button', { name: 'Tải PNG' }).click(),
    ]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-history').getByRole('button', { name: 'Tải SVG' }).click(),
    ]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Giấy phép: CC BY 4.0');
    await page.context().close();
  });

  it('switches the indicator, puts it in the URL, and the permalink restores it', async () => {
    const page = await open('/indicators/dti/');
    await hydrated(page, '#chart-ranking');
    const select = page.locator('#chart-ranking .chart-controls select').first();
    await select.selectOption('dti-ha-tang-so');
    await page.waitForFunction(() => document.querySelector('#chart-ranking svg title')?.textContent?.includes('Hạ tầng số'));
    expect(new URL(page.url()).searchParams.get('indicator')).toBe('dti-ha-tang-so');
    const permalink = await page.locator('#chart-ranking [data-permalink]').getAttribute('href');
    const page2 = await open(permalink!.startsWith('/') ? permalink! : `/indicators/dti/${permalink}`);
    await hydrated(page2, '#chart-ranking');
    expect(await page2.locator('#chart-ranking svg title').textContent()).toContain('Hạ tầng số');
    // The table twin follows the chart.
    const rows = await twin(page2, '#chart-ranking');
    expect(await page2.locator('#chart-ranking svg .mark[data-i="0"] text').first().textContent()).toContain(rows[0]![1]);
    await page.context().close();
    await page2.context().close();
  });

  it('switches the year of a map, fetching the periods the page did not ship', async () => {
    const page = await open('/maps/');
    await hydrated(page, '#chart-former-map');
    const before = await twin(page, '#chart-former-map');
    await page.locator('#chart-former-map .chart-controls select').last().selectOption('2022');
    await page.waitForFunction(() => document.querySelector('#chart-former-map svg title')?.textContent?.includes('2022'));
    const after = await twin(page, '#chart-former-map');
    expect(after).toHaveLength(63);
    expect(after.map((r) => r[2])).not.toEqual(before.map((r) => r[2]));
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    await page.context().close();
  });

  it('has an embed page with the chart alone and a link back', async () => {
    const page = await open('/en/embed/map/dti/');
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.locator('#chart-map svg .mark').count()).toBe(34);
    expect(await page.locator('main a[href$="/en/"]').count()).toBe(1);
    expect(await page.locator('#chart-map svg').textContent()).toContain('Trường Sa');
    await page.context().close();
  });
});
