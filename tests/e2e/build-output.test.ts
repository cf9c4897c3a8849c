/** Properties of the built site as files: every page listed in the sitemap, metadata on every page, nothing third-party. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { differencesFromPagefind } from './search-index.ts';

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

  it('has the search index Pagefind makes of its pages as they are (npm run build empties ignored content first)', () => {
    expect(differencesFromPagefind(dist)).toEqual([]);
  }, 120_000);

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
    const { readReleases } = await import('../../src/lib/release/releases.ts');
    const { sha256 } = await import('../../src/lib/data/read-releases.ts');
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

describe('citations pages', () => {
  const figurePages = pages.filter((p) => /\/(provinces|former-provinces|communes|indicators|targets)\/[^/]+\/index\.html$/.test(p));
  const anchorsOf = new Map<string, Set<string> | null>();
  const anchors = (path: string) => {
    if (!anchorsOf.has(path)) {
      const file = join(dist, path, 'index.html');
      const html = existsSync(file) ? readFileSync(file, 'utf8') : null;
      anchorsOf.set(
        path,
        html === null ? null : new Set([...html.matchAll(/<section class="cite-entry" id="([^"]+)"/g)].map((m) => m[1]!)),
      );
    }
    return anchorsOf.get(path) ?? null;
  };

  it("every figure row's link to its entry resolves: the citations page exists and has the anchor", () => {
    const links = figurePages.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/href="(\/[^"#]*\/cite\/)#([^"]+)"/g)].map((m) => ({ file, path: m[1]!, anchor: m[2]! })),
    );
    expect(links.length).toBeGreaterThan(1000);
    const broken = links.filter((l) => !anchors(l.path)?.has(l.anchor)).map((l) => `${urlOf(l.file)} → ${l.path}#${l.anchor}`);
    expect(broken).toEqual([]);
  });

  it('offers figures.bib and figures.csl.json next to each citations page: linked, present, the CSL-JSON parsed, one dataset entry per figure', () => {
    for (const path of ['/provinces/96/cite/', '/en/indicators/dti/cite/', '/former-provinces/84/cite/']) {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      expect(html).toContain(`href="${path}figures.bib"`);
      expect(html).toContain(`href="${path}figures.csl.json"`);
      const entries = anchors(path)!.size;
      expect(entries, path).toBeGreaterThan(0);
      const bib = readFileSync(join(dist, path, 'figures.bib'), 'utf8');
      expect(bib.match(/^@dataset\{/gm)?.length, path).toBe(entries);
      const csl = JSON.parse(readFileSync(join(dist, path, 'figures.csl.json'), 'utf8')) as { id: string; type: string }[];
      expect(csl.filter((i) => i.type === 'dataset').length, path).toBe(entries);
    }
  });
});

describe('charts', () => {
  it("a chart whose figures are all cited on the page's citations page links there, and the page exists", () => {
    const html = readFileSync(join(dist, 'indicators/dti/index.html'), 'utf8');
    const links = [...html.matchAll(/<a href="(\/indicators\/dti\/cite\/)">Từng số liệu của biểu đồ/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const path of new Set(links)) expect(existsSync(join(dist, path, 'index.html')), path).toBe(true);
  });

  it("every chart's link to cite it and report a problem resolves to its embed page, which has the citation and both report links", () => {
    const targets = new Set(
      pages.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/href="(\/(?:en\/)?embed\/[^"?#]+\/)(?:\?[^"#]*)?#cite-chart"/g)].map((m) => m[1]!),
      ),
    );
    expect(targets.size).toBeGreaterThan(10);
    for (const path of targets) {
      const file = join(dist, path, 'index.html');
      expect(existsSync(file), path).toBe(true);
      const html = readFileSync(file, 'utf8');
      const cite = html.slice(html.indexOf('id="cite-chart"'));
      expect(cite, path).toMatch(/<p class="report small">/);
      expect(cite, path).toMatch(/href="https:\/\/github\.com\/[^"]+\/issues\/new\?template=data-correction\.yml&amp;title=/);
      expect(cite, path).toMatch(/href="mailto:[^"]+\?subject=/);
    }
  });
});
