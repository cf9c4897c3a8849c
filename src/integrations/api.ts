/**
 * The static JSON API (/api/v1/, src/lib/api) as an Astro integration: written into the output
 * folder when the build is done (thousands of small files, from the same model as the pages), and
 * served from memory by the dev server.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dataDir } from '../lib/config.ts';
import { getModel } from '../lib/model/index.ts';
import { apiFiles, writeApi } from '../lib/api/write.ts';

export default function api(): AstroIntegration {
  let baseUrl = 'https://example.org';
  return {
    name: 'nq57-api',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) baseUrl = config.site.replace(/\/$/, '');
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { files, bytes } = writeApi(getModel(dataDir()), fileURLToPath(dir), baseUrl);
        logger.info(`${files} API files (${Math.round(bytes / 1024)} KiB) written in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname).replace(/^\//, '');
          if (!path.startsWith('api/')) return next();
          try {
            for (const [p, text] of apiFiles(getModel(dataDir()), baseUrl))
              if (p === path) {
                res.setHeader('content-type', 'application/json; charset=utf-8');
                res.end(text);
                return;
              }
            next();
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
