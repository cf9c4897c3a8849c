import { describe, expect, it } from 'vitest';
import { formatLicence } from '../../../src/lib/format.ts';
import { statusRule, taskPage, tasksPage } from '../../../src/lib/view/task.ts';
import { fixtureModel, realModel } from './real-model.ts';

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
    const past = tasksPage(model, { facet: 'status', key: 'past_deadline' }, 'en');
    expect(past).toMatchObject({
      title: 'Tasks: Past deadline, no completion reported',
      path: '/tasks/status/past_deadline/',
      filterData: null,
    });
    expect(past.tasks.map((x) => x.id)).toEqual(['t-databases']);
    expect(past.filters.find((f) => f.current)?.status).toBe('past_deadline');
  });
});

describe('tasksPage on the published data: the single filters a reader without JavaScript follows', () => {
  const real = realModel();
  it('one link per programme, with counts that add up to every task: 03/NQ-CP sections I–VII, 71/NQ-CP, the seed articles', () => {
    const v = tasksPage(real, null, 'vi');
    expect(v.programmes.map((p) => p.key)).toEqual([
      'nq03-i',
      'nq03-ii',
      'nq03-iii',
      'nq03-iv',
      'nq03-v',
      'nq03-vi',
      'nq03-vii',
      'nq71',
      'seeds',
    ]);
    expect(v.programmes[0]).toEqual({ key: 'nq03-i', text: '03/NQ-CP, mục I (13)', href: '/tasks/programme/nq03-i/', current: false });
    const total = (links: { text: string }[]) => links.reduce((n, l) => n + Number(/\((\d+)\)$/.exec(l.text)![1]), 0);
    expect(total(v.programmes)).toBe(real.tasks.length);
    expect(total(v.dues)).toBe(real.tasks.length);
    expect(total(v.filters)).toBe(real.tasks.length);
  });
  it('deadline groups are quarters oldest first, then standing tasks, then no deadline; a filter page holds exactly its tasks', () => {
    const v = tasksPage(real, { facet: 'due', key: '2025-q2' }, 'en');
    const keys = v.dues.map((d) => d.key);
    expect(keys.slice(-2)).toEqual(['recurring', 'none']);
    expect(keys.slice(0, -2)).toEqual([...keys.slice(0, -2)].sort());
    expect(v.title).toBe('Tasks: Due in Q2 2025');
    expect(v.path).toBe('/tasks/due/2025-q2/');
    expect(v.tasks.length).toBeGreaterThan(0);
    expect(v.tasks.every((x) => x.deadline! >= '2025-04-01' && x.deadline! <= '2025-06-30')).toBe(true);
    expect(v.filterData).toBeNull();
    const ongoing = tasksPage(real, { facet: 'due', key: 'recurring' }, 'en');
    expect(ongoing.tasks.every((x) => x.recurrence !== 'none' && x.computed !== 'past_deadline')).toBe(true);
  });
  it('the agency links go to the agency pages, with the count each carries today; rows name agencies by their position in that list', () => {
    const v = tasksPage(real, null, 'en');
    const most = v.agencies.find((a) => a.key === 'bo-khcn');
    expect(most).toEqual({
      key: 'bo-khcn',
      text: `Ministry of Science and Technology (${real.tasksByCurrentOwner.get('bo-khcn')!.length})`,
      href: '/en/agencies/bo-khcn/#tasks',
      current: false,
    });
    expect(v.agencies.some((a) => a.key === 'bo-tttt')).toBe(false);
    expect([...v.filterData!.agencyIndex.keys()]).toEqual(v.agencies.map((a) => a.key));
    expect(v.filterData!.agencyIndex.get('bo-khcn')).toBe(v.agencies.indexOf(most!));
  });
});

describe('formatLicence', () => {
  it('writes a Creative Commons SPDX id with spaces and leaves others as they are', () => {
    expect(formatLicence('CC-BY-4.0')).toBe('CC BY 4.0');
    expect(formatLicence('CC-BY-SA-4.0')).toBe('CC BY-SA 4.0');
    expect(formatLicence('MIT')).toBe('MIT');
  });
});

describe('taskPage on the published data: the assignment as written and the whole history of reports', () => {
  const real = realModel();
  it('a task of 71/NQ-CP shows its one report with the word as written, the result in words and the document that did it', () => {
    const v = taskPage(real, 'nq71-bc402-33', 'vi');
    expect(v.reportsNone).toBeNull();
    expect(v.reports).toHaveLength(1);
    expect(v.reports[0]).toMatchObject({
      reportedOn: '25/05/2025',
      describesOn: '24/05/2025',
      word: 'Hoàn thành',
      completedOn: '26/03/2025',
    });
    expect(v.reports[0]!.evidence).toContain('Nghị quyết số 66/NQ-CP');
    expect(v.reports[0]!.source.label).toContain('402-CV/VPĐU');
  });

  it('a revised task links to the task that revises it, and back', () => {
    expect(taskPage(real, 'nq71-bc402-01', 'en').revises?.href).toBe('/en/tasks/nq03-pl2-001/');
    expect(taskPage(real, 'nq03-pl2-001', 'en').revisedBy?.href).toBe('/en/tasks/nq71-bc402-01/');
    expect(taskPage(real, 'nq03-pl2-001', 'vi')).toMatchObject({
      dueAsWritten: '6/2025',
      expectedOutput: 'Quyết định của Thủ tướng Chính phủ',
    });
  });

  it('a task no report is about says so, with the date the sources were checked up to (not the as-of date)', () => {
    const v = taskPage(real, 'camau-ai-thi-diem', 'en');
    expect(v.reports).toEqual([]);
    expect(v.reportsNone).toBe('No progress report found in the sources checked up to 15 Nov 2025.');
  });

  it('an owner dissolved or merged is shown as written, and the body of today beside it', () => {
    const v = taskPage(real, 'nq03-pl2-001', 'vi');
    expect(v.owner).toBe('Bộ Thông tin và Truyền thông');
    expect(v.ownersNow).toEqual(['Bộ Khoa học và Công nghệ']);
  });
});
