/**
 * The status a reader sees, computed at build time from the reported status, the dates and the
 * dataset's as-of date (never the clock). Rules: docs/status-rules.md.
 */
import type { TaskRow } from '../../schemas/index.ts';

export const COMPUTED_STATUSES = [
  'overdue',
  'due_soon',
  'in_progress',
  'not_started',
  'no_deadline',
  'done_on_time',
  'done_late',
  'done',
  'cancelled',
] as const;
export type ComputedStatus = (typeof COMPUTED_STATUSES)[number];

/** Days before a deadline when an unfinished task counts as due soon. */
export const DUE_SOON_DAYS = 30;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function computeTaskStatus(
  task: Pick<TaskRow, 'status' | 'deadline' | 'completed_on'>,
  asOf: string,
  dueSoonDays = DUE_SOON_DAYS,
): ComputedStatus {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.status === 'done') {
    if (task.completed_on === null || task.deadline === null) return 'done';
    return task.completed_on <= task.deadline ? 'done_on_time' : 'done_late';
  }
  if (task.deadline === null) return 'no_deadline';
  if (task.deadline < asOf) return 'overdue';
  if (daysBetween(asOf, task.deadline) <= dueSoonDays) return 'due_soon';
  return task.status === 'in_progress' ? 'in_progress' : 'not_started';
}

/** Days past the deadline (positive) or left before it (negative), as of `asOf`; null without a deadline. */
export function daysOverdue(task: Pick<TaskRow, 'deadline'>, asOf: string): number | null {
  return task.deadline === null ? null : daysBetween(task.deadline, asOf);
}
