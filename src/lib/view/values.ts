/**
 * The latest value of a series and the rank of an area: one rule each, used by every page.
 *
 * Gap rule: a gap (an observation whose value is empty) is never the latest value. The latest value
 * of a series is its newest observation that has a value; a series of gaps only has none (a page may
 * still list such a series, as a gap, but never takes an older or a filled-in number for it).
 */
import { formatNumber, formatPeriod, formatTick, type ValueFormat } from '../format.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { areaKey, crossKey, seriesKey } from '../model/keys.ts';
import { rankObservations } from '../model/indicators.ts';
import { compareInTime } from '../model/snapshots.ts';
import type { IndicatorRow, ObservationRow } from '../../schemas/index.ts';

/** An observation known to have a value. */
export type ValuedObservation = ObservationRow & { value: number };

function hasValue(o: ObservationRow): o is ValuedObservation {
  return o.value !== null;
}

/**
 * The newest observation with a value of a series, in time order (period, then snapshot date: a
 * value for the whole period comes after the snapshots taken during it); null when there is none.
 */
export function latestValue(series: readonly ObservationRow[]): ValuedObservation | null {
  const j = latestIndex(
    series.length,
    (i) => hasValue(series[i]!),
    (i) => series[i]!,
  );
  return j < 0 ? null : (series[j] as ValuedObservation);
}

/**
 * latestValue's rule on a series of `length` observations read through `valued` and `time` (a series
 * read from the model's columns, without making its rows): the index of the newest with a value, or −1.
 */
export function latestIndex(
  length: number,
  valued: (i: number) => boolean,
  time: (i: number) => Pick<ObservationRow, 'period' | 'as_of'>,
): number {
  // The last of snapshotsInOrder's stable sort, in one pass without copies: the latest in time order,
  // the later in the series among equals. A page asks this of every series it lists.
  let latest = -1;
  for (let i = 0; i < length; i++) if (valued(i) && (latest < 0 || compareInTime(time(i), time(latest)) >= 0)) latest = i;
  return latest;
}

/** A snapshot date beside a value: "tính đến 29/08/2025" / "as of 29 Aug 2025"; a month when the source names no day. */
export function asOfText(asOf: string, lang: Lang): string {
  return t(lang, 'snapshotAsOf', { date: formatPeriod(asOf, lang) });
}

/** The series of one indicator for one area, oldest period first (empty when there is none). */
export function seriesOf(model: Pick<Model, 'series'>, indicatorId: string, level: string, code: string): ObservationRow[] {
  return model.series.get(seriesKey(indicatorId, level, code)) ?? [];
}

/** The series of one area, by indicator id (the arrays of seriesOf); empty when the area has none. */
export function seriesOfArea(model: Pick<Model, 'seriesByArea'>, level: string, code: string): ReadonlyMap<string, ObservationRow[]> {
  return model.seriesByArea.get(areaKey(level, code)) ?? NO_SERIES;
}
const NO_SERIES: ReadonlyMap<string, ObservationRow[]> = new Map();

/** The latest value of one indicator for one area, by the gap rule above. */
export function latestOf(model: Pick<Model, 'series'>, indicatorId: string, level: string, code: string): ValuedObservation | null {
  return latestValue(seriesOf(model, indicatorId, level, code));
}

export interface RankAmong {
  /** 1 = best; ties share a rank. */
  rank: number;
  /** How many areas of the level have a value in that period. */
  of: number;
}

/**
 * The rank of an area among the areas of its level in one period (areas without a value are not
 * ranked and not counted). Null when the area has no value, or when the indicator is itself a rank
 * (ranking a rank would restate it).
 */
export function rankAmong(
  model: Pick<Model, 'cross'>,
  indicator: Pick<IndicatorRow, 'id' | 'unit' | 'higher_is_better'>,
  level: string,
  period: string,
  code: string,
): RankAmong | null {
  if (indicator.unit === 'rank') return null;
  const cross = model.cross.get(crossKey(indicator.id, level, period)) ?? [];
  const ranked = rankObservations(cross, indicator.higher_is_better);
  const mine = ranked.find((r) => r.obs.area_code === code);
  return mine ? { rank: mine.rank, of: ranked.length } : null;
}

/**
 * The gap between a value and its target, in the indicator's unit. A gap between two shares is a
 * difference of percentage points ("40,02 điểm %"), not a per cent of anything; other units as a tick.
 */
export function formatGap(gap: number, indicator: Pick<ValueFormat, 'unit'>, lang: Lang): string {
  return indicator.unit === 'percent' ? t(lang, 'percentagePoints', { value: formatNumber(gap, lang) }) : formatTick(gap, indicator, lang);
}
