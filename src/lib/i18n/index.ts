/**
 * One translation system for the UI in Vietnamese (default, at the site root) and English (under /en/):
 * `t(lang, key, params?)` for every UI string, with parameters and plurals; `label(lang, code)` for
 * the label of a code value (a type, a status, a unit, a method) through the same dictionaries;
 * `textIn(lang, row, field)` for a data field kept in both languages. Dictionaries: vi.ts (reference), en.ts.
 */
import { formatNumber, type Lang } from '../format.ts';
import { en } from './en.ts';
import type { Dictionary, ParamArgs, PlainKey, StringKey } from './types.ts';
import { vi } from './vi.ts';

export type { Lang };
export type { PlainKey, StringKey };
export const LANGS: readonly Lang[] = ['vi', 'en'];

const DICTIONARIES: Record<Lang, Dictionary> = { vi, en };
const pluralRules: Record<Lang, Intl.PluralRules> = { vi: new Intl.PluralRules('vi'), en: new Intl.PluralRules('en-GB') };

/**
 * The UI string `key` in `lang`, its `{name}` parameters filled in: a number is formatted for the
 * language (formatNumber), a string is inserted as it is.
 */
export function t<K extends StringKey>(lang: Lang, key: K, ...[params]: ParamArgs<K>): string {
  const message = DICTIONARIES[lang][key];
  const values = params as Record<string, string | number> | undefined;
  const template =
    typeof message === 'string' ? message : message[pluralRules[lang].select(Number(values?.['count'])) === 'one' ? 'one' : 'other'];
  if (values === undefined) return template;
  // The template split once at its `{name}`s: literal text at even places, names at odd ones.
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    const value = values[name];
    out += `${value === undefined ? `{${name}}` : typeof value === 'number' ? formatNumber(value, lang) : value}${parts[i + 1] ?? ''}`;
  }
  return out;
}

const templateParts = new Map<string, string[]>();

/** "/provinces/01/" → "/provinces/01/" (vi) or "/en/provinces/01/" (en). */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === 'vi' ? clean : `/en${clean}`;
}

/** The route param for a language in `[...locale]` routes: undefined for the root (vi). */
export function localeParam(lang: Lang): string | undefined {
  return lang === 'vi' ? undefined : 'en';
}

export function langOf(param: string | undefined): Lang {
  return param === 'en' ? 'en' : 'vi';
}

/**
 * getStaticPaths helper: one path per language for each item. An item's `cacheKey` (src/lib/view/page-keys.ts)
 * goes to both languages' paths: it lets Astro's incremental build copy the page from the previous build.
 */
export function pathsForLangs<P extends Record<string, string>, T extends Record<string, unknown>>(
  items: readonly { params: P; props: T; cacheKey?: string }[],
) {
  return LANGS.flatMap((lang) =>
    items.map(({ params, props, cacheKey }) => ({
      params: { ...params, locale: localeParam(lang) },
      props: { ...props, lang },
      ...(cacheKey === undefined ? {} : { cacheKey }),
    })),
  );
}

/** Label of a code value (type, status, unit, method, kind, level) in a language; the code itself if it has none. */
export function label(lang: Lang, value: string | null): string {
  if (value === null) return '';
  const key = `code.${value}`;
  return isKey(key) ? t(lang, key as CodeKey) : value;
}

type CodeKey = Extract<StringKey, `code.${string}`>;

function isKey(key: string): key is StringKey {
  return Object.hasOwn(vi, key);
}

/**
 * A data field kept in both languages, for `lang`: `name` reads `name_vi` or `name_en`; a field whose
 * Vietnamese column has no suffix (`issuer`, `owner`) reads `issuer` or `issuer_en`. Data, not UI text.
 */
export function textIn<F extends string, R extends { readonly [P in `${F}_en`]?: string | null | undefined }>(
  lang: Lang,
  row: R,
  field: F,
): string {
  const record = row as unknown as Record<string, string | null | undefined>;
  const value = lang === 'en' ? record[`${field}_en`] : `${field}_vi` in record ? record[`${field}_vi`] : record[field];
  return value ?? '';
}
