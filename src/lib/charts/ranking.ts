/**
 * Ranking bar chart: one bar per area, best first, bars from zero on a shared scale; reference lines
 * (national average, target); areas without a value listed apart, never drawn as zero.
 */
import { scaleLinear } from 'd3-scale';
import type { Reference } from './types.ts';

export interface RankingInput {
  rows: readonly { code: string; name: string; value: number | null }[];
  higherIsBetter: boolean;
  domain: readonly [number, number];
  references?: readonly Reference[];
  highlight?: string | null;
  width: number;
}

export interface RankingBar {
  code: string;
  name: string;
  value: number;
  /** 1 = best; ties share a rank (1, 2, 2, 4). */
  rank: number;
  y: number;
  width: number;
  highlight: boolean;
}

export interface RankingLayout {
  width: number;
  height: number;
  /** x of the zero line (left edge of bars) and of the plot's right edge. */
  x0: number;
  x1: number;
  top: number;
  barHeight: number;
  rowHeight: number;
  labelX: number;
  bars: RankingBar[];
  missing: { code: string; name: string }[];
  references: (Reference & { x: number })[];
  ticks: { value: number; x: number }[];
}

export const RANKING = { rowHeight: 18, barHeight: 13, labelWidth: 104, valueWidth: 52, top: 26, bottom: 22 } as const;

export function layoutRanking(input: RankingInput): RankingLayout {
  const { rowHeight, barHeight, labelWidth, valueWidth, top, bottom } = RANKING;
  const withValue = input.rows.filter((r): r is { code: string; name: string; value: number } => r.value !== null);
  const sorted = [...withValue].sort(
    (a, b) => (input.higherIsBetter ? b.value - a.value : a.value - b.value) || a.code.localeCompare(b.code),
  );
  const x0 = labelWidth;
  const x1 = input.width - valueWidth;
  const lo = Math.min(0, input.domain[0]);
  const x = scaleLinear().domain([lo, input.domain[1]]).range([x0, x1]);
  const bars: RankingBar[] = [];
  sorted.forEach((r, i) => {
    const prev = bars[i - 1];
    bars.push({
      code: r.code,
      name: r.name,
      value: r.value,
      rank: prev && prev.value === r.value ? prev.rank : i + 1,
      y: top + i * rowHeight,
      width: Math.max(0, x(r.value) - x0),
      highlight: r.code === input.highlight,
    });
  });
  return {
    width: input.width,
    height: top + bars.length * rowHeight + bottom,
    x0,
    x1,
    top,
    barHeight,
    rowHeight,
    labelX: x0 - 6,
    bars,
    missing: input.rows.filter((r) => r.value === null).map(({ code, name }) => ({ code, name })),
    references: (input.references ?? []).map((r) => ({ ...r, x: x(r.value) })),
    ticks: x.ticks(4).map((value) => ({ value, x: x(value) })),
  };
}
