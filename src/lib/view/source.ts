/**
 * How a figure's source is shown, in one place for the pages (SourceRef.astro) and the charts'
 * captions and tables (charts/specs.ts): a document of documents.csv links to its page and is named
 * by its issuer and number; an external URL links to itself and is named by its host; a URL that is
 * not safe to link is shown as text.
 */
import { formatDate } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import { resolveSource, type Model } from '../model/index.ts';
import { isSafeUrl } from '../../schemas/cells.ts';
import { documentPath, href } from './links.ts';

export interface SourceView {
  /** The source id as the data gives it (document id or URL). */
  id: string;
  label: string;
  /** Where the label links; null when it is shown as text. */
  href: string | null;
  /** True when href leaves the site (an external URL, linked with rel="noopener noreferrer external"). */
  external: boolean;
  /** "YYYY-MM-DD" the source published the figure, or null. */
  date: string | null;
  /** The date for the page's language, or the "date unknown" words. */
  dateText: string;
}

const shown = new WeakMap<object, Record<Lang, Map<string, Pick<SourceView, 'label' | 'href' | 'external'>>>>();

export function sourceRef(model: Pick<Model, 'document'>, lang: Lang, sourceId: string, date: string | null): SourceView {
  const dateText = date ? formatDate(date, lang) : t(lang, 'noDate');
  // Remembered per documents map, language and source: a page shows a few sources many times.
  let byLang = shown.get(model.document);
  if (!byLang) shown.set(model.document, (byLang = { vi: new Map(), en: new Map() }));
  let s = byLang[lang].get(sourceId);
  if (!s) byLang[lang].set(sourceId, (s = shownSource(model, lang, sourceId)));
  return { id: sourceId, label: s.label, href: s.href, external: s.external, date, dateText };
}

function shownSource(model: Pick<Model, 'document'>, lang: Lang, sourceId: string): Pick<SourceView, 'label' | 'href' | 'external'> {
  const resolved = resolveSource(model, sourceId);
  if ('document' in resolved) {
    const d = resolved.document;
    const issuer = textIn(lang, d, 'issuer');
    const label = d.kind === 'bai_bao' || d.kind === 'trang_web' ? issuer : `${issuer} — ${d.id}`;
    return { label, href: href(lang, documentPath(d.id)), external: false };
  }
  const safe = isSafeUrl(resolved.url);
  return { label: safe ? new URL(resolved.url).hostname : resolved.url, href: safe ? resolved.url : null, external: safe };
}
