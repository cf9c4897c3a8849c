/**
 * The last build's output folder, moved aside when the build starts and removed while the build runs.
 * Astro empties the output folder itself before it renders (emptyDir in astro/dist/core/build, one
 * synchronous rmSync per entry): 4 to 9.5 s of a warm build at bench scale M50 (2.2 GB, ≈ 40,000 files),
 * during which nothing else runs. A rename is instant; `rm -rf` then deletes the old folder in a process
 * of its own, on the other core, and the build waits for it when it is done (so its time is counted).
 *
 * The output is the same: Astro finds no output folder and writes every file again. The folder is moved
 * into the build's cache (same file system as the cache, which a rename needs); without a cache, or when
 * the rename fails (another file system, a mount point), or when the folder holds a `.git` that Astro's
 * emptyDir keeps, nothing is moved and Astro empties the folder as before.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { removeApart } from '../lib/cache/index.ts';
import { cacheDir } from '../lib/config.ts';

export default function outDir(): AstroIntegration {
  let out = '';
  let removing: Promise<void> | null = null;
  return {
    name: 'nq57-out-dir',
    hooks: {
      'astro:config:done': ({ config }) => {
        out = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        const cache = cacheDir();
        if (cache === null || !existsSync(out) || existsSync(join(out, '.git'))) return;
        // Never a cache inside the output folder (it would be moved with it).
        if (!relative(resolve(out), resolve(cache)).startsWith('..')) return;
        const trash = join(cache, 'old-output');
        mkdirSync(trash, { recursive: true });
        const aside = mkdtempSync(join(trash, 'dist-'));
        try {
          renameSync(out, join(aside, 'dist'));
        } catch {
          rmSync(aside, { recursive: true, force: true });
          return;
        }
        logger.info(`the last build's ${relative(process.cwd(), out) || out} moved aside, removed in the background`);
        removing = removeApart(aside);
      },
      'astro:build:done': async () => {
        await removing;
        removing = null;
      },
    },
  };
}
