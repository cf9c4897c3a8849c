/**
 * The data downloads (src/lib/release/publish.ts) as an Astro integration. Astro endpoints would
 * hold each file in memory, twice, before writing it (the JSON of the observations at benchmark
 * scale M is 390 MB); here each file is written as it is produced.
 *
 * They are written when the build starts, before the pages load the data model, into a folder of
 * Astro's cache (Astro empties the output folder after this hook), and moved into the output folder
 * when the build is done: the memory they take is given back before the pages need theirs. The dev
 * server streams them on request.
 */
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir as buildCache, dataDir } from '../lib/config.ts';
import { contentType, listDownloads, writeDownload, writeDownloads, type Download } from '../lib/release/publish.ts';

/** Moves a file, copying it when the two folders are on different file systems. */
function move(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
  }
}

export default function downloads(): AstroIntegration {
  let baseUrl = 'https://example.org';
  let cacheDir = '';
  let staged: { dir: string; files: Download[] } | null = null;
  return {
    name: 'nq57-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) baseUrl = config.site.replace(/\/$/, '');
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        mkdirSync(cacheDir, { recursive: true });
        // A folder of its own: two builds at once (tests) do not share it.
        const dir = mkdtempSync(join(cacheDir, 'nq57-downloads-'));
        // An immutable release's downloads are kept in the build's cache (src/lib/cache), beside the validated store.
        staged = { dir, files: await writeDownloads(dataDir(), dir, baseUrl, buildCache() ?? undefined) };
        logger.info(`${staged.files.length} data downloads written in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:build:done': ({ dir }) => {
        if (!staged) throw new Error('The data downloads were not written (astro:build:start did not run).');
        const out = fileURLToPath(dir);
        for (const file of staged.files) move(join(staged.dir, file.path), join(out, file.path));
        rmSync(staged.dir, { recursive: true, force: true });
        staged = null;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname).replace(/^\//, '');
          const download = listDownloads(dataDir()).find((d) => d.path === path);
          if (!download) return next();
          res.setHeader('content-type', contentType(download.file));
          try {
            writeDownload(dataDir(), download.version, download.file, baseUrl, (chunk) => res.write(chunk));
            res.end();
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
