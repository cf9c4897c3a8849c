import { describe, expect, it } from 'vitest';
import { dueDate, parseDueText } from '../../../src/lib/data/task-due.ts';

describe('completion time as written → normalized form', () => {
  it.each([
    ['6/2025', '2025-06', 'none'],
    ['06/2025', '2025-06', 'none'],
    ['Tháng 5/2025', '2025-05', 'none'],
    ['2025', '2025', 'none'],
    ['Quý II/2025', '2025-Q2', 'none'],
    ['trong quý I năm 2026', '2026-Q1', 'none'],
    ['2025 - 2026', '2026', 'none'],
    ['2025-2026', '2026', 'none'],
    ['Thường xuyên', null, 'ongoing'],
    ['Nhiệm vụ thường xuyên', null, 'ongoing'],
    ['Hằng năm', null, 'yearly'],
    ['hằng năm', null, 'yearly'],
    ['2025 và những năm tiếp theo', '2025', 'ongoing'],
    ['trước ngày 13/10/2025', '2025-10-13', 'none'],
    ['hoàn thành trong năm 2025', '2025', 'none'],
    ['', null, 'none'],
  ])('"%s" → %s, %s', (text, period, recurrence) => {
    expect(parseDueText(text)).toEqual({ period, recurrence });
  });

  it('leaves a wording it does not know to the maintainer', () => {
    expect(parseDueText('hoàn thành trong tháng 12')).toBeUndefined();
    expect(parseDueText('13/2025')).toBeUndefined();
    expect(parseDueText('2026 - 2025')).toBeUndefined();
  });

  it('is due at the end of the period', () => {
    expect(dueDate('2025')).toBe('2025-12-31');
    expect(dueDate('2025-Q1')).toBe('2025-03-31');
    expect(dueDate('2025-Q2')).toBe('2025-06-30');
    expect(dueDate('2024-02')).toBe('2024-02-29');
    expect(dueDate('2025-02')).toBe('2025-02-28');
    expect(dueDate('2025-10-13')).toBe('2025-10-13');
    expect(dueDate(null)).toBeNull();
  });
});
