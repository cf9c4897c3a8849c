/**
 * "Report a problem with this figure/task": two plain links, prefilled the same way. One opens a
 * new GitHub issue with the correction form (.github/ISSUE_TEMPLATE/data-correction.yml; GitHub
 * fills a form field from the query parameter named by the field's id), the other an e-mail
 * (mailto:, RFC 6068) to the project's address in dataset.json for readers without GitHub.
 * Nothing is requested until the reader follows a link. Both stay under MAX_URL_LENGTH: browsers,
 * mail clients and GitHub refuse or cut longer URLs (GitHub answers 414 above about 8 KB).
 */
import { t, type Lang } from '../i18n/index.ts';
import type { CellRef } from './cite.ts';

/** The template's file name and the ids of its fields (keep in step with data-correction.yml). */
export const CORRECTION_TEMPLATE = 'data-correction.yml';
export const CORRECTION_FIELDS = ['page', 'file', 'key', 'column', 'wrong', 'source'] as const;

/** Longest URL a link may have, in characters, with a margin under the ~8 KB limits. */
export const MAX_URL_LENGTH = 7500;
/** Longest text one field keeps before it is cut with "…" (a quote or a long value). */
const MAX_FIELD = 1000;

export interface ReportInput extends CellRef {
  /** The absolute URL of the page the reader is on. */
  page: string;
  /** A short name of the figure or task, for the issue title and the mail subject. */
  what: string;
}

export interface ReportLinks {
  github: string | null;
  mailto: string | null;
}

/** `text` cut to `max` code points (never inside a surrogate pair), with "…" when cut. */
export function clip(text: string, max: number): string {
  const points = Array.from(text.normalize('NFC'));
  return points.length <= max ? points.join('') : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Builds a URL from `make(limit)`, lowering the field limit until it fits MAX_URL_LENGTH. */
function fitted(make: (limit: number) => string): string {
  for (let limit = MAX_FIELD; limit > 20; limit = Math.floor(limit / 2)) {
    const url = make(limit);
    if (url.length <= MAX_URL_LENGTH) return url;
  }
  // Only a page URL near 2 000 characters gets here; a cut URL would break its percent-escapes.
  return make(20);
}

const fields = (r: ReportInput, limit: number): Record<(typeof CORRECTION_FIELDS)[number], string> => ({
  page: clip(r.page, 2000),
  file: r.file,
  key: clip(r.key, limit),
  column: r.column,
  wrong: clip(r.value, limit),
  source: clip(r.source, limit),
});

/** https://github.com/{owner}/{repo}/issues/new?template=data-correction.yml&title=…&page=…, or null without a repository. */
export function githubIssueUrl(repository: string | undefined, lang: Lang, r: ReportInput): string | null {
  if (!repository) return null;
  const base = `${repository.replace(/\/$/, '')}/issues/new`;
  return fitted((limit) => {
    const q = new URLSearchParams({ template: CORRECTION_TEMPLATE, title: clip(t(lang, 'report.issueTitle', { what: r.what }), 200) });
    for (const [k, v] of Object.entries(fields(r, limit))) if (v) q.set(k, v);
    // URLSearchParams writes a space as "+", which GitHub reads as a space in the form fields.
    return `${base}?${q.toString()}`;
  });
}

/** The e-mail body: one line per field, labelled in the page's language, then a line for the correction. */
export function mailBody(lang: Lang, r: ReportInput, limit = MAX_FIELD): string {
  const f = fields(r, limit);
  return [
    `${t(lang, 'report.field.page')}: ${f.page}`,
    `${t(lang, 'report.field.file')}: ${f.file}`,
    `${t(lang, 'report.field.key')}: ${f.key}`,
    `${t(lang, 'report.field.column')}: ${f.column}`,
    `${t(lang, 'report.field.wrong')}: ${f.wrong}`,
    `${t(lang, 'report.field.source')}: ${f.source}`,
    '',
    `${t(lang, 'report.field.correct')}: `,
    '',
  ].join('\r\n');
}

/**
 * mailto:{address}?subject=…&body=… with every character outside RFC 3986's unreserved set
 * percent-encoded as UTF-8 (a space is %20, never "+", which mail clients keep; a line break %0D%0A).
 */
export function mailtoUrl(email: string | undefined, lang: Lang, r: ReportInput): string | null {
  if (!email) return null;
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return fitted(
    (limit) =>
      `mailto:${email}?subject=${enc(clip(t(lang, 'report.issueTitle', { what: r.what }), 200))}&body=${enc(mailBody(lang, r, limit))}`,
  );
}

export function reportLinks(
  meta: { repository?: string | undefined; contact_email?: string | undefined },
  lang: Lang,
  r: ReportInput,
): ReportLinks {
  return { github: githubIssueUrl(meta.repository, lang, r), mailto: mailtoUrl(meta.contact_email, lang, r) };
}
