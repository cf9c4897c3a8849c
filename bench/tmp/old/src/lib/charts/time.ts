/**
 * Periods and dates as positions in time (fractional years, UTC), so that yearly, quarterly and
 * monthly values and day deadlines share one axis. A period is placed at its middle.
 */
export function periodToYear(period: string): number {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) + (Number(q[2]) - 0.5) / 4;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return Number(m[1]) + (Number(m[2]) - 0.5) / 12;
  if (/^\d{4}$/.test(period)) return Number(period) + 0.5;
  return dateToYear(period);
}

/** "2025-10-13" → 2025.78 (day of year over days in the year). */
export function dateToYear(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (end - start);
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
