/** An indicator's feed: its figures, one entry per publication, and its corrections (docs/feeds.md). */
import type { APIRoute } from 'astro';
import { indicatorFeed } from '../../../../lib/feeds/build.ts';
import { atomResponse, feedContext } from '../../../../lib/feeds/context.ts';
import { langOf, pathsForLangs } from '../../../../lib/i18n/index.ts';
import { buildAtomFeed } from '../../../../lib/release/metadata.ts';
import { getModel } from '../../../../lib/model/index.ts';
import { indicatorFeedKey } from '../../../../lib/view/page-keys.ts';

export function getStaticPaths() {
  const model = getModel();
  return pathsForLangs([...model.indicator.keys()].map((id) => ({ params: { id }, props: {}, cacheKey: indicatorFeedKey(model, id) })));
}

export const GET: APIRoute = ({ params, site }) =>
  atomResponse(buildAtomFeed(indicatorFeed(feedContext(site, langOf(params.locale)), params.id!)));
