/**
 * Completion times as the documents write them ("6/2025", "Quý II/2025", "Thường xuyên") and their
 * normalized form (docs/status-rules.md). Pure: used by the import, the validator and the model.
 */
import type { TaskRow } from '../../schemas/index.ts';

export type Recurrence = NonNullable<TaskRow['recurrence']>;

export interface NormalizedDue {
  /** YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; null for a standing task or when none is stated. */
  period: string | null;
  recurrence: Recurrence;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The normalized form of a completion time as written, or undefined when the wording is not one
 * this function knows (the maintainer then normalizes it by hand and the validator warns).
 * A range ("2025 - 2026") is due at the end of its last year; "2025 và những năm tiếp theo" is a
 * standing task from 2025.
 */
export function parseDueText(text: string | null): NormalizedDue | undefined {
  if (text === null || text.trim() === '') return { period: null, recurrence: 'none' };
  // "hoàn thành trong năm 2025", "triển khai ngay trong năm 2025": the verb does not change the period.
  const t = text
    .trim()
    .normalize('NFC')
    .replace(/^(?:phải )?(?:hoàn thành|triển khai)(?: ngay)? (?=trong |trước |đến )/iu, '');
  if (/^(nhiệm vụ )?thường xuyên$/i.test(t)) return { period: null, recurrence: 'ongoing' };
  if (/^hằng năm$|^hàng năm$/i.test(t)) return { period: null, recurrence: 'yearly' };
  let m = /^(\d{4}) và (những|các) năm tiếp theo$/i.exec(t);
  if (m) return { period: m[1]!, recurrence: 'ongoing' };
  m = /^(?:trong |đến |hết )?(?:năm )?(\d{4})$/i.exec(t);
  if (m) return { period: m[1]!, recurrence: 'none' };
  m = /^(\d{4})\s*-\s*(\d{4})$/.exec(t);
  if (m && m[2]! > m[1]!) return { period: m[2]!, recurrence: 'none' };
  m = /^(?:trong )?(?:tháng )?(\d{1,2})\/(\d{4})$/i.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { period: `${m[2]}-${pad(Number(m[1]))}`, recurrence: 'none' };
  m = /^(?:trong )?tháng (\d{1,2}) năm (\d{4})$/i.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { period: `${m[2]}-${pad(Number(m[1]))}`, recurrence: 'none' };
  m = /^(?:trong )?quý (I|II|III|IV)(?:\/| năm )(\d{4})$/i.exec(t);
  if (m) return { period: `${m[2]}-Q${ROMAN[m[1]!.toUpperCase()]}`, recurrence: 'none' };
  m = /^(?:trước |đến |chậm nhất )?(?:ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/i.exec(t);
  if (m) return { period: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`, recurrence: 'none' };
  return undefined;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The due date of a normalized period: the last day of the year, quarter or month, or the date itself. */
export function dueDate(period: string | null): string | null {
  if (period === null) return null;
  let m = /^(\d{4})$/.exec(period);
  if (m) return `${m[1]}-12-31`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const month = Number(m[2]) * 3;
    return `${m[1]}-${pad(month)}-${pad(lastDayOfMonth(Number(m[1]), month))}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}-${m[2]}-${pad(lastDayOfMonth(Number(m[1]), Number(m[2])))}`;
  return period;
}

/**
 * The deadline group of a task: the quarter its due date falls in (`2025-q2`), `recurring` for a
 * standing task (never due), `none` when no completion time is stated. Groups sort in this order:
 * quarters oldest first, then recurring, then none.
 */
export function taskDueGroup(task: { deadline: string | null; recurrence: TaskRow['recurrence'] }): string {
  if (task.recurrence !== 'none') return 'recurring';
  if (task.deadline === null) return 'none';
  const month = Number(task.deadline.slice(5, 7));
  return `${task.deadline.slice(0, 4)}-q${Math.ceil(month / 3)}`;
}

export function compareDueGroups(a: string, b: string): number {
  const rank = (g: string) => (g === 'recurring' ? 1 : g === 'none' ? 2 : 0);
  return rank(a) - rank(b) || a.localeCompare(b);
}
