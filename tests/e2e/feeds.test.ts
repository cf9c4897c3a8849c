/** The feeds and the corrections page as built: every feed in dist/ keeps RFC 4287's rules, and each page links its own feed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { atomProblems } from '../unit/feeds/atom-rules.ts';

const dist = inject('distDir');

function feedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? ['pagefind', '_astro', 'communes', 'embed'].includes(e.name)
        ? []
        : feedFiles(join(dir, e.name))
      : e.name === 'feed.atom'
        ? [join(dir, e.name)]
        : [],
  );
}

const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

describe('built feeds', () => {
  const feeds = feedFiles(dist);

  it('one feed per province, agency, indicator, task and release in each language', () => {
    const paths = feeds.map((f) => `/${relative(dist, f)}`);
    expect(paths).toContain('/provinces/96/feed.atom');
    expect(paths).toContain('/en/tasks/camau-ttpvhcc-cap-xa/feed.atom');
    expect(paths).toContain('/agencies/bo-khcn/feed.atom');
    expect(paths).toContain('/en/indicators/dti/feed.atom');
    expect(paths).toContain('/data/releases/1.1.0/feed.atom');
    expect(paths.filter((p) => p.startsWith('/provinces/')).length).toBe(34);
    expect(paths.filter((p) => p.startsWith('/en/provinces/')).length).toBe(34);
  });

  it('every built feed keeps the rules of RFC 4287', () => {
    const problems = feeds.flatMap((f) => atomProblems(readFileSync(f, 'utf8')).map((p) => `${relative(dist, f)}: ${p}`));
    expect(problems).toEqual([]);
    // The older release feed too.
    expect(atomProblems(readFileSync(join(dist, 'data/releases.atom'), 'utf8'))).toEqual([]);
  });

  it('each page with a feed links it in the head and visibly, and the link resolves', () => {
    for (const path of [
      '/provinces/96/',
      '/en/agencies/bo-khcn/',
      '/tasks/camau-ttpvhcc-cap-xa/',
      '/en/indicators/dti/',
      '/data/releases/1.1.0/',
    ]) {
      const page = html(path);
      const head = page.slice(0, page.indexOf('</head>'));
      const feed = `${path}feed.atom`;
      expect(head, path).toContain(`<link rel="alternate" type="application/atom+xml"`);
      expect(head, path).toContain(`href="${feed}"`);
      expect(page.slice(page.indexOf('<main')), path).toMatch(new RegExp(`<a href="${feed}" type="application/atom\\+xml"[^>]*>`));
      expect(existsSync(join(dist, feed)), feed).toBe(true);
    }
  });
});

describe('built corrections page', () => {
  it('exists in both languages, is linked from the data and releases pages, and filters with anchors that exist', () => {
    for (const [lang, prefix] of [
      ['vi', ''],
      ['en', '/en'],
    ]) {
      const page = html(`${prefix}/data/corrections/`);
      expect(page, lang).toContain('<del>=</del>');
      expect(page, lang).toContain('<ins>&gt;=</ins>');
      const anchors = [...page.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]);
      expect(anchors.length, lang).toBeGreaterThan(3);
      for (const id of anchors) expect(page, `${lang} #${id}`).toContain(`id="${id}"`);
      expect(html(`${prefix}/data/`)).toContain(`href="${prefix}/data/corrections/"`);
      expect(html(`${prefix}/data/releases/`)).toContain(`href="${prefix}/data/corrections/"`);
    }
  });
});
