/**
 * The comparison page as a reader uses it, in a real Chromium: choosing provinces by keyboard and
 * mouse, the choice in the address (?p=), the published figures in the table, a reload, the limit of
 * five, the English page, and the links the page offers with JavaScript off.
 * Expected figures are the published ones in data/observations.csv (DTI 2024, dti-gov-vn-xep-hang-2024).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(javaScriptEnabled = true, width = 1280): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  return context.newPage();
}

async function ready(page: Page) {
  await page.locator('.compare-tool[data-compare-state="ready"]').waitFor();
}

const choice = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const status = (page: Page) => page.locator('.compare-status[role="status"]');
const params = (page: Page) => new URL(page.url()).searchParams.get('p');
const headers = (page: Page) => page.locator('[data-compare-table="indicators"] thead th[data-code]').allTextContents();

/** The cells of the indicator row whose heading contains `indicator` and whose period is `period`. */
async function rowText(page: Page, indicator: string, period: string): Promise<string[]> {
  const row = page
    .locator('[data-compare-table="indicators"] tbody tr')
    .filter({ has: page.locator('th[scope="row"]', { hasText: indicator }) })
    .filter({ has: page.locator('td', { hasText: new RegExp(`^${period}$`) }) });
  expect(await row.count()).toBe(1);
  return row.locator('td').allTextContents();
}

describe('comparison page (vi)', () => {
  it('choose three provinces, the address and the table follow, a reload restores them', async () => {
    const page = await newPage();
    await page.goto(`${base}/compare/`);
    await ready(page);
    expect(await status(page).textContent()).toContain('Chưa chọn đơn vị nào');
    expect(await page.locator('[data-compare-table]').count()).toBe(0);

    // One by keyboard (focus, Space), one by clicking the box, one by clicking its label.
    await choice(page, 'Hà Nội').focus();
    await page.keyboard.press('Space');
    await choice(page, 'Hồ Chí Minh').click();
    await page.getByText('Đà Nẵng', { exact: true }).click(); // the label, not the box
    expect(params(page)).toBe('01,79,48');
    expect(await status(page).textContent()).toBe('Đã chọn 3 đơn vị: Hà Nội, Hồ Chí Minh, Đà Nẵng.');
    expect(await headers(page)).toEqual(['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng']);

    // DTI 2024 as published: value and rank among the 34 provinces, in the order chosen.
    const expected = [
      ['0,8241', 'hạng 1/34'],
      ['0,7770', 'hạng 4/34'],
      ['0,7069', 'hạng 17/34'],
    ];
    const cells = await rowText(page, 'Chỉ số chuyển đổi số cấp tỉnh (DTI)', '2024');
    expect(cells[0]).toBe('2024');
    expected.forEach(([value, rank], i) => {
      expect(cells[i + 1]).toContain(value);
      expect(cells[i + 1]).toContain(rank);
    });
    // Every figure has a numbered source note that leads to a listed source.
    const note = page.locator('[data-compare-table="indicators"] .compare-note').first();
    const target = (await note.getAttribute('href')) ?? '';
    expect(await page.locator(`${target} a`).count()).toBe(1);

    await page.reload();
    await ready(page);
    expect(params(page)).toBe('01,79,48');
    expect(await headers(page)).toEqual(['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng']);
    expect(await choice(page, 'Hà Nội').isChecked()).toBe(true);

    // Clearing one removes it from the address and the table.
    await choice(page, 'Hồ Chí Minh').click();
    expect(params(page)).toBe('01,48');
    expect(await headers(page)).toEqual(['Hà Nội', 'Đà Nẵng']);
    await page.context().close();
  });

  it('refuses a sixth choice and says why', async () => {
    const page = await newPage();
    await page.goto(`${base}/compare/?p=01,79,48`);
    await ready(page);
    await choice(page, 'Cà Mau').click();
    expect(await status(page).textContent()).not.toContain('Đã chọn đủ');
    await choice(page, 'Cần Thơ').click();
    expect(params(page)).toBe('01,79,48,96,92');
    expect(await status(page).textContent()).toContain('Đã chọn đủ 5 đơn vị');

    const sixth = choice(page, 'Hải Phòng');
    expect(await sixth.isDisabled()).toBe(true);
    await sixth.click({ force: true });
    expect(await sixth.isChecked()).toBe(false);
    expect(params(page)).toBe('01,79,48,96,92');
    expect(await headers(page)).toHaveLength(5);

    // An address with six codes keeps the first five.
    await page.goto(`${base}/compare/?p=01,79,48,96,92,31`);
    await ready(page);
    expect(await headers(page)).toEqual(['Hà Nội', 'Hồ Chí Minh', 'Đà Nẵng', 'Cà Mau', 'Cần Thơ']);
    await page.context().close();
  });
});

