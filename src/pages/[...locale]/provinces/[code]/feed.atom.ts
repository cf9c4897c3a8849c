/** A province's feed: its tasks and their reports, its figures, the corrections about it (docs/feeds.md). */
import type { APIRoute } from 'astro';
import { provinceFeed } from '../../../../lib/feeds/build.ts';
import { atomResponse, feedContext } from '../../../../lib/feeds/context.ts';
import { langOf, pathsForLangs } from '../../../../lib/i18n/index.ts';
import { buildAtomFeed } from '../../../../lib/release/metadata.ts';
import { getModel } from '../../../../lib/model/index.ts';
export function getStaticPaths() {
  return pathsForLangs(
    getModel()
      .provinces.map((p) => p.code)
      .map((code) => ({ params: { code }, props: {} })),
  );
}

export const GET: APIRoute = ({ params, site }) =>
  atomResponse(buildAtomFeed(provinceFeed(feedContext(site, langOf(params.locale)), params.code!)));
