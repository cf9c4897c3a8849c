/** The feeds' inputs for a build: the model, the release history and the corrections of the data directory. */
import { getModel } from '../model/index.ts';
import { readCorrections } from '../release/corrections.ts';
import { buildReleaseHistory } from '../release/history.ts';
import type { Lang } from '../i18n/index.ts';
import type { FeedContext } from './build.ts';

/** `site`: Astro's site URL (the feed's ids and links are absolute). */
export function feedContext(site: URL | undefined, lang: Lang): FeedContext {
  return {
    model: getModel(),
    history: buildReleaseHistory(),
    corrections: readCorrections(),
    base: (site?.href ?? '').replace(/\/$/, ''),
    lang,
  };
}

/** An Atom document as an endpoint's response. */
export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
