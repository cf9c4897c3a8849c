/**
 * Task timeline: one row per task, from assignment to completion (or to the as-of date while open),
 * with the deadline marked. Colour follows the computed status and is always repeated in words.
 */
import { scaleLinear } from 'd3-scale';
import type { ComputedStatus } from '../model/tasks.ts';
import { CATEGORICAL } from './colour.ts';
import { dateToYear, round } from './time.ts';

export const STATUS_COLOUR: Record<ComputedStatus, string> = {
  done_on_time: CATEGORICAL.green,
  done_late: CATEGORICAL.orange,
  done: CATEGORICAL.green,
  overdue_reported: CATEGORICAL.vermillion,
  past_deadline: CATEGORICAL.vermillion,
  due_soon: CATEGORICAL.purple,
  in_progress: CATEGORICAL.blue,
  not_started: CATEGORICAL.sky,
  not_yet_due: CATEGORICAL.sky,
  no_deadline: CATEGORICAL.grey,
  ongoing: CATEGORICAL.blue,
  cancelled: CATEGORICAL.grey,
  revised: CATEGORICAL.grey,
};

export interface TimelineTask {
  id: string;
  label: string;
  assigned: string | null;
  deadline: string | null;
  completed: string | null;
  status: ComputedStatus;
}

export interface TimelineRow extends TimelineTask {
  y: number;
  /** Start of the bar (assignment), or null when the assignment date is unknown. */
  x1: number | null;
  /** End of the bar: completion, or the as-of date for an open task. */
  x2: number;
  deadlineX: number | null;
  colour: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  asOfX: number;
  ticks: { label: string; x: number }[];
  rows: TimelineRow[];
}

export const TIMELINE = { rowHeight: 26, top: 24, bottom: 8, left: 8, right: 12 } as const;

export function layoutTimeline(input: { tasks: readonly TimelineTask[]; asOf: string; width: number }): TimelineLayout {
  const { rowHeight, top, bottom, left, right } = TIMELINE;
  const dates = input.tasks.flatMap((t) => [t.assigned, t.deadline, t.completed]).filter((d): d is string => d !== null);
  dates.push(input.asOf);
  const years = dates.map(dateToYear);
  const from = Math.min(...years);
  const to = Math.max(...years);
  const pad = Math.max((to - from) * 0.04, 1 / 24);
  const x = scaleLinear()
    .domain([from - pad, to + pad])
    .range([left, input.width - right]);
  const sorted = [...input.tasks].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id.localeCompare(b.id));
  const rows = sorted.map((t, i): TimelineRow => ({
    ...t,
    y: top + i * rowHeight,
    x1: t.assigned ? round(x(dateToYear(t.assigned))) : null,
    x2: round(x(dateToYear(t.completed ?? input.asOf))),
    deadlineX: t.deadline ? round(x(dateToYear(t.deadline))) : null,
    colour: STATUS_COLOUR[t.status],
  }));
  // Ticks on quarters when the span is short, else on years.
  const ticks: TimelineLayout['ticks'] = [];
  const quarterly = to - from < 3;
  for (let yr = Math.floor(from - pad); yr <= Math.ceil(to + pad); yr++) {
    for (let q = 0; q < (quarterly ? 4 : 1); q++) {
      const at = yr + q / 4;
      if (at >= from - pad && at <= to + pad)
        ticks.push({ label: quarterly ? `${q === 0 ? yr : `Q${q + 1}`}` : String(yr), x: round(x(at)) });
    }
  }
  return {
    width: input.width,
    height: top + rows.length * rowHeight + bottom,
    plot: { left, right: input.width - right, top, bottom: top + rows.length * rowHeight },
    rowHeight,
    asOfX: round(x(dateToYear(input.asOf))),
    ticks,
    rows,
  };
}
