/**
 * Screenshots of pages at phone (375 px) and desktop (1280 px) width, in both languages, for a
 * person to look at: node scripts/screenshots.ts DIST OUTDIR /path/ [/path/ ...]
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveDist } from './lib/serve.ts';

const [dist = 'dist', out = '/tmp/shots', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveDist(resolve(dist));
const browser = await launchBrowser();
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(server.url + path);
    const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`;
    await page.screenshot({ path: join(out, name), fullPage: true });
    console.log(join(out, name));
  }
  await page.close();
}
await browser.close();
await server.close();
