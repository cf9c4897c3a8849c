/** "What changed in release V": new tasks, progress reports, figures and corrections, from the cell-level diff (docs/feeds.md). */
import type { APIRoute } from 'astro';
import { releaseFeed } from '../../../../../lib/feeds/build.ts';
import { atomResponse, feedContext } from '../../../../../lib/feeds/context.ts';
import { langOf, pathsForLangs } from '../../../../../lib/i18n/index.ts';
import { buildAtomFeed } from '../../../../../lib/release/metadata.ts';
import { releaseVersions } from '../../../../../lib/release/publish.ts';
export function getStaticPaths() {
  return pathsForLangs(releaseVersions().map((version) => ({ params: { version }, props: {} })));
}

export const GET: APIRoute = ({ params, site }) =>
  atomResponse(buildAtomFeed(releaseFeed(feedContext(site, langOf(params.locale)), params.version!)));
