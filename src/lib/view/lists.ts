/** The lists of indicators (/indicators/) and of documents (/documents/). */
import { formatDate } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { documentPath, href, indicatorPath, type Link } from './links.ts';

export interface IndicatorsPage {
  lang: Lang;
  description: string;
  /** Top-level indicators, each with its components; `count` is the number of values (gaps not counted). */
  items: { link: Link; note: string; children: { link: Link; count: number }[] }[];
}

export function indicatorsPage(model: Model, lang: Lang): IndicatorsPage {
  const count = (id: string) => model.byIndicator.countValues(id);
  return {
    lang,
    description: t(lang, 'indicatorsDescription'),
    items: model.tables.indicators
      .filter((i) => i.parent_id === null)
      .map((ind) => ({
        link: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
        note: `(${label(lang, ind.unit)}; ${count(ind.id)} ${t(lang, 'valuesWord')})`,
        children: (model.indicatorChildren.get(ind.id) ?? []).map((c) => ({
          link: { text: textIn(lang, c, 'name'), href: href(lang, indicatorPath(c.id)) },
          count: count(c.id),
        })),
      })),
  };
}

export interface DocumentsPage {
  lang: Lang;
  description: string;
  sections: { heading: string; rows: { link: Link; kind: string; issuer: string; issuedOn: string }[] }[];
}

/** Articles and web pages are sources of figures; every other kind directs or assigns. */
const isSource = (kind: string | null) => kind === 'bai_bao' || kind === 'trang_web';

export function documentsPage(model: Model, lang: Lang): DocumentsPage {
  const sorted = [...model.tables.documents].sort((a, b) => (b.issued_on ?? '').localeCompare(a.issued_on ?? ''));
  const row = (d: (typeof sorted)[number]) => ({
    link: { text: `${d.id.includes('/') ? `${d.id}: ` : ''}${textIn(lang, d, 'title')}`, href: href(lang, documentPath(d.id)) },
    kind: label(lang, d.kind),
    issuer: textIn(lang, d, 'issuer'),
    issuedOn: d.issued_on ? formatDate(d.issued_on, lang) : '—',
  });
  return {
    lang,
    description: t(lang, 'documentsDescription'),
    sections: [
      { heading: t(lang, 'documentsDirecting'), rows: sorted.filter((d) => !isSource(d.kind)).map(row) },
      { heading: t(lang, 'documentsSources'), rows: sorted.filter((d) => isSource(d.kind)).map(row) },
    ],
  };
}