describe('comparison page on a 375 px phone', () => {
  for (const path of ['/compare/?p=01,79,48,96,92', '/en/compare/?level=former&p=01,79,48']) {
    it(`${path}: the tables scroll inside their regions, the page does not scroll sideways`, async () => {
      const page = await newPage(true, 375);
      await page.goto(`${base}${path}`);
      await ready(page);
      const table = page.locator('[data-compare-table="indicators"]');
      expect((await table.boundingBox())?.width).toBeGreaterThan(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.context().close();
    });
  }
});

describe('choosing former provinces on a 375 px phone', () => {
  it('lists the 63 by name in a box that scrolls, keeps the choice in view, the address and a reload follow', async () => {
    const page = await newPage(true, 375);
    await page.goto(`${base}/compare/`);
    await ready(page);
    await page.getByRole('radio', { name: /63 tỉnh cũ/ }).check();
    expect(new URL(page.url()).searchParams.get('level')).toBe('former');
    const names = await page.locator('.compare-areas label').allTextContents();
    expect(names).toHaveLength(63);
    const trimmed = names.map((n) => n.trim());
    expect(trimmed).toEqual([...trimmed].sort(new Intl.Collator('vi', { sensitivity: 'base' }).compare));

    // The list is a box of its own: the table starts within about two screens, not below 63 rows.
    const box = await page.locator('.compare-areas').boundingBox();
    expect(box?.height).toBeLessThan(320);
    // It scrolls down, never sideways.
    expect(
      await page.locator('.compare-areas').evaluate((ul) => [ul.scrollWidth <= ul.clientWidth, ul.scrollHeight > ul.clientHeight]),
    ).toEqual([true, true]);
    await choice(page, 'Hà Giang').click();
    await choice(page, 'Yên Bái').click(); // near the end of the box: scrolled to, inside it
    expect(params(page)).toBe('02,15');
    expect(await status(page).textContent()).toBe('Đã chọn 2 đơn vị: Hà Giang, Yên Bái.');
    const heading = await page.locator('#compare-indicators').boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect((heading?.y ?? Infinity) + scrolled).toBeLessThan(1400);
    expect(await headers(page)).toEqual(['Hà Giang', 'Yên Bái']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The choice shows above the list as buttons that undo it in one tap, at least 24 px tall (WCAG 2.5.8).
    const remove = page.getByRole('button', { name: 'Bỏ chọn Hà Giang' });
    expect((await remove.boundingBox())?.height).toBeGreaterThanOrEqual(24);
    await remove.click();
    expect(params(page)).toBe('15');
    expect(await choice(page, 'Hà Giang').isChecked()).toBe(false);

    await page.reload();
    await ready(page);
    expect(await page.getByRole('radio', { name: /63 tỉnh cũ/ }).isChecked()).toBe(true);
    expect(await headers(page)).toEqual(['Yên Bái']);
    await page.context().close();
  });
});

describe('comparison page (en)', () => {
  it('chooses, shows the English figures and keeps the choice in the address', async () => {
    const page = await newPage();
    await page.goto(`${base}/en/compare/`);
    await ready(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await status(page).textContent()).toContain('None chosen yet');
    await choice(page, 'Hà Nội').click();
    await choice(page, 'Hồ Chí Minh').click();
    expect(params(page)).toBe('01,79');
    expect(await status(page).textContent()).toBe('2 chosen: Hà Nội, Hồ Chí Minh.');
    const cells = await rowText(page, 'Provincial Digital Transformation Index (DTI)', '2024');
    expect(cells[1]).toContain('0.8241');
    expect(cells[1]).toContain('1 of 34');
    expect(cells[2]).toContain('0.7770');
    expect(cells[2]).toContain('4 of 34');
    expect(await page.locator('[data-compare-table="indicators"] thead th[data-code="01"] a').getAttribute('href')).toBe(
      '/en/provinces/01/',
    );
    await page.context().close();
  });
});

describe('comparison page without JavaScript', () => {
  for (const [prefix, note, downloads] of [
    ['', 'Công cụ so sánh cần JavaScript', 'Tải toàn bộ dữ liệu'],
    ['/en', 'JavaScript', 'Download all the data'],
  ] as const) {
    it(`${prefix || '/'}: links to every province page, the former provinces and the downloads`, async () => {
      const page = await newPage(false);
      await page.goto(`${base}${prefix}/compare/?p=01,79,48`);
      expect(await page.locator('.compare .notice').textContent()).toContain(note);
      expect(await page.locator('[data-compare-table]').count()).toBe(0);
      const provinces = await page.locator('.compare ul.columns a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(provinces).toHaveLength(34);
      expect(provinces).toContain(`${prefix}/provinces/01/`);
      expect(provinces.every((h) => h?.startsWith(`${prefix}/provinces/`))).toBe(true);
      expect(await page.locator(`.compare a[href="${prefix}/former-provinces/"]`).count()).toBe(1);
      const dl = page.getByRole('link', { name: downloads });
      expect(await dl.getAttribute('href')).toBe(`${prefix}/data/`);
      // The links lead somewhere: the first province page is served.
      const response = await page.goto(`${base}${provinces[0]}`);
      expect(response?.status()).toBe(200);
      await page.context().close();
    });
  }
});
