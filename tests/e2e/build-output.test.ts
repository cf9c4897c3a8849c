/** Properties of the built site as files: every page listed in the sitemap, metadata on every page, nothing third-party. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('distDir');

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
const pages = htmlFiles(dist);
const urlOf = (file: string) => `/${relative(dist, file).replace(/index\.html$/, '')}`;

describe('built site', () => {
  it('has a page per province, commune and former province in both languages', () => {
    const paths = new Set(pages.map(urlOf));
    expect(paths.has('/provinces/96/')).toBe(true);
    expect(paths.has('/en/communes/00004/')).toBe(true);
    expect(paths.has('/former-provinces/24/')).toBe(true);
    expect(pages.filter((p) => /\/communes\/\d{5}\/index\.html$/.test(p)).length).toBe(3321 * 2);
  });

  it('lists every page in the sitemap', () => {
    const sitemap = readdirSync(dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('');
    const listed = new Set([...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]));
    const missing = pages.map(urlOf).filter((u) => u !== '/404.html' && !u.includes('/embed/') && !listed.has(u));
    expect(missing).toEqual([]);
  });

  it('gives every page a title, description, canonical URL and hreflang alternates', () => {
    for (const file of pages.filter((_, i) => i % 97 === 0)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).toMatch(/<title>[^<]+<\/title>/);
      expect(html, file).toMatch(/<meta name="description" content="[^"]+"/);
      if (!file.endsWith('404.html')) {
        expect(html, file).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/);
        expect(html, file).toContain('hreflang="vi"');
        expect(html, file).toContain('hreflang="en"');
      }
    }
  });

  it('loads no script, style, font or image from another host', () => {
    for (const file of pages.filter((_, i) => i % 37 === 0)) {
      const html = readFileSync(file, 'utf8');
      const external = [...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="(https?:)?\/\/[^"]*"/g)]
        .map((m) => m[0])
        .filter((tag) => !/rel="(canonical|alternate)"/.test(tag));
      expect(external, file).toEqual([]);
    }
  });
});

describe('published downloads', () => {
  it('serves every file of every release at its versioned URL with its recorded checksum', async () => {
    const { readReleases, sha256 } = await import('../../src/lib/release/releases.ts');
    const releases = readReleases(join(import.meta.dirname, '../../data'));
    expect(releases.length).toBeGreaterThan(0);
    for (const r of releases)
      for (const f of r.files)
        expect(sha256(readFileSync(join(dist, 'data/v', r.version, f.path))), `${r.version}/${f.path}`).toBe(f.sha256);
  });

  it('offers CSV, JSON, a Data Package, a zip, JSON Schemas, a DCAT catalogue and an Atom feed', () => {
    for (const f of [
      'data/latest/observations.csv',
      'data/latest/observations.json',
      'data/latest/datapackage.json',
      'data/latest/nq57-data-latest.zip',
      'data/schemas/observations.schema.json',
      'data/catalog.jsonld',
      'data/releases.atom',
    ]) {
      expect(readFileSync(join(dist, f)).length, f).toBeGreaterThan(100);
    }
    expect(JSON.parse(readFileSync(join(dist, 'data/catalog.jsonld'), 'utf8'))['@type']).toBe('dcat:Catalog');
    expect(readFileSync(join(dist, 'data/releases.atom'), 'utf8')).toMatch(
      /^<\?xml[^>]+\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
  });

  it('embeds parseable schema.org JSON-LD on dataset pages', () => {
    const html = readFileSync(join(dist, 'data/observations/index.html'), 'utf8');
    const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(JSON.parse(m![1]!)['@type']).toBe('Dataset');
  });
});
