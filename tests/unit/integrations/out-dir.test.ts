/**
 * The last build's output folder is moved into the build's cache when the build starts and removed by
 * the time the build is done (src/integrations/out-dir.ts); it is left to Astro without a cache or
 * when it holds a .git.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import outDir from '../../../src/integrations/out-dir.ts';

const made: string[] = [];
const saved = process.env.PORTAL_CACHE_DIR;
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.PORTAL_CACHE_DIR;
  else process.env.PORTAL_CACHE_DIR = saved;
});

/** A build folder with an output folder of a few files, and the integration's three hooks on it. */
function setup(cache: 'on' | 'off', files: string[] = ['index.html', 'en/index.html']) {
  const root = mkdtempSync(join(tmpdir(), 'nq57-out-dir-'));
  made.push(root);
  const out = join(root, 'dist');
  for (const f of files) {
    mkdirSync(join(out, f, '..'), { recursive: true });
    writeFileSync(join(out, f), 'SYNTHETIC');
  }
  const cacheDir = join(root, 'cache');
  process.env.PORTAL_CACHE_DIR = cache === 'on' ? cacheDir : 'off';
  const hooks = outDir().hooks as Record<string, (arg: unknown) => unknown>;
  const logger = { info: () => {} };
  hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${out}/`) } });
  return {
    out,
    trash: join(cacheDir, 'old-output'),
    start: () => hooks['astro:build:start']!({ logger }),
    done: () => hooks['astro:build:done']!({}),
  };
}

describe('the last build’s output folder', () => {
  it('is moved into the cache when the build starts, and removed by the time it is done', async () => {
    const s = setup('on');
    s.start();
    expect(existsSync(s.out)).toBe(false);
    await s.done();
    expect(readdirSync(s.trash)).toEqual([]);
  });

  it('is left to Astro without a cache, or with a .git in it', async () => {
    for (const make of [() => setup('off'), () => setup('on', ['index.html', '.git/HEAD'])]) {
      const s = make();
      s.start();
      await s.done();
      expect(existsSync(join(s.out, 'index.html'))).toBe(true);
    }
  });
});
