/**
 * Ranking bar chart: one bar per area, best first, bars from zero on a shared scale; reference lines
 * (national average, target); areas without a value listed apart, never drawn as zero. Ranks are the
 * model's (rankByValue in lib/model/indicators.ts), so the chart and the tables never disagree.
 */
import { scaleLinear } from 'd3-scale';
import { rankByValue } from '../model/indicators.ts';
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
  const ranked = rankByValue(
    input.rows,
    (r) => r.value,
    (r) => r.code,
    input.higherIsBetter,
  );
  const x0 = labelWidth;
  const x1 = input.width - valueWidth;
  const lo = Math.min(0, input.domain[0]);
  const x = scaleLinear().domain([lo, input.domain[1]]).range([x0, x1]);
  const bars: RankingBar[] = ranked.map(({ item, value, rank }, i) => ({
    code: item.code,
    name: item.name,
    value,
    rank,
    y: top + i * rowHeight,
    width: Math.max(0, x(value) - x0),
    highlight: item.code === input.highlight,
  }));
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
