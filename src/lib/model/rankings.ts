/**
 * Rankings as the sources publish them: most give the top N, or one province's rank. A rank is
 * never computed for a unit the sources do not rank, and never inferred from a partial list of
 * scores: the unknown ranks stay unknown, listed apart, and the summary says which ranks are known
 * ("ranks 1–5 of 34 published; the others are not in the sources"). Pure.
 */
import type { ObservationRow } from '../../schemas/index.ts';

export interface KnownRank {
  code: string;
  rank: number;
  obs: ObservationRow;
}

export interface PartialRanking {
  /** Units with a published rank, best first (ties keep the published order of codes). */
  known: KnownRank[];
  /** Units of the level without a published rank: shown as "not in the sources", never placed. */
  unknown: string[];
  /** Number of units ranked by the edition (34, 63), from rank_of; null when the rows disagree or lack it. */
  of: number | null;
  /** The known ranks as ranges, e.g. [[1, 5], [8, 8], [16, 16]]. */
  ranges: [number, number][];
  /** True when every unit of the level has a rank (then the ranking is complete). */
  complete: boolean;
}

/** Consecutive runs of sorted distinct ranks: [1,2,3,5] → [[1,3],[5,5]]. */
export function rankRanges(ranks: readonly number[]): [number, number][] {
  const sorted = [...new Set(ranks)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * The published ranks of one rank indicator at one level in one period (one snapshot), against the
 * units of that level. `rows` are observations of the rank indicator; rows without a value are unknown.
 */
export function partialRanking(rows: readonly ObservationRow[], unitCodes: readonly string[]): PartialRanking {
  const byCode = new Map<string, ObservationRow>();
  for (const o of rows) if (o.value !== null && o.area_code !== null) byCode.set(o.area_code, o);
  const known: KnownRank[] = [...byCode.entries()]
    .map(([code, obs]) => ({ code, rank: obs.value!, obs }))
    .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  const unknown = unitCodes.filter((c) => !byCode.has(c));
  const scopes = new Set(known.map((k) => k.obs.rank_of));
  const only = scopes.size === 1 ? [...scopes][0]! : null;
  return {
    known,
    unknown,
    of: only ?? null,
    ranges: rankRanges(known.map((k) => k.rank)),
    complete: unknown.length === 0 && known.length > 0,
  };
}

/** "1–5, 8, 16": the known ranks written as ranges (en dash). */
export function formatRankRanges(ranges: readonly [number, number][]): string {
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
}

/**
 * Whether ranks may be drawn from scores: only when every unit of the level has a score in that
 * period. Ranking a partial list of scores would give a province ranked 24th by its source a rank
 * of about 13 among the 16 scores known.
 */
export function scoresRankable(rows: readonly ObservationRow[], unitCount: number): boolean {
  const withValue = new Set(rows.filter((o) => o.value !== null).map((o) => o.area_code));
  return unitCount > 0 && withValue.size >= unitCount;
}
