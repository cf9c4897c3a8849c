/**
 * Progress towards a numeric target: the published values over time, the gap that remains, and the
 * steady path from the first value to the target at its deadline (a straight line: where the value
 * would be if it moved at an even pace). Nothing is projected beyond the last published value; the
 * path is a reference line, not a forecast. Pure.
 */
import type { ObservationRow, TargetRow } from '../../schemas/index.ts';
import { gapToTarget, type TargetGap } from './indicators.ts';
import { describedDate, snapshotsInOrder } from './snapshots.ts';

export interface ProgressPoint {
  /** The date the value describes (see describedDate). */
  date: string;
  value: number;
  obs: ObservationRow;
}

export interface TargetProgress {
  target: TargetRow;
  points: ProgressPoint[];
  latest: ProgressPoint | null;
  gap: TargetGap | null;
  /** The straight line from the first value to the target value at the deadline; null without a value. */
  path: { from: { date: string; value: number }; to: { date: string; value: number } } | null;
  /** Where the steady path stands at the latest value's date; null with fewer than two dates. */
  pathAtLatest: number | null;
  /** Whether the latest value is at or beyond the steady path (in the target's direction); null when unknown. */
  onPath: boolean | null;
  /** Change per year needed from the latest value to reach the target by the deadline; null when met or past. */
  neededPerYear: number | null;
  /** Change per year between the first and the latest value; null with fewer than two dates. */
  observedPerYear: number | null;
}

const YEAR_MS = 365.25 * 86_400_000;
const years = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / YEAR_MS;

/** The value a target's comparator aims at: its value (the lower end for "between"). */
function aim(target: Pick<TargetRow, 'comparator' | 'value'>): number | null {
  return target.comparator === 'qualitative' ? null : target.value;
}

/**
 * Progress of a target from the observations of its indicator. Only the target's scope is read:
 * national values for a national target, the province's own values for a provincial one.
 */
export function targetProgress(target: TargetRow, rows: readonly ObservationRow[]): TargetProgress {
  const inScope = rows.filter((o) =>
    target.scope === 'national' ? o.area_level === 'national' : o.area_level === 'province' && o.area_code === target.scope,
  );
  const points = snapshotsInOrder(inScope).map((obs) => ({ date: describedDate(obs), value: obs.value!, obs }));
  const latest = points.at(-1) ?? null;
  const goal = aim(target);
  const empty = {
    target,
    points,
    latest,
    gap: null,
    path: null,
    pathAtLatest: null,
    onPath: null,
    neededPerYear: null,
    observedPerYear: null,
  };
  if (latest === null || goal === null) return { ...empty, gap: latest === null ? null : gapToTarget(latest.value, target) };
  const first = points[0]!;
  const gap = gapToTarget(latest.value, target);
  const path = { from: { date: first.date, value: first.value }, to: { date: target.deadline!, value: goal } };
  const span = years(first.date, target.deadline!);
  const elapsed = years(first.date, latest.date);
  const twoDates = elapsed > 0;
  const pathAtLatest = twoDates && span > 0 ? first.value + ((goal - first.value) * elapsed) / span : null;
  const upward = target.comparator === '>=' || target.comparator === '>' || (target.comparator === 'between' && first.value < goal);
  const onPath = pathAtLatest === null ? null : upward ? latest.value >= pathAtLatest : latest.value <= pathAtLatest;
  const remaining = years(latest.date, target.deadline!);
  const neededPerYear = gap.kind === 'gap' && remaining > 0 ? (goal - latest.value) / remaining : null;
  const observedPerYear = twoDates ? (latest.value - first.value) / elapsed : null;
  return { target, points, latest, gap, path, pathAtLatest, onPath, neededPerYear, observedPerYear };
}
