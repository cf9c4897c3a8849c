/**
 * Numbers and dates for a page's language. vi: 0,8241 and 21/10/2025; en: 0.8241 and 21 Oct 2025.
 * Dates are "YYYY-MM-DD" strings and are formatted in UTC so no machine time zone shifts them.
 */
export type Lang = 'vi' | 'en';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

// Intl formatters are costly to create (and hold native memory): one per language and option set.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang, decimals: number | undefined): Intl.NumberFormat {
  const key = `${lang}|${decimals ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    numberFormats.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  }
  return format;
}

function dateFormat(key: 'day' | 'month'): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      key === 'day'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
        : { month: 'short', year: 'numeric', timeZone: 'UTC' };
    dateFormats.set(key, (format = new Intl.DateTimeFormat('en-GB', options)));
  }
  return format;
}

export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  return numberFormat(lang, decimals).format(value);
}

const dates = new Map<string, string>();

/** Remembered per language: a build formats the same few hundred dates many thousand times. */
export function formatDate(isoDate: string, lang: Lang): string {
  const key = `${lang}|${isoDate}`;
  let text = dates.get(key);
  if (text === undefined) {
    text = formatDateUncached(isoDate, lang);
    if (dates.size < 100_000) dates.set(key, text);
  }
  return text;
}

function formatDateUncached(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (lang === 'vi') {
    return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  }
  return dateFormat('day').format(date);
}

/** "2025" → "2025"; a snapshot day "2025-08-29" as a date; "2025-Q3" → "Q3/2025" (vi) or "Q3 2025" (en); "2025-10" → "10/2025" or "Oct 2025". */
export function formatPeriod(period: string, lang: Lang): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatDate(period, lang);
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'vi' ? `Quý ${q[2]}/${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    if (lang === 'vi') return `${m[2]}/${m[1]}`;
    return dateFormat('month').format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  }
  return period;
}

let periodTexts: Record<Lang, Map<string, string>> | undefined;

/**
 * formatPeriod, remembered per language, for the pages' view models: a commune's page and its files
 * format the same few periods hundreds of times (an English month goes through Intl each time). The
 * chart island formats the few periods it draws with formatPeriod itself.
 */
export function formatPeriodOf(period: string, lang: Lang): string {
  const known = (periodTexts ??= { vi: new Map(), en: new Map() })[lang];
  let text = known.get(period);
  if (text === undefined) {
    text = formatPeriod(period, lang);
    if (known.size < 100_000) known.set(period, text);
  }
  return text;
}

/**
 * A licence's SPDX identifier as people write it: "CC-BY-4.0" → "CC BY 4.0", "CC-BY-SA-4.0" →
 * "CC BY-SA 4.0" (Creative Commons' own spelling); any other identifier ("MIT", "ODbL-1.0") as it is.
 */
export function formatLicence(spdx: string): string {
  const cc = /^CC-([A-Z]+(?:-[A-Z]+)*)-(\d\.\d)$/.exec(spdx);
  return cc ? `CC ${cc[1]} ${cc[2]}` : spdx;
}

/** What formatValue needs of an indicator. */
export interface ValueFormat {
  unit: string | null;
  decimals: number | null;
}

/** A value in its indicator's unit: "0,8241", "50,00%", ranks and counts whole; `noData` for a gap. */
export function formatValue(value: number | null, indicator: ValueFormat, lang: Lang, noData: string): string {
  if (value === null) return noData;
  if (indicator.unit === 'rank' || indicator.unit === 'count') return formatNumber(value, lang, 0);
  return `${formatNumber(value, lang, indicator.decimals ?? undefined)}${indicator.unit === 'percent' ? '%' : ''}`;
}

/** An axis tick in an indicator's unit, without padding zeros ("0,2", "50%"). */
export function formatTick(value: number, indicator: Pick<ValueFormat, 'unit'>, lang: Lang): string {
  return `${formatNumber(value, lang)}${indicator.unit === 'percent' ? '%' : ''}`;
}

/** A target's comparator as a person reads it: ">=" → "≥", "<=" → "≤" ("between" and "qualitative" are worded by the page). */
export function formatComparator(comparator: string): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator;
}
