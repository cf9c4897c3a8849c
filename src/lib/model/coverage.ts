/**
 * Coverage of each indicator: which levels and periods have values, how many areas, and how old
 * the newest published value is relative to the as-of date. Pure.
 */
import type { IndicatorRow, ObservationRow } from '../../schemas/index.ts';

export interface LevelCoverage {
  periods: { period: string; withValue: number; missing: number }[];
}
export interface CoverageRow {
  indicator: IndicatorRow;
  levels: Record<'national' | 'province' | 'former_province' | 'commune', LevelCoverage>;
  newestPeriod: string | null;
  newestPublished: string | null;
  /** Days from newestPublished to asOf; null when no value has a publication date. */
  ageDays: number | null;
}

/**
 * `observationsOf` gives an indicator's observations (the model's byIndicator; any order: nothing
 * here depends on it), asked once per indicator so that only one indicator's rows are made at a time.
 */
export function computeCoverage(
  indicators: readonly IndicatorRow[],
  observationsOf: (indicatorId: string) => readonly ObservationRow[],
  provinces: number,
  formerProvinces: number,
  asOf: string,
): CoverageRow[] {
  const expected = { national: 1, province: provinces, former_province: formerProvinces, commune: 0 };
  return indicators.map((indicator) => {
    const obs = observationsOf(indicator.id);
    const levels = {} as CoverageRow['levels'];
    for (const level of ['national', 'province', 'former_province', 'commune'] as const) {
      const atLevel = obs.filter((o) => o.area_level === level);
      // Areas, not observations: two snapshots of one area in a period (the 766 index) count once.
      const counts = new Map<string, Set<string>>();
      for (const o of atLevel) {
        const areas = counts.get(o.period) ?? new Set<string>();
        if (o.value !== null) areas.add(o.area_code);
        counts.set(o.period, areas);
      }
      levels[level] = {
        periods: [...counts.keys()].sort().map((period) => {
          const withValue = counts.get(period)!.size;
          return { period, withValue, missing: Math.max(0, expected[level] - withValue) };
        }),
      };
    }
    const withValue = obs.filter((o) => o.value !== null);
    const newestPeriod = withValue.reduce<string | null>((m, o) => (m === null || o.period > m ? o.period : m), null);
    const newestPublished = withValue.reduce<string | null>(
      (m, o) => (o.published_on !== null && (m === null || o.published_on > m) ? o.published_on : m),
      null,
    );
    const ageDays =
      newestPublished === null
        ? null
        : Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${newestPublished}T00:00:00Z`)) / 86_400_000);
    return { indicator, levels, newestPeriod, newestPublished, ageDays };
  });
}
