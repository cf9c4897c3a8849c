/**
 * The build's check of its data: what `npm run validate:data` checks and prints (the same function and
 * text report: every problem with its file, row and column, then the count of rows checked), in the
 * build's own process, when the build starts. It fills the validated store (src/lib/data/store.ts) that
 * the downloads and the model then read, so a changed table is parsed and checked once per build and no
 * second process reads every table again. Any error stops the build (exit code 1) before a page or a
 * download is written; warnings are printed and the build goes on, as with validate:data.
 */
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cacheDir, dataDir } from '../lib/config.ts';
import { formatValidation } from '../lib/data/format-report.ts';
import { validateDataset } from '../lib/data/validate-dataset.ts';
import { indicatorRecordKeys } from '../lib/view/page-keys.ts';

export default function validate(): AstroIntegration {
  return {
    name: 'nq57-validate',
    hooks: {
      'astro:build:start': () => {
        const dir = dataDir();
        const started = performance.now();
        const result = validateDataset(dir, { cacheDir: cacheDir() });
        process.stdout.write(formatValidation(result, 'text', relative(process.cwd(), dir) || '.', performance.now() - started));
        if (!result.valid)
          throw new Error(`The data in ${dir} is not valid: the report above lists every problem. Fix them and build again.`);
        // The keys of each indicator's records (page-keys.ts), for Astro's incremental build, which is on with the
        // cache (astro.config.mjs): read now, while the model is not in memory (read beside it, the 468 MB file
        // of bench scale M50 raised the peak of a warm build by 0.8 GB).
        if (cacheDir() !== null) indicatorRecordKeys(dir);
      },
    },
  };
}
