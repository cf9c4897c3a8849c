import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distState, newestFile } from '../../../scripts/lib/stale-dist.ts';

const T0 = new Date('2026-01-01T00:00:00Z');
const later = (s: number) => new Date(T0.getTime() + s * 1000);

let root: string;
function file(rel: string, when: Date): void {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, 'x');
  utimesSync(p, when, when);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'stale-dist-'));
  file('src/pages/index.astro', T0);
  file('data/observations.csv', T0);
  file('astro.config.mjs', T0);
  file('dist/index.html', later(10));
  mkdirSync(join(root, 'dist/pagefind'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('distState', () => {
  it('keeps a dist built after every source', () => {
    expect(distState(root, join(root, 'dist'))).toEqual({ stale: false });
  });

  it('rebuilds when a file deep in a source folder changed after the build', () => {
    file('data/curated/targets.csv', later(20));
    const s = distState(root, join(root, 'dist'));
    expect(s.stale).toBe(true);
    expect(s.stale && s.reason).toContain(join('data', 'curated', 'targets.csv'));
  });

  it('rebuilds when a top-level source file changed after the build', () => {
    file('package-lock.json', later(11));
    expect(distState(root, join(root, 'dist')).stale).toBe(true);
  });

  it('ignores files that are not sources of the build', () => {
    file('tests/unit/x.test.ts', later(30));
    file('README.md', later(30));
    expect(distState(root, join(root, 'dist')).stale).toBe(false);
  });

  it('rebuilds a missing dist and a dist without its search index', () => {
    expect(distState(root, join(root, 'nowhere')).stale).toBe(true);
    rmSync(join(root, 'dist/pagefind'), { recursive: true });
    const s = distState(root, join(root, 'dist'));
    expect(s.stale && s.reason).toContain('search index');
  });

  it('checks only completeness when given no sources (a site built elsewhere)', () => {
    file('src/pages/index.astro', later(60));
    expect(distState(root, join(root, 'dist'), []).stale).toBe(false);
  });
});

describe('newestFile', () => {
  it('finds the newest file in a tree, and nothing in an empty or missing folder', () => {
    file('src/a/b/c.ts', later(5));
    expect(newestFile(join(root, 'src'))?.file).toBe(join(root, 'src/a/b/c.ts'));
    mkdirSync(join(root, 'empty'));
    expect(newestFile(join(root, 'empty'))).toBeUndefined();
    expect(newestFile(join(root, 'missing'))).toBeUndefined();
  });
});
