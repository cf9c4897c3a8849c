/** A task's feed: the task, its progress reports, status changes between releases and corrections (docs/feeds.md). */
import type { APIRoute } from 'astro';
import { taskFeed } from '../../../../lib/feeds/build.ts';
import { atomResponse, feedContext } from '../../../../lib/feeds/context.ts';
import { langOf, pathsForLangs } from '../../../../lib/i18n/index.ts';
import { buildAtomFeed } from '../../../../lib/release/metadata.ts';
import { getModel } from '../../../../lib/model/index.ts';
import { noObservationsKey } from '../../../../lib/view/page-keys.ts';
export function getStaticPaths() {
  const model = getModel();
  return pathsForLangs(model.tasks.map((x) => ({ params: { id: x.id }, props: {}, cacheKey: noObservationsKey(model) })));
}

export const GET: APIRoute = ({ params, site }) =>
  atomResponse(buildAtomFeed(taskFeed(feedContext(site, langOf(params.locale)), params.id!)));
