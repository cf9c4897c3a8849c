/**
 * Paths of the site's pages, spelled once. They are language-neutral ("/documents/57-nq-tw/");
 * `href()` puts one under the page's language (localePath). Every document link goes through
 * documentPath, so a document id with Đ gets the same slug as its page (slugify folds Đ to d).
 */
import { localePath, type Lang } from '../i18n/index.ts';
import { slugify } from '../text.ts';

export { localePath };

/** A link as a page shows it: its text and where it goes (already under the page's language). */
export interface Link {
  text: string;
  href: string;
}

export function documentPath(id: string): string {
  return `/documents/${slugify(id)}/`;
}

export function provincePath(code: string): string {
  return `/provinces/${code}/`;
}

export function formerProvincePath(code: string): string {
  return `/former-provinces/${code}/`;
}

export function communePath(code: string): string {
  return `/communes/${code}/`;
}

export function indicatorPath(id: string): string {
  return `/indicators/${id}/`;
}

export function taskPath(id: string): string {
  return `/tasks/${id}/`;
}

/** The page of an area, or null for the national level (no page of its own). */
export function areaPath(level: string | null, code: string | null): string | null {
  if (code === null) return null;
  if (level === 'province') return provincePath(code);
  if (level === 'commune') return communePath(code);
  if (level === 'former_province') return formerProvincePath(code);
  return null;
}

/** A path under the page's language: "/provinces/01/" or "/en/provinces/01/". */
export function href(lang: Lang, path: string): string {
  return localePath(lang, path);
}

export function agencyPath(id: string): string {
  return `/agencies/${id}/`;
}
