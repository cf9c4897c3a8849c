import { describe, expect, it } from 'vitest';
import { computeTaskStatus, daysOverdue } from '../../../src/lib/model/tasks.ts';

const AS_OF = '2025-11-01';
const task = (
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled',
  deadline: string | null,
  completed_on: string | null = null,
) => ({ status, deadline, completed_on });

describe('computed task status (as of 2025-11-01, due soon = 30 days)', () => {
  it.each([
    ['done before the deadline', task('done', '2025-10-13', '2025-10-10'), 'done_on_time'],
    ['done on the deadline day', task('done', '2025-10-13', '2025-10-13'), 'done_on_time'],
    ['done after the deadline', task('done', '2025-10-13', '2025-10-20'), 'done_late'],
    ['done without a date', task('done', '2025-10-13'), 'done'],
    ['done without a deadline', task('done', null, '2025-10-13'), 'done'],
    ['cancelled, even past its deadline', task('cancelled', '2025-01-01'), 'cancelled'],
    ['not done, deadline passed', task('in_progress', '2025-10-31'), 'overdue'],
    ['not done, deadline today', task('not_started', '2025-11-01'), 'due_soon'],
    ['not done, deadline in 30 days', task('not_started', '2025-12-01'), 'due_soon'],
    ['not done, deadline in 31 days', task('not_started', '2025-12-02'), 'not_started'],
    ['in progress, deadline far', task('in_progress', '2026-03-31'), 'in_progress'],
    ['no deadline', task('in_progress', null), 'no_deadline'],
  ] as const)('%s → %s', (_name, t, expected) => {
    expect(computeTaskStatus(t, AS_OF)).toBe(expected);
  });

  it('counts days past the deadline against the as-of date, not the clock', () => {
    expect(daysOverdue({ deadline: '2025-10-13' }, AS_OF)).toBe(19);
    expect(daysOverdue({ deadline: '2025-12-01' }, AS_OF)).toBe(-30);
    expect(daysOverdue({ deadline: null }, AS_OF)).toBeNull();
  });
});
