/**
 * Where each Atom feed is published (docs/feeds.md): next to the page it follows, one feed per
 * language ("/provinces/01/feed.atom", "/en/provinces/01/feed.atom"). Language-neutral paths, as in
 * view/links.ts; `href(lang, path)` puts one under a language.
 */
import { agencyPath, indicatorPath, provincePath, taskPath } from '../view/links.ts';

export type FeedKind = 'province' | 'agency' | 'indicator' | 'task' | 'release';

export const FEED_FILE = 'feed.atom';

/** The page a feed follows. */
export function followedPath(kind: FeedKind, id: string): string {
  if (kind === 'province') return provincePath(id);
  if (kind === 'agency') return agencyPath(id);
  if (kind === 'indicator') return indicatorPath(id);
  if (kind === 'task') return taskPath(id);
  return `/data/releases/${id}/`;
}

export function feedPath(kind: FeedKind, id: string): string {
  return `${followedPath(kind, id)}${FEED_FILE}`;
}
