/**
 * Rankings, latest values and gaps to targets: pure functions over observations.
 * A gap is never filled: an area without a value is listed as without a value.
 */
import type { IndicatorRow, ObservationRow, TargetRow } from '../../schemas/index.ts';

export interface Ranked {
  obs: ObservationRow;
  /** 1 = best; ties share a rank (1, 2, 2, 4). */
  rank: number;
}

/** Period strings sort in time order within one period type ("2024" < "2025"; "2025-Q1" < "2025-Q2"). */
export function latestPeriod(observations: readonly ObservationRow[]): string | null {
  let latest: string | null = null;
  for (const o of observations) if (o.value !== null && (latest === null || o.period! > latest)) latest = o.period;
  return latest;
}

export function rankObservations(observations: readonly ObservationRow[], higherIsBetter: boolean): Ranked[] {
  const withValue = observations.filter((o) => o.value !== null);
  const sorted = [...withValue].sort(
    (a, b) => (higherIsBetter ? b.value! - a.value! : a.value! - b.value!) || a.area_code!.localeCompare(b.area_code!),
  );
  const out: Ranked[] = [];
  sorted.forEach((obs, i) => {
    const prev = out[i - 1];
    out.push({ obs, rank: prev && prev.obs.value === obs.value ? prev.rank : i + 1 });
  });
  return out;
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

/** The series of one area for one indicator, oldest first; gaps (null values) kept as gaps. */
export function seriesOf(observations: readonly ObservationRow[]): ObservationRow[] {
  return [...observations].sort((a, b) => a.period!.localeCompare(b.period!));
}

export function isPercent(indicator: Pick<IndicatorRow, 'unit'>): boolean {
  return indicator.unit === 'percent';
}
