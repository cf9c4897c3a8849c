/**
 * The keys of each indicator's records (src/lib/view/page-keys.ts), for Astro's incremental build,
 * which is on with the build's cache (astro.config.mjs): read when the build starts, while the model
 * is not in memory (read beside it, the 468 MB observations.csv of bench scale M50 raised the peak of
 * a warm build by 0.8 GB), and found by the pages' bundle in a registry on globalThis.
 *
 * The data is checked before this, in a process of its own (`npm run validate:data`, the first step
 * of `npm run build`): checked in this process, its typed rows (≈ 1.2 GB at M50) would sit in the
 * heap that the columnar model keeps under 1 GB (docs/architecture.md, "One pass"). `astro build`
 * alone still refuses invalid data: the model is read through the same validator and throws its report.
 */
import type { AstroIntegration } from 'astro';
import { cacheDir, dataDir } from '../lib/config.ts';
import { indicatorRecordKeys } from '../lib/view/page-keys.ts';

export default function recordKeys(): AstroIntegration {
  return {
    name: 'nq57-record-keys',
    hooks: {
      'astro:build:start': () => {
        if (cacheDir() !== null) indicatorRecordKeys(dataDir());
      },
    },
  };
}
