import type { DocumentRow } from '../../schemas/index.ts';
import type { Lang } from '../format.ts';
import { textIn } from '../i18n/index.ts';

/**
 * How a document is named in lists: its number when it has one ("9521/VPCP-KGVX"); otherwise
 * (articles, pages, documents whose number is unknown) its issuer and title.
 */
export function documentLabel(doc: Pick<DocumentRow, 'id' | 'issuer' | 'issuer_en' | 'title_vi' | 'title_en'>, lang: Lang): string {
  if (doc.id.includes('/')) return doc.id;
  const title = textIn(lang, doc, 'title');
  const short = title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title;
  return `${lang === 'vi' ? doc.issuer : doc.issuer_en}: ${short}`;
}
