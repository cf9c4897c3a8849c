import { describe, expect, it } from 'vitest';
import { formatLicence } from '../../../src/lib/format.ts';
import { statusRule, taskPage, tasksPage } from '../../../src/lib/view/task.ts';
import { fixtureModel } from './real-model.ts';

const model = fixtureModel('valid');

describe('statusRule: why a task has its derived status, from its reports and its deadline', () => {
  it('past the deadline: the last report and the date the sources were checked up to, never "overdue"', () => {
    expect(statusRule(model.task.get('t-databases')!, 'en')).toBe(
      'Past deadline 31 Dec 2025 — last report: Đang thực hiện (21 Oct 2025); no completion reported in the sources checked up to 21 Oct 2025',
    );
    expect(statusRule(model.task.get('t-databases')!, 'vi')).toBe(
      'Đã qua hạn 31/12/2025 — báo cáo gần nhất: Đang thực hiện (21/10/2025); chưa thấy báo cáo hoàn thành trong các nguồn đã rà soát đến 21/10/2025',
    );
  });
  it('"overdue" only as a report says it, with the report', () => {
    expect(statusRule(model.task.get('t-revised')!, 'en')).toBe('Overdue (reported by fixture-article, 21 Oct 2025)');
  });
});

describe('taskPage over the valid fixture', () => {
  it('a national task past its deadline: owner, area, document link, the rule and the reported status', () => {
    const v = taskPage(model, 't-databases', 'en');
    expect(v).toMatchObject({
      title: 'Complete the databases',
      status: 'past_deadline',
      owner: 'All ministries and sectors',
      area: 'National',
      document: { text: '57-NQ/TW', href: '/en/documents/57-nq-tw/' },
      deadline: { date: '2025-12-31', text: '31 Dec 2025' },
      reported: 'In progress',
    });
    expect(v.rule).toMatch(/^Past deadline 31 Dec 2025 — last report: /);
    expect(v.titleVi).toBe('Hoàn thiện cơ sở dữ liệu');
  });
  it('a commune task links its commune', () => {
    expect(taskPage(model, 't-commune', 'vi').area).toEqual({ text: 'Phường Ba Đình', href: '/communes/00004/' });
  });
});

describe('tasksPage', () => {
  it('lists every task with one filter per status present, or the tasks of one status', () => {
    const all = tasksPage(model, null, 'vi');
    expect(all.tasks).toHaveLength(5);
    expect(all.filters.map((f) => f.status)).toEqual(['overdue_reported', 'past_deadline', 'no_deadline', 'ongoing', 'done_on_time']);
    expect(JSON.parse(all.filterData!.labels).shown).toBe('nhiệm vụ đang hiển thị');
    const past = tasksPage(model, 'past_deadline', 'en');
    expect(past).toMatchObject({
      title: 'Tasks: Past deadline, no completion reported',
      path: '/tasks/status/past_deadline/',
      filterData: null,
    });
    expect(past.tasks.map((x) => x.id)).toEqual(['t-databases']);
  });
});

describe('formatLicence', () => {
  it('writes a Creative Commons SPDX id with spaces and leaves others as they are', () => {
    expect(formatLicence('CC-BY-4.0')).toBe('CC BY 4.0');
    expect(formatLicence('CC-BY-SA-4.0')).toBe('CC BY-SA 4.0');
    expect(formatLicence('MIT')).toBe('MIT');
  });
});
