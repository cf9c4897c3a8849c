/**
 * Numbers and dates for a page's language. vi: 0,8241 and 21/10/2025; en: 0.8241 and 21 Oct 2025.
 * Dates are "YYYY-MM-DD" strings and are formatted in UTC so no machine time zone shifts them.
 */
export type Lang = 'vi' | 'en';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  const options: Intl.NumberFormatOptions =
    decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat(LOCALES[lang], options).format(value);
}

export function formatPercent(value: number, lang: Lang, decimals = 2): string {
  return `${formatNumber(value, lang, decimals)}%`;
}

export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (lang === 'vi') {
    return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  }
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2025" → "2025"; "2025-Q3" → "Q3/2025" (vi) or "Q3 2025" (en); "2025-10" → "10/2025" or "Oct 2025". */
export function formatPeriod(period: string, lang: Lang): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return lang === 'vi' ? `Quý ${q[2]}/${q[1]}` : `Q${q[2]} ${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    if (lang === 'vi') return `${m[2]}/${m[1]}`;
    return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  }
  return period;
}
