/**
 * Quality gates in a real Chromium over one page of every kind, in both languages:
 * WCAG 2.2 A/AA with axe-core at 375 px and 1280 px; no Content-Security-Policy violation; no request
 * to another origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { pagesInBothLanguages } from './pages.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.each([375, 1280])('accessibility at %i px (axe-core, WCAG 2.2 A/AA)', (width) => {
  it.each(pagesInBothLanguages())('%s has no violation', async (_name, path) => {
    // axe is injected by the test, not by the page: let it past the page's own CSP.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('content security policy and requests', () => {
  it.each(pagesInBothLanguages())('%s works under its CSP and asks no other host', async (_name, path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== new URL(base).origin) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    if (path.includes('/search/')) {
      // Search must work under the CSP (Pagefind runs WebAssembly).
      await page.waitForFunction(
        () => {
          const first = document.querySelector('.pagefind-ui__result-title');
          return first !== null && !/^[.\s]*$/.test(first.textContent ?? '');
        },
        undefined,
        { timeout: 15_000 },
      );
    }
    const violations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    expect(violations).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
