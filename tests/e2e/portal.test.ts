/**
 * The portal as a person uses it, in a real Chromium: navigation from the home page to a source
 * document, the language switch, search typed without diacritics, and pages with JavaScript off.
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

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  return context.newPage();
}

describe('navigation', () => {
  it('home → province → task → source document', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tỉnh, thành' }).click();
    await page.locator('main a[href="/provinces/96/"]').first().click();
    expect(await page.locator('h1').textContent()).toContain('Tỉnh Cà Mau');
    await page.locator('#tasks ~ .table-scroll a[href^="/tasks/"]').first().click();
    expect(page.url()).toContain('/tasks/camau-');
    await page.getByTestId('task-document').click();
    // Cà Mau assigned it while carrying out 9521/VPCP-KGVX: its document is the province's own direction.
    expect(page.url()).toContain('/documents/camau-trien-khai-9521-45-46-tb-tgv/');
    expect(await page.locator('h1').textContent()).toContain('9521/VPCP-KGVX');
    // The document page lists the task it assigns, closing the loop.
    expect(await page.locator('a[href="/tasks/camau-ttpvhcc-cap-xa/"]').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the language switch keeps the page', async () => {
    const page = await newPage();
    await page.goto(`${base}/provinces/48/`);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/en/provinces/48/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('link', { name: 'Tiếng Việt', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/provinces/48/');
    await page.context().close();
  });

  it('formats numbers and dates for the language', async () => {
    const page = await newPage();
    await page.goto(`${base}/provinces/01/`);
    const vi = await page.locator('main').textContent();
    expect(vi).toContain('0,8241');
    expect(vi).toContain('21/10/2025');
    await page.goto(`${base}/en/provinces/01/`);
    const en = await page.locator('main').textContent();
    expect(en).toContain('0.8241');
    expect(en).toContain('21 Oct 2025');
    await page.context().close();
  });
});

describe('search typed without diacritics', () => {
  const cases: [query: string, expected: string][] = [
    ['ca mau', 'Tỉnh Cà Mau'],
    ['dong thap', 'Tỉnh Đồng Tháp'],
    ['da nang', 'Thành phố Đà Nẵng'],
    ['dak lak', 'Tỉnh Đắk Lắk'],
  ];
  for (const lang of ['vi', 'en'] as const) {
    it.each(cases)(`${lang}: "%s" finds %s as the first result`, async (query, expected) => {
      const page = await newPage();
      await page.goto(`${base}${lang === 'vi' ? '' : '/en'}/search/?q=${encodeURIComponent(query)}`);
      const results = page.locator('.pagefind-ui__result-title');
      // The UI first draws placeholder titles (". . .") and fills them as result data arrives.
      await page.waitForFunction(
        () => {
          const first = document.querySelector('.pagefind-ui__result-title');
          return first !== null && !/^[.\s]*$/.test(first.textContent ?? '');
        },
        undefined,
        { timeout: 15_000 },
      );
      const titles = await results.allTextContents();
      // The result says what kind of thing it is.
      const provinceKind = lang === 'vi' ? 'Tỉnh, thành phố' : 'Province';
      expect(titles[0]).toBe(`${expected} · ${provinceKind}`);
      // Each language searches its own pages.
      const hrefs = await page
        .locator('.pagefind-ui__result-link')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      for (const href of hrefs) expect(href.startsWith('/en/')).toBe(lang === 'en');
      await page.context().close();
    });
  }
});

describe('without JavaScript', () => {
  it('a province page reads completely: names, values, sources, tasks', async () => {
    const page = await newPage({ javaScriptEnabled: false, width: 375 });
    await page.goto(`${base}/provinces/96/`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Tỉnh Cà Mau');
    expect(main).toContain('Bạc Liêu');
    expect(main).toContain('Bộ Khoa học và Công nghệ');
    expect(main).toContain('Trung tâm Phục vụ hành chính công cấp xã');
    expect(await page.locator('table').count()).toBeGreaterThan(1);
    await page.context().close();
  });

  it('the task tracker filters by status with plain links', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/tasks/`);
    const all = await page.locator('#task-table tbody tr').count();
    await page
      .getByRole('navigation', { name: 'Lọc theo tình trạng' })
      .getByRole('link', { name: /^Quá hạn/ })
      .click();
    expect(new URL(page.url()).pathname).toBe('/tasks/status/overdue_reported/');
    const statuses = await page.locator('#task-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.length).toBeLessThan(all);
    expect(new Set(statuses)).toEqual(new Set(['overdue_reported']));
    await page.context().close();
  });

  it('the task tracker filters by programme and by deadline with plain links, and an agency link opens its page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/en/tasks/`);
    expect(await page.locator('#task-filter form').count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Filter by programme' })
      .getByRole('link', { name: /^71\/NQ-CP \(/ })
      .click();
    expect(new URL(page.url()).pathname).toBe('/en/tasks/programme/nq71/');
    expect(await page.locator('#task-table tbody tr').count()).toBe(37);
    await page
      .getByRole('navigation', { name: 'Filter by deadline' })
      .getByRole('link', { name: /^Ongoing or yearly/ })
      .click();
    expect(new URL(page.url()).pathname).toBe('/en/tasks/due/recurring/');
    const deadlines = await page
      .locator('#task-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.deadline));
    expect(deadlines.length).toBeGreaterThan(0);
    expect(new Set(deadlines)).toEqual(new Set(['']));
    await page.locator('summary', { hasText: 'Filter by the body' }).click();
    await page.getByRole('link', { name: /^Ministry of Science and Technology \(/ }).click();
    expect(new URL(page.url()).pathname).toBe('/en/agencies/bo-khcn/');
    await page.context().close();
  });
});

describe('with JavaScript', () => {
  it('the task filter island filters the rendered table in place', async () => {
    const page = await newPage();
    await page.goto(`${base}/tasks/`);
    const select = page.getByTestId('filter-status');
    await select.waitFor();
    await select.selectOption('no_deadline');
    await page.waitForFunction(() => document.querySelectorAll('#task-table tbody tr[hidden]').length > 0);
    const visible = await page
      .locator('#task-table tbody tr:not([hidden])')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['no_deadline']));
    const before = await page.locator('#task-table tbody tr:not([hidden])').count();
    await page.getByTestId('filter-text').fill('tra vinh');
    await page.waitForFunction((n) => document.querySelectorAll('#task-table tbody tr:not([hidden])').length !== n, before);
    const count = await page.locator('#task-table tbody tr:not([hidden])').count();
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId('filter-count').textContent()).toContain(String(count));
    await page.context().close();
  });

  it('the task filter combines programme, deadline and agency', async () => {
    const page = await newPage();
    await page.goto(`${base}/tasks/`);
    const programme = page.getByTestId('filter-programme');
    await programme.waitFor();
    await programme.selectOption('nq71');
    await page.waitForFunction(() => document.querySelectorAll('#task-table tbody tr:not([hidden])').length === 37);
    await page.getByTestId('filter-due').selectOption('2025-q2');
    const agency = page.getByTestId('filter-agency');
    const most = await agency.locator('option', { hasText: /^Bộ Khoa học và Công nghệ/ }).getAttribute('value');
    await agency.selectOption(most!);
    await page.waitForFunction(() => document.querySelectorAll('#task-table tbody tr:not([hidden])').length < 37);
    const rows = await page
      .locator('#task-table tbody tr:not([hidden])')
      .evaluateAll((rs) => rs.map((r) => [(r as HTMLElement).dataset.programme, (r as HTMLElement).dataset.deadline]));
    expect(rows.length).toBeGreaterThan(0);
    for (const [p, d] of rows) {
      expect(p).toBe('nq71');
      expect(d! >= '2025-04-01' && d! <= '2025-06-30').toBe(true);
    }
    await page.context().close();
  });
});

describe('citing a figure without JavaScript', () => {
  it("a province row's citation leads to its BibTeX and CSL-JSON entry on the citations page, and to the files", async () => {
    const page = await newPage({ javaScriptEnabled: false, width: 375 });
    await page.goto(`${base}/provinces/79/`);
    const row = page.locator('#dti ~ .table-scroll tbody tr').first();
    await row.locator('details.cite > summary').click();
    const link = row.getByRole('link', { name: 'BibTeX, CSL-JSON của số liệu này' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/provinces\/79\/cite\/#dti-[a-z0-9-]+-province-79-\d{4}/);
    await link.click();
    expect(new URL(page.url()).pathname).toBe('/provinces/79/cite/');
    const entry = page.locator(`section.cite-entry[id="${href.split('#')[1]}"]`);
    expect(await entry.isVisible()).toBe(true);
    expect(await entry.locator('textarea').first().inputValue()).toMatch(/@dataset\{nq57-[\d.]+-dti-/);
    expect(JSON.parse(await entry.locator('textarea').nth(1).inputValue())).toBeInstanceOf(Array);
    // Without JavaScript there is no copy button; the text areas stay selectable.
    expect(await page.locator('button.copy').count()).toBe(0);
    // The files are downloads (a .bib is not shown by a browser): fetched as a reference manager would.
    const bib = await page.request.get(`${base}/provinces/79/cite/figures.bib`);
    expect(bib.status()).toBe(200);
    expect(await bib.text()).toContain('@dataset{');
    const csl = await page.request.get(`${base}/provinces/79/cite/figures.csl.json`);
    expect(((await csl.json()) as unknown[]).length).toBeGreaterThan(1);
    await page.context().close();
  });
});
