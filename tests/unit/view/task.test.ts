import { describe, expect, it } from 'vitest';
import { formatLicence } from '../../../src/lib/format.ts';
import { DUE_SOON_DAYS } from '../../../src/lib/model/tasks.ts';
import { statusRule, taskPage, tasksPage } from '../../../src/lib/view/task.ts';
import { fixtureModel } from './real-model.ts';

const model = fixtureModel('valid');

describe('statusRule: the words of a status, its numbers from the model', () => {
  it('counts the days past the deadline as of the dataset date, in the plural the language needs', () => {
    expect(statusRule({ computed: 'overdue', deadline: '2026-07-24' }, '2026-07-25', 'en')).toBe(
      '1 day past the deadline as of 25 Jul 2026, with no completion reported.',
    );
    expect(statusRule({ computed: 'overdue', deadline: '2026-07-20' }, '2026-07-25', 'en')).toBe(
      '5 days past the deadline as of 25 Jul 2026, with no completion reported.',
    );
    expect(statusRule({ computed: 'due_soon', deadline: '2026-08-04' }, '2026-07-25', 'vi')).toBe(
      'Còn 10 ngày đến hạn, tính đến 25/07/2026.',
    );
  });
  it('takes the due-soon window from DUE_SOON_DAYS', () => {
    expect(statusRule({ computed: 'in_progress', deadline: '2027-01-01' }, '2026-07-25', 'en')).toBe(
      `In progress, deadline more than ${DUE_SOON_DAYS} days away.`,
    );
  });
});

describe('taskPage over the valid fixture', () => {
  it('an overdue national task: owner, area, document link and the rule with its days', () => {
    const v = taskPage(model, 't-databases', 'en');
    expect(v).toMatchObject({
      title: 'Complete the databases',
      status: 'overdue',
      owner: 'Ministries, sectors',
      area: 'National',
      document: { text: '57-NQ/TW', href: '/en/documents/57-nq-tw/' },
    });
    expect(v.rule).toMatch(/^\d+ days past the deadline as of /);
    expect(v.titleVi).toBe('Hoàn thiện cơ sở dữ liệu');
  });
  it('a commune task links its commune', () => {
    expect(taskPage(model, 't-commune', 'vi').area).toEqual({ text: 'Phường Ba Đình', href: '/communes/00004/' });
  });
});

describe('tasksPage', () => {
  it('lists every task with one filter per status present, or the tasks of one status', () => {
    const all = tasksPage(model, null, 'vi');
    expect(all.tasks).toHaveLength(3);
    expect(all.filters.map((f) => f.status)).toEqual(['overdue', 'no_deadline', 'done_on_time']);
    expect(JSON.parse(all.filterData!.labels).shown).toBe('nhiệm vụ đang hiển thị');
    const overdue = tasksPage(model, 'overdue', 'en');
    expect(overdue).toMatchObject({ title: 'Tasks: Overdue', path: '/tasks/status/overdue/', filterData: null });
    expect(overdue.tasks.map((x) => x.id)).toEqual(['t-databases']);
  });
});

describe('formatLicence', () => {
  it('writes a Creative Commons SPDX id with spaces and leaves others as they are', () => {
    expect(formatLicence('CC-BY-4.0')).toBe('CC BY 4.0');
    expect(formatLicence('CC-BY-SA-4.0')).toBe('CC BY-SA 4.0');
    expect(formatLicence('MIT')).toBe('MIT');
  });
});
