// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import outDir from './src/integrations/out-dir.ts';
import recordKeys from './src/integrations/record-keys.ts';
import downloads from './src/integrations/downloads.ts';
import api from './src/integrations/api.ts';
import { cacheDir } from './src/lib/config.ts';

// The build's cache (src/lib/config.ts; "off" turns it off). Astro keeps its incremental build there: a page
// whose code and cacheKey (src/lib/view/page-keys.ts) are those of the previous build is copied, not rendered.
const cache = cacheDir();

// The canonical origin of the published portal. Override with PORTAL_SITE for a staging host.
const site = process.env.PORTAL_SITE ?? 'https://nq57.example.org';

export default defineConfig({
  site,
  output: 'static',
  // No Markdown code blocks here; Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  trailingSlash: 'always',
  // Pages are rendered 16 at a time (Astro's default is one): while a page's file is written (and copied into
  // the incremental cache), the next ones render. A cold build of bench scale M50 spent 31 s of its 135 s
  // idle, waiting for 33,000 small writes; with 16, 94 s; the same files (docs/performance.md, "Issue #17: the evening of 2026-12-03").
  build: { format: 'directory', concurrency: 16 },
  ...(cache === null ? {} : { cacheDir: `${cache}/astro`, experimental: { incrementalBuild: true } }),
  // Languages are routed by src/pages/[...locale]/ (vi at the root, en under /en/), see src/lib/i18n.
  // Content-Security-Policy as a <meta> on every page, with hashes of Astro's own scripts and styles.
  // Pagefind compiles WebAssembly: 'wasm-unsafe-eval' (no 'unsafe-eval'). Headers a <meta> cannot carry
  // (frame-ancestors) are in public/_headers for hosts that read it. See docs/quality.md.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self' blob:",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  integrations: [
    react(),
    // The last build's output moved aside and removed in the background, instead of Astro's synchronous emptying.
    outDir(),
    // The keys of each indicator's records for the incremental build, read before the model is in memory.
    recordKeys(),
    // Data downloads under /data/v/{version}/ and /data/latest/, written after the pages (docs/releases.md).
    downloads(),
    // The static JSON API under /api/v1/ and its JSON Schemas (docs/api.md).
    api(),
    sitemap({
      // Embed pages are noindex (a chart alone, for <iframe>s): not listed.
      filter: (page) => !page.includes('/embed/'),
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en' } },
    }),
  ],
});
