import { describe, expect, it } from 'vitest';
import {
  daysOverdue,
  deriveTaskStatus,
  describeTaskStatus,
  latestReport,
  provinceReason,
  scorecard,
  successorsOn,
  type StatusInput,
} from '../../../src/lib/model/tasks.ts';

const AS_OF = '2025-11-01';
const CHECKED = '2025-10-15';
type Status = 'done' | 'in_progress' | 'overdue_reported' | 'not_started' | 'cancelled';
const report = (status: Status, reported_on: string, completed_on: string | null = null) => ({
  reported_on,
  describes_on: reported_on,
  status,
  status_word: {
    done: 'Hoàn thành',
    in_progress: 'Đang thực hiện',
    overdue_reported: 'Quá hạn',
    not_started: 'Chưa thực hiện',
    cancelled: 'Dừng thực hiện',
  }[status],
  completed_on,
  source_id: 'report-doc',
});
const task = (
  due_period: string | null,
  reports: StatusInput['reports'] = [],
  recurrence: 'none' | 'ongoing' | 'yearly' = 'none',
  revisedBy: string | null = null,
): StatusInput => ({ due_period, recurrence, reports, revisedBy });

describe('derived task status (as of 2025-11-01, due soon = 30 days)', () => {
  it.each([
    ['done before the due date', task('2025-10', [report('done', '2025-10-20', '2025-10-10')]), 'done_on_time'],
    ['done on the last day of the period', task('2025-10', [report('done', '2025-10-31', '2025-10-31')]), 'done_on_time'],
    ['done after the due date', task('2025-Q3', [report('done', '2025-10-20', '2025-10-02')]), 'done_late'],
    ['done, completion date not reported', task('2025-06', [report('done', '2025-05-25')]), 'done'],
    ['cancelled, even past its due date', task('2025-01', [report('cancelled', '2025-03-01')]), 'cancelled'],
    ['reported overdue by its report', task('2025-03', [report('overdue_reported', '2025-05-25')]), 'overdue_reported'],
    ['no report, due date passed', task('2025-10-31'), 'past_deadline'],
    ['in progress reported before a due date now passed', task('2025-05', [report('in_progress', '2025-05-25')]), 'past_deadline'],
    ['no report, due today', task('2025-11-01'), 'due_soon'],
    ['no report, due in 30 days', task('2025-12-01'), 'due_soon'],
    ['no report, due in 31 days', task('2025-12-02'), 'not_yet_due'],
    ['in progress, due date ahead', task('2026', [report('in_progress', '2025-09-01')]), 'in_progress'],
    ['not started as reported, due date ahead', task('2026', [report('not_started', '2025-09-01')]), 'not_started'],
    ['no report, no deadline', task(null), 'no_deadline'],
    ['a standing task is never past its deadline', task('2024', [], 'ongoing'), 'ongoing'],
    ['a yearly task', task(null, [report('in_progress', '2025-05-25')], 'yearly'), 'ongoing'],
    ['a revised task without its own report', task('2025-06', [], 'none', 'later-task'), 'revised'],
    [
      'a revised task keeps its own done report',
      task('2025-06', [report('done', '2025-05-25', '2025-05-01')], 'none', 'later-task'),
      'done_on_time',
    ],
  ] as const)('%s → %s', (_name, t, expected) => {
    expect(deriveTaskStatus(t, AS_OF, CHECKED).kind).toBe(expected);
  });

  it('rests on the latest report on or before the as-of date, not on one made after it', () => {
    const reports = [
      report('in_progress', '2025-05-25'),
      report('done', '2025-12-01', '2025-11-20'),
      report('overdue_reported', '2025-08-01'),
    ];
    expect(latestReport(reports, AS_OF)!.reported_on).toBe('2025-08-01');
    expect(deriveTaskStatus(task('2026', reports), AS_OF).kind).toBe('overdue_reported');
    expect(deriveTaskStatus(task('2026', reports), '2025-12-31').kind).toBe('done_on_time');
  });

  it('says what is known, with the date the sources were checked up to (never the clock)', () => {
    expect(describeTaskStatus(deriveTaskStatus(task('2025-06'), AS_OF, CHECKED), 'en')).toBe(
      'Past deadline 30 Jun 2025 — no completion reported in the sources checked up to 15 Oct 2025',
    );
    expect(
      describeTaskStatus(
        deriveTaskStatus(task('2025-03', [report('overdue_reported', '2025-05-24')]), AS_OF, CHECKED),
        'en',
        () => 'the draft report',
      ),
    ).toBe('Overdue (reported by the draft report, 24 May 2025)');
    expect(describeTaskStatus(deriveTaskStatus(task('2025-06', [report('done', '2025-05-25')]), AS_OF, CHECKED), 'vi')).toMatch(
      /^Hoàn thành \(không nêu ngày hoàn thành/,
    );
    expect(describeTaskStatus(deriveTaskStatus(task(null, [], 'ongoing'), AS_OF, CHECKED), 'vi')).toBe(
      'Thực hiện thường xuyên — không thấy báo cáo tiến độ trong các nguồn đã rà soát đến 15/10/2025',
    );
  });

  it('counts days past the due date against the as-of date', () => {
    expect(daysOverdue({ deadline: '2025-10-13' }, AS_OF)).toBe(19);
    expect(daysOverdue({ deadline: '2025-12-01' }, AS_OF)).toBe(-30);
    expect(daysOverdue({ deadline: null }, AS_OF)).toBeNull();
  });
});

describe('agencies: successions and scorecards', () => {
  const successions = [
    { agency_id: 'bo-tttt', successor_id: 'bo-khcn', effective_on: '2025-03-01' },
    { agency_id: 'travinh-ubnd', successor_id: 'vinhlong-ubnd', effective_on: '2025-07-01' },
    { agency_id: 'a', successor_id: 'b', effective_on: '2025-01-01' },
    { agency_id: 'b', successor_id: 'a', effective_on: '2025-01-01' },
  ];
  it("reaches today's body only through a succession in force on the date", () => {
    expect(successorsOn('bo-tttt', successions, '2025-02-28')).toEqual(['bo-tttt']);
    expect(successorsOn('bo-tttt', successions, '2025-03-01')).toEqual(['bo-khcn']);
    expect(successorsOn('bo-khcn', successions, '2026-01-01')).toEqual(['bo-khcn']);
    expect(successorsOn('travinh-ubnd', successions, '2026-07-25')).toEqual(['vinhlong-ubnd']);
  });
  it('stops on a cycle instead of looping (the validator reports it)', () => {
    expect(successorsOn('a', successions, '2025-06-01')).toEqual([]);
  });
  it('counts facts, no score', () => {
    const card = scorecard([
      'done_on_time',
      'done_late',
      'done',
      'overdue_reported',
      'past_deadline',
      'past_deadline',
      'ongoing',
      'due_soon',
      'not_yet_due',
      'in_progress',
    ]);
    expect(card).toMatchObject({
      total: 10,
      done_on_time: 1,
      done_late: 1,
      done_date_not_reported: 1,
      overdue_reported: 1,
      past_deadline_without_completion: 2,
      ongoing: 1,
      not_yet_due: 2,
      in_progress: 1,
    });
  });
});

describe('which tasks apply to a province', () => {
  const agency = new Map([
    ['cac-bo-nganh-dia-phuong', { kind: 'all_ministries_and_localities' as const, province_code: null, former_province_code: null }],
    ['cac-dia-phuong', { kind: 'all_localities' as const, province_code: null, former_province_code: null }],
    ['bo-khcn', { kind: 'ministry' as const, province_code: null, former_province_code: null }],
    ['camau-so-khcn', { kind: 'provincial_body' as const, province_code: '96', former_province_code: null }],
    ['travinh-ubnd', { kind: 'provincial_body' as const, province_code: null, former_province_code: '84' }],
  ]);
  const formers = new Map([
    ['84', '86'],
    ['96', '96'],
  ]);
  const national = (ownerIds: string[], co_owners: string | null = null) => ({
    area_level: 'national' as const,
    area_code: null,
    co_owners,
    ownerIds,
  });
  it.each([
    [
      'addressed to the province by its area',
      { area_level: 'province' as const, area_code: '96', co_owners: null, ownerIds: ['camau-so-khcn'] },
      '96',
      'addressed',
    ],
    [
      'a body of a former province merged into it',
      { area_level: 'province' as const, area_code: null, co_owners: null, ownerIds: ['travinh-ubnd'] },
      '86',
      'addressed',
    ],
    ['"Các bộ, ngành, địa phương" as lead', national(['cac-bo-nganh-dia-phuong']), '01', 'every_locality'],
    ['"Các địa phương" among the leads', national(['bo-khcn', 'cac-dia-phuong']), '01', 'every_locality'],
    [
      'every locality among the co-ordinating agencies',
      national(['bo-khcn'], 'Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV'),
      '01',
      'coordinating_every_locality',
    ],
    ['a ministry alone', national(['bo-khcn'], 'Bộ Tài chính'), '01', null],
    [
      "another province's task",
      { area_level: 'province' as const, area_code: '96', co_owners: null, ownerIds: ['camau-so-khcn'] },
      '86',
      null,
    ],
  ])('%s', (_name, t, code, expected) => {
    expect(provinceReason(t, code, agency, formers)).toBe(expected);
  });
});
