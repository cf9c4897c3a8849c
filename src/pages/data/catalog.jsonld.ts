/** /data/catalog.jsonld: DCAT catalogue of the portal's datasets. */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model/index.ts';
import { buildDcatCatalog } from '../../lib/release/metadata.ts';
import { dataDir, largeParts, latestVersion } from '../../lib/release/publish.ts';
import { filesDir } from '../../lib/release/downloads.ts';
import { latestRelease } from '../../lib/release/releases.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `${JSON.stringify(
      buildDcatCatalog(
        getModel().meta,
        latestRelease(dataDir()),
        (site?.href ?? '').replace(/\/$/, ''),
        // Tables published in parts (none in today's real data) list their parts.
        largeParts(filesDir(dataDir(), latestVersion(dataDir()))),
      ),
      null,
      2,
    )}\n`,
    { headers: { 'content-type': 'application/ld+json' } },
  );
