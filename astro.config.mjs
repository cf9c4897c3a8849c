// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';

// The canonical origin of the published portal. Override with PORTAL_SITE for a staging host.
const site = process.env.PORTAL_SITE ?? 'https://nq57.example.org';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Languages are routed by src/pages/[...locale]/ (vi at the root, en under /en/), see src/lib/i18n.
  integrations: [
    react(),
    sitemap({
      i18n: { defaultLocale: 'vi', locales: { vi: 'vi-VN', en: 'en' } },
    }),
  ],
});
