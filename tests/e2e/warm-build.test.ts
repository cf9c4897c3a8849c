/**
 * Issue #17, "Warm rebuilds": a build that takes everything it can from the build's cache (the
 * validated store, the release downloads: src/lib/cache; the pages of Astro's incremental build:
 * src/lib/view/page-keys.ts) publishes the same dist/, byte for byte, as a build from an empty cache:
 * with the data unchanged, and after two figures changed (a commune's and a national value), when it
 * renders again exactly the pages that show them. Builds of a copy of the real data with two SYNTHETIC
 * commune figures and a SYNTHETIC national value added (the real data has none), into four folders
 * (about two minutes).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'node_modules/.bin');

/** Every file under dir, relative, in path order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** astro build, the step of `npm run build` after validate:data (its model reads the data through the same validator), with the given data and cache folders; the dist and Astro's log. */
function build(data: string, cache: string, made: string[]): { dist: string; log: string } {
  const dist = mkdtempSync(join(tmpdir(), 'nq57-warm-dist-'));
  made.push(dist);
  // Without what Vitest sets for its own run (NODE_ENV=test would bundle React's development runtime).
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
    PATH: `${bin}:${process.env.PATH}`,
    PORTAL_DATA_DIR: data,
    PORTAL_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const log = execFileSync(join(bin, 'astro'), ['build', '--outDir', dist], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { dist, log };
}

/** Whether Astro's log says it copied the page at `path` from its incremental build's cache. */
const copied = (log: string, path: string) =>
  log
    // Without the colours Astro's logger adds where it sees a CI or a terminal.
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .some((line) => line.includes(` ${path} `) && /\((restored|cached)\)/.test(line));

/** The files whose bytes differ between two dists that list the same files. */
function differing(a: string, b: string): string[] {
  const files = filesUnder(a);
  expect(filesUnder(b)).toEqual(files);
  return files.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

// SYNTHETIC: the DTI of two wards of Hà Nội (00004 Ba Đình, 00008 Ngọc Hà), never published.
const figure = (code: string, value: string) =>
  `dti,commune,${code},2024,${value},dti-gov-vn-xep-hang-2024,2025-10-21,as_published,SYNTHETIC test figure,,,\n`;
// SYNTHETIC: a national value of the DTI's digital human resources pillar (the real data has none), on its indicator's page.
const national = (value: string) =>
  `dti-nhan-luc-so,national,VN,2024,${value},dti-gov-vn-xep-hang-2024,2025-10-21,as_published,SYNTHETIC test figure,,,\n`;

describe('a warm build', () => {
  it('writes the same files, byte for byte, as a build from an empty cache: unchanged, then after two figures changed', () => {
    const made: string[] = [];
    try {
      const data = mkdtempSync(join(tmpdir(), 'nq57-warm-data-'));
      made.push(data);
      cpSync(join(root, 'data'), data, { recursive: true });
      const observations = join(data, 'observations.csv');
      const real = readFileSync(observations, 'utf8');
      appendFileSync(observations, figure('00004', '0.5') + figure('00008', '0.6') + national('0.5'));
      const cache = mkdtempSync(join(tmpdir(), 'nq57-warm-cache-'));
      made.push(cache);

      const cold = build(data, cache, made);
      const stored = filesUnder(cache);
      // The store holds every table, the rules across tables, the release's downloads and Astro's pages.
      for (const kind of ['nq57-tables/', 'nq57-cross-table/', 'nq57-release-downloads/', 'astro/'])
        expect(stored.some((f) => f.startsWith(kind))).toBe(true);
      const warm = build(data, cache, made);
      // Everything came from the cache: nothing new was stored, and the keyed pages were copied.
      expect(filesUnder(cache)).toEqual(stored);
      expect(copied(warm.log, '/communes/00004/index.html')).toBe(true);
      expect(differing(cold.dist, warm.dist)).toEqual([]);

      // A commune's figure and a national value change: the pages that show them are rendered again, the others copied.
      writeFileSync(observations, real + figure('00004', '0.7') + figure('00008', '0.6') + national('0.55'));
      const changed = build(data, cache, made);
      const fresh = mkdtempSync(join(tmpdir(), 'nq57-warm-cache-'));
      made.push(fresh);
      const reference = build(data, fresh, made);
      expect(differing(reference.dist, changed.dist)).toEqual([]);
      const rendered = [
        // The commune's page and files; the DTI's feed, which lists every figure of the DTI.
        '/communes/00004/index.html',
        '/en/communes/00004/cite/figures.bib',
        '/indicators/dti/feed.atom',
        // The pillar's page, citations, feed and its national history chart.
        '/indicators/dti-nhan-luc-so/index.html',
        '/en/indicators/dti-nhan-luc-so/cite/index.html',
        '/indicators/dti-nhan-luc-so/cite/figures.csl.json',
        '/en/indicators/dti-nhan-luc-so/feed.atom',
        '/embed/history/dti-nhan-luc-so/VN/index.html',
      ];
      const kept = [
        '/communes/00008/index.html',
        // The DTI's page and charts show no commune figure; another pillar's pages show neither change.
        '/indicators/dti/index.html',
        '/embed/ranking/dti/index.html',
        '/indicators/dti-ha-tang-so/index.html',
        '/en/indicators/dti-ha-tang-so/cite/figures.bib',
        '/indicators/dti-ha-tang-so/feed.atom',
        '/en/embed/tilegrid/dti-ha-tang-so/index.html',
      ];
      expect(rendered.filter((path) => copied(changed.log, path))).toEqual([]);
      expect(kept.filter((path) => !copied(changed.log, path))).toEqual([]);
      // The changes are in the published pages (the comparison above is not of two unchanged builds).
      expect(differing(cold.dist, changed.dist)).toEqual(
        expect.arrayContaining(rendered.filter((path) => !path.includes('/feed.atom')).map((path) => path.slice(1))),
      );
    } finally {
      // Dists of the real data (≈ 180 MB each), the data copy and the caches: not left in the temporary folder.
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    }
  }, 420_000);
});
