/**
 * Values with their as-of dates. A live index (the Decision 766 index) or a year-to-date share is
 * read on a date: each reading is its own observation, with `as_of` (a day, or a month when the
 * source names no day). A value without `as_of` stands for its period as a whole. Pure.
 */
import type { ObservationRow } from '../../schemas/index.ts';

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date a value describes, to place it on a time axis: its as-of day; the last day of its as-of
 * month; otherwise the last day of its period (a year, quarter or month). A value is placed at the end
 * of what it describes, never earlier than its source allows.
 */
export function describedDate(o: Pick<ObservationRow, 'period' | 'as_of'>): string {
  const asOf = o.as_of;
  if (asOf !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) return asOf;
  if (asOf !== null && /^\d{4}-\d{2}$/.test(asOf))
    return `${asOf}-${pad(lastDayOfMonth(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))))}`;
  const p = o.period;
  const year = Number(p.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(p);
  if (q) {
    const month = Number(q[1]) * 3;
    return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
  }
  if (/^\d{4}-\d{2}$/.test(p)) return `${p}-${pad(lastDayOfMonth(year, Number(p.slice(5, 7))))}`;
  return `${year}-12-31`;
}

/**
 * Time order: by period, then by snapshot within the period; a value for the whole period comes after
 * the snapshots taken during it (it describes the period's end). Ties keep the input order.
 */
export function compareInTime(a: Pick<ObservationRow, 'period' | 'as_of'>, b: Pick<ObservationRow, 'period' | 'as_of'>): number {
  return a.period.localeCompare(b.period) || (a.as_of ?? '\uffff').localeCompare(b.as_of ?? '\uffff');
}

/** The observations with a value, oldest first. */
export function snapshotsInOrder<T extends Pick<ObservationRow, 'period' | 'as_of' | 'value'>>(rows: readonly T[]): T[] {
  return rows.filter((o) => o.value !== null).sort(compareInTime);
}

export interface LatestValue {
  obs: ObservationRow;
  /** The as-of date to show beside the value, or null when the value is for its whole period. */
  asOf: string | null;
  /** Other readings of the same period (older snapshots), newest first: shown as history, not hidden. */
  earlierInPeriod: ObservationRow[];
}

/** The newest value of a series (one indicator, one area), with its as-of date; null when no value exists. */
export function latestValue(rows: readonly ObservationRow[]): LatestValue | null {
  const ordered = snapshotsInOrder(rows);
  const obs = ordered.at(-1);
  if (!obs) return null;
  const earlierInPeriod = ordered
    .slice(0, -1)
    .filter((o) => o.period === obs.period)
    .reverse();
  return { obs, asOf: obs.as_of, earlierInPeriod };
}
