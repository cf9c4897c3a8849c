/** An agency's feed: the tasks it carries, their reports and corrections (docs/feeds.md). */
import type { APIRoute } from 'astro';
import { agencyFeed } from '../../../../lib/feeds/build.ts';
import { atomResponse, feedContext } from '../../../../lib/feeds/context.ts';
import { langOf, pathsForLangs } from '../../../../lib/i18n/index.ts';
import { buildAtomFeed } from '../../../../lib/release/metadata.ts';
import { getModel } from '../../../../lib/model/index.ts';
import { noObservationsKey } from '../../../../lib/view/page-keys.ts';
export function getStaticPaths() {
  const model = getModel();
  return pathsForLangs(model.agencies.map((a) => ({ params: { id: a.id }, props: {}, cacheKey: noObservationsKey(model) })));
}

export const GET: APIRoute = ({ params, site }) =>
  atomResponse(buildAtomFeed(agencyFeed(feedContext(site, langOf(params.locale)), params.id!)));
