/**
 * History of an indicator for one or more units: one line per unit (a former province is its own
 * series, never spliced into its successor), a gap where a value is missing, the target as a line,
 * and the straight trajectory from the latest value of the main series to the target at its deadline.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { dateToYear, periodToYear, round } from './time.ts';

export type SeriesKind = 'unit' | 'former' | 'national';

export interface HistorySeriesInput {
  key: string;
  label: string;
  kind: SeriesKind;
  points: readonly { period: string; value: number | null }[];
}

export interface HistoryInput {
  series: readonly HistorySeriesInput[];
  /** The series the trajectory starts from (default: the first). */
  main?: string;
  target?: { value: number; deadline: string; label: string } | null;
  domain: readonly [number, number];
  width: number;
}

export interface HistoryPoint {
  period: string;
  value: number;
  x: number;
  y: number;
}

export interface HistoryLine {
  key: string;
  label: string;
  kind: SeriesKind;
  /** Index into the series palette and marker shapes. */
  index: number;
  d: string;
  points: HistoryPoint[];
}

export interface HistoryLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { year: number; x: number }[];
  yTicks: { value: number; y: number }[];
  lines: HistoryLine[];
  target: { value: number; label: string; y: number; x: number } | null;
  trajectory: { x1: number; y1: number; x2: number; y2: number; perYear: number } | null;
  /**
   * Legend rows under the plot, one per series, the target and the steady path (a reference line, not
   * data: its words come from the renderer, which knows the rate): text says what colour shows.
   */
  legend: { key: string; label: string; kind: SeriesKind | 'target' | 'trajectory'; index: number; y: number }[];
}

export const HISTORY = { height: 240, legendRow: 16, left: 44, right: 16, top: 16, bottom: 28 } as const;

export function layoutHistory(input: HistoryInput): HistoryLayout {
  const { height: plotHeight, legendRow, left, right, top, bottom } = HISTORY;
  const plot = { left, right: input.width - right, top, bottom: plotHeight - bottom };
  const years = input.series.flatMap((s) => s.points.map((p) => periodToYear(p.period)));
  const targetYear = input.target ? dateToYear(input.target.deadline) : null;
  if (targetYear !== null) years.push(targetYear);
  const minYear = Math.floor(Math.min(...years));
  const maxYear = Math.ceil(Math.max(...years));
  const x = scaleLinear()
    .domain([minYear, Math.max(maxYear, minYear + 1)])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain([input.domain[0], input.domain[1]]).range([plot.bottom, plot.top]).nice();
  const path = line<{ x: number; y: number } | null>()
    .defined((p) => p !== null)
    .x((p) => p!.x)
    .y((p) => p!.y);

  const lines = input.series.map((s, index): HistoryLine => {
    const sorted = [...s.points].sort((a, b) => a.period.localeCompare(b.period));
    const placed = sorted.map((p) =>
      p.value === null ? null : { period: p.period, value: p.value, x: round(x(periodToYear(p.period))), y: round(y(p.value)) },
    );
    return {
      key: s.key,
      label: s.label,
      kind: s.kind,
      index,
      d: path(placed) ?? '',
      points: placed.filter((p): p is HistoryPoint => p !== null),
    };
  });

  const main = lines.find((l) => l.key === (input.main ?? lines[0]?.key));
  const last = main?.points.at(-1);
  let trajectory: HistoryLayout['trajectory'] = null;
  if (input.target && last && targetYear !== null && targetYear > periodToYear(last.period)) {
    const years = targetYear - periodToYear(last.period);
    trajectory = {
      x1: last.x,
      y1: last.y,
      x2: round(x(targetYear)),
      y2: round(y(input.target.value)),
      perYear: (input.target.value - last.value) / years,
    };
  }
  const legendCount = input.series.length + (input.target ? 1 : 0) + (trajectory ? 1 : 0);
  const height = plotHeight + legendCount * legendRow + 4;
  const yearStep = Math.max(1, Math.ceil((maxYear - minYear) / 6));
  const xTicks: HistoryLayout['xTicks'] = [];
  for (let yr = minYear; yr <= maxYear; yr += yearStep) xTicks.push({ year: yr, x: round(x(yr + 0.5)) });
  return {
    width: input.width,
    height,
    plot,
    xTicks: xTicks.filter((t) => t.x <= plot.right),
    yTicks: y.ticks(4).map((value) => ({ value, y: round(y(value)) })),
    lines,
    target: input.target
      ? { value: input.target.value, label: input.target.label, y: round(y(input.target.value)), x: round(x(targetYear!)) }
      : null,
    trajectory,
    legend: [
      ...lines.map((l) => ({ key: l.key, label: l.label, kind: l.kind, index: l.index })),
      ...(input.target ? [{ key: 'target', label: input.target.label, kind: 'target' as const, index: -1 }] : []),
      ...(trajectory ? [{ key: 'trajectory', label: '', kind: 'trajectory' as const, index: -1 }] : []),
    ].map((item, i) => ({ ...item, y: plotHeight + 4 + i * legendRow })),
  };
}
