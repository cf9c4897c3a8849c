import { describe, expect, it } from 'vitest';
import { matchesTaskFilter, type TaskFacets, type TaskFilter } from '../../../src/lib/task-filter.ts';
import { compareDueGroups, taskDueGroup, taskProgramme } from '../../../src/lib/model/tasks.ts';

const none: TaskFilter = { status: '', programme: '', due: '', agency: '', query: '' };
const row: TaskFacets = {
  status: 'past_deadline',
  programme: 'nq03-ii',
  due: '2025-q2',
  agencies: ['bo-khcn', 'bo-tc'],
  text: 'Xây dựng cơ sở dữ liệu quốc gia về đất đai — Bộ Khoa học và Công nghệ',
};

describe('matchesTaskFilter: the tracker script keeps a row when every chosen facet matches', () => {
  it('no choice keeps every row', () => {
    expect(matchesTaskFilter(row, none)).toBe(true);
  });
  it('each facet alone keeps its rows and drops the others', () => {
    expect(matchesTaskFilter(row, { ...none, status: 'past_deadline' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, status: 'in_progress' })).toBe(false);
    expect(matchesTaskFilter(row, { ...none, programme: 'nq03-ii' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, programme: 'nq03-i' })).toBe(false);
    expect(matchesTaskFilter(row, { ...none, due: '2025-q2' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, due: 'recurring' })).toBe(false);
  });
  it('an agency matches any of the bodies that carry the task today', () => {
    expect(matchesTaskFilter(row, { ...none, agency: 'bo-tc' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, agency: 'bo-tttt' })).toBe(false);
  });
  it('facets combine as AND', () => {
    expect(matchesTaskFilter(row, { ...none, programme: 'nq03-ii', agency: 'bo-khcn', due: '2025-q2' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, programme: 'nq03-ii', agency: 'bo-khcn', due: '2025-q3' })).toBe(false);
  });
  it('the text matches without diacritics (đ as d) and ignores case and surrounding blanks', () => {
    expect(matchesTaskFilter(row, { ...none, query: '  DAT DAI ' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, query: 'đất đai' })).toBe(true);
    expect(matchesTaskFilter(row, { ...none, query: 'y te' })).toBe(false);
  });
});

describe('the facets the server writes on each row', () => {
  it('programme: a section of 03/NQ-CP, 71/NQ-CP, or the seed articles', () => {
    expect(taskProgramme({ document_id: '03/NQ-CP', section: 'VII' })).toBe('nq03-vii');
    expect(taskProgramme({ document_id: '71/NQ-CP', section: null })).toBe('nq71');
    expect(taskProgramme({ document_id: 'bcd-chinh-phu-phien-hop-5-2025', section: null })).toBe('seeds');
    expect(taskProgramme({ document_id: '03/NQ-CP', section: 'IX' })).toBe('seeds');
  });
  it('deadline group: the quarter of the due date; standing tasks and undated ones apart', () => {
    expect(taskDueGroup({ deadline: '2025-06-30', recurrence: 'none' })).toBe('2025-q2');
    expect(taskDueGroup({ deadline: '2025-12-31', recurrence: 'none' })).toBe('2025-q4');
    expect(taskDueGroup({ deadline: '2026-01-31', recurrence: 'none' })).toBe('2026-q1');
    expect(taskDueGroup({ deadline: null, recurrence: 'ongoing' })).toBe('recurring');
    expect(taskDueGroup({ deadline: null, recurrence: 'yearly' })).toBe('recurring');
    expect(taskDueGroup({ deadline: null, recurrence: 'none' })).toBe('none');
    expect(['none', '2026-q1', 'recurring', '2025-q4'].sort(compareDueGroups)).toEqual(['2025-q4', '2026-q1', 'recurring', 'none']);
  });
});
