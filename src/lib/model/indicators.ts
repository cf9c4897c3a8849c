/**
 * Rankings, latest values and gaps to targets: pure functions over observations.
 * A gap is never filled: an area without a value is listed as without a value.
 */
import type { ObservationRow, TargetRow } from '../../schemas/index.ts';

export interface Ranked {
  obs: ObservationRow;
  /** 1 = best; ties share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Period strings sort in time order within one period type ("2024" < "2025"; "2025-Q1" < "2025-Q2"). */
export function latestPeriod(observations: readonly ObservationRow[]): string | null {
  let latest: string | null = null;
  for (const o of observations) if (o.value !== null && (latest === null || o.period > latest)) latest = o.period;
  return latest;
}

export interface RankedItem<T> {
  item: T;
  value: number;
  /** 1 = best; ties share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * The one ranking rule of the site (the tables of the model and the ranking chart): competition
 * ranking, best value first (the highest when `higherIsBetter`); equal values share the rank of the
 * first of them and the next rank skips (1, 2, 2, 4); equal values are listed by `key`, so the order
 * never depends on the input's. Items without a value are left out, never ranked as zero.
 */
export function rankByValue<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  key: (item: T) => string,
  higherIsBetter: boolean,
): RankedItem<T>[] {
  const withValue: { item: T; value: number }[] = [];
  for (const item of items) {
    const v = value(item);
    if (v !== null) withValue.push({ item, value: v });
  }
  withValue.sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value) || key(a.item).localeCompare(key(b.item)));
  const out: RankedItem<T>[] = [];
  withValue.forEach((entry, i) => {
    const prev = out[i - 1];
    out.push({ ...entry, rank: prev && prev.value === entry.value ? prev.rank : i + 1 });
  });
  return out;
}

/** Observations of one indicator and period ranked by {@link rankByValue}, ties listed by area code. */
export function rankObservations(observations: readonly ObservationRow[], higherIsBetter: boolean): Ranked[] {
  return rankByValue(
    observations,
    (o) => o.value,
    (o) => o.area_code,
    higherIsBetter,
  ).map(({ item, rank }) => ({ obs: item, rank }));
}

export type TargetGap = { kind: 'met'; value: number } | { kind: 'gap'; value: number; gap: number } | { kind: 'not_comparable' };

/**
 * How far a value is from a target. `gap` is the amount still to go, in the indicator's unit
 * (positive); a met target returns 'met'. Qualitative targets cannot be compared.
 */
export function gapToTarget(value: number, target: Pick<TargetRow, 'comparator' | 'value' | 'value_max'>): TargetGap {
  const t = target.value;
  if (t === null || target.comparator === 'qualitative') return { kind: 'not_comparable' };
  switch (target.comparator) {
    case '>=':
      return value >= t ? { kind: 'met', value } : { kind: 'gap', value, gap: t - value };
    case '>':
      return value > t ? { kind: 'met', value } : { kind: 'gap', value, gap: t - value };
    case '<=':
      return value <= t ? { kind: 'met', value } : { kind: 'gap', value, gap: value - t };
    case '<':
      return value < t ? { kind: 'met', value } : { kind: 'gap', value, gap: value - t };
    case '=':
      return value === t ? { kind: 'met', value } : { kind: 'gap', value, gap: Math.abs(t - value) };
    case 'between': {
      const max = target.value_max ?? t;
      if (value >= t && value <= max) return { kind: 'met', value };
      return { kind: 'gap', value, gap: value < t ? t - value : value - max };
    }
    default:
      return { kind: 'not_comparable' };
  }
}
