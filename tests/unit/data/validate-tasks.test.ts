import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { editLine, flat, treeWith } from './helpers.ts';

type Case = [intent: string, changes: Parameters<typeof treeWith>[0], expected: ReturnType<typeof flat>];

const REPORTS = 'progress_reports.csv';
const AGENCY_REPORTS = 'agency_reports.csv';
const appendReport = (row: string) => (t: string) => `${t}${row}\n`;

/** One defect each, in the valid fixture tree (tests/fixtures/valid). */
const cases: Case[] = [
  [
    'a report about a task that does not exist',
    { [REPORTS]: appendReport('t-nowhere,2025-10-22,2025-10-22,Đang thực hiện,in_progress,,,,fixture-article,') },
    [[REPORTS, 5, 'task_id', 'unknown-reference']],
  ],
  [
    'a report dated after the as-of date',
    { [REPORTS]: appendReport('t-commune,2026-08-01,2026-07-20,Đang thực hiện,in_progress,,,,fixture-article,') },
    [[REPORTS, 5, 'reported_on', 'date-after-as-of']],
  ],
  [
    'a report older than the task it is about',
    { [REPORTS]: editLine('t-centres', '2025-10-21,2025-10-20', '2025-10-01,2025-10-01') },
    [[REPORTS, 2, 'reported_on', 'report-before-assigned']],
  ],
  [
    'reports of one task out of date order',
    { [REPORTS]: appendReport('t-databases,2025-09-01,2025-09-01,Đang thực hiện,in_progress,,,,fixture-article,') },
    [[REPORTS, 5, 'reported_on', 'report-out-of-order']],
  ],
  [
    'a done report without evidence',
    { [REPORTS]: editLine('t-centres', 'Các trung tâm đã đi vào hoạt động.', '') },
    [[REPORTS, 2, 'evidence_vi', 'done-without-evidence']],
  ],
  [
    'a done report without source',
    { [REPORTS]: editLine('t-centres', ',fixture-article,', ',,') },
    [[REPORTS, 2, 'source_id', 'missing-value']],
  ],
  [
    'a status word outside the vocabulary',
    { [REPORTS]: editLine('t-databases', 'Đang thực hiện', 'Cơ bản hoàn thành') },
    [[REPORTS, 3, 'status_word', 'unknown-status-word']],
  ],
  [
    'a normalized status that does not follow the word',
    { [REPORTS]: editLine('t-revised', 'overdue_reported', 'in_progress') },
    [[REPORTS, 4, 'status', 'status-word-mismatch']],
  ],
  [
    'a normalized status outside the list',
    { [REPORTS]: editLine('t-databases', 'in_progress', 'ongoing') },
    [[REPORTS, 3, 'status', 'not-allowed-value']],
  ],
  [
    'a completion date on a report that is not done',
    { [REPORTS]: editLine('t-databases', 'in_progress,,,', 'in_progress,,,2025-10-01') },
    [[REPORTS, 3, 'completed_on', 'completed-without-done']],
  ],
  [
    'a report describing a date after its own',
    { [REPORTS]: editLine('t-centres', '2025-10-21,2025-10-20', '2025-10-21,2025-10-25') },
    [[REPORTS, 2, 'describes_on', 'describes-after-reported']],
  ],
  [
    'a normalized deadline that does not match the text',
    { 'tasks.csv': editLine('t-centres', '13/10/2025,2025-10-13', '13/10/2025,2025-10') },
    [['tasks.csv', 2, 'due_period', 'due-period-mismatch']],
  ],
  [
    'a standing task given a single deadline',
    { 'tasks.csv': editLine('t-ongoing', 'Thường xuyên,,ongoing', 'Thường xuyên,2025,none') },
    [['tasks.csv', 5, 'due_period', 'due-period-mismatch']],
  ],
  [
    'a due date that is not in the calendar',
    { 'tasks.csv': editLine('t-centres', '13/10/2025,2025-10-13', '31/02/2025,2025-02-31') },
    [['tasks.csv', 2, 'due_period', 'invalid-date']],
  ],
  [
    'a completion time the validator cannot read (warning)',
    { 'tasks.csv': editLine('t-databases', ',2025,2025,', ',cuối năm,2025,') },
    [['tasks.csv', 3, 'due_text', 'due-text-unrecognized']],
  ],
  [
    'an owner not in agencies',
    { 'tasks.csv': editLine('t-databases', 'cac-bo-nganh', 'cac-bo-nganh;bo-khong-co') },
    [['tasks.csv', 3, 'owner_ids', 'unknown-agency']],
  ],
  [
    'a task revising a task that does not exist',
    { 'tasks.csv': editLine('t-revised', ',t-databases,', ',t-nowhere,') },
    [['tasks.csv', 6, 'revises', 'unknown-reference']],
  ],
  [
    'a task revising itself',
    { 'tasks.csv': editLine('t-revised', ',t-databases,', ',t-revised,') },
    [['tasks.csv', 6, 'revises', 'revises-itself']],
  ],
  [
    'a succession cycle',
    { 'agency_successions.csv': appendReport('bo-khcn,bo-tttt,2025-04-01,,fixture-article,') },
    [['agency_successions.csv', 4, 'successor_id', 'succession-cycle']],
  ],
  [
    'a body that succeeds itself',
    { 'agency_successions.csv': appendReport('bo-khcn,bo-khcn,2025-04-01,,fixture-article,') },
    [['agency_successions.csv', 4, 'successor_id', 'succession-cycle']],
  ],
  [
    'a succession to an unknown body',
    { 'agency_successions.csv': editLine('bo-tttt', 'bo-khcn', 'bo-moi') },
    [['agency_successions.csv', 2, 'successor_id', 'unknown-reference']],
  ],
  [
    'a body in a current and a former province',
    { 'agencies.csv': editLine('ubnd-bac-lieu', ',,95,', ',96,95,') },
    [['agencies.csv', 3, 'former_province_code', 'agency-two-provinces']],
  ],
  [
    'a reported count with no date at all',
    { [AGENCY_REPORTS]: editLine('bo-khcn', '2025-07-31,2025-10-21', ',') },
    [[AGENCY_REPORTS, 2, 'as_of', 'agency-report-undated']],
  ],
  [
    'a reported count describing a date after its source',
    { [AGENCY_REPORTS]: editLine('bo-khcn', '2025-07-31,2025-10-21', '2025-11-30,2025-10-21') },
    [[AGENCY_REPORTS, 2, 'as_of', 'describes-after-reported']],
  ],
  [
    'a reported count whose source is dated after the as-of date',
    { [AGENCY_REPORTS]: editLine('bo-khcn', '2025-07-31,2025-10-21', ',2026-08-01') },
    [[AGENCY_REPORTS, 2, 'published_on', 'date-after-as-of']],
  ],
  [
    'a reported count about an unknown body',
    { [AGENCY_REPORTS]: editLine('bo-khcn', 'bo-khcn,', 'bo-moi,') },
    [[AGENCY_REPORTS, 2, 'agency_id', 'unknown-reference']],
  ],
  [
    'a reported count with a measure outside the vocabulary',
    { [AGENCY_REPORTS]: editLine('bo-khcn', 'unfinished_late_tasks', 'overdue_tasks') },
    [[AGENCY_REPORTS, 2, 'measure', 'not-allowed-value']],
  ],
  [
    'a reported count with an unknown source',
    { [AGENCY_REPORTS]: editLine('bo-khcn', 'fixture-article', 'no-such-document') },
    [[AGENCY_REPORTS, 2, 'source_id', 'unknown-source']],
  ],
];

describe('rules of tasks, progress reports and agencies', () => {
  it('accepts the valid fixture', () => {
    expect(flat(validateDataset(treeWith({})).issues)).toEqual([]);
  });

  it.each(cases)('%s', (_intent, changes, expected) => {
    expect(flat(validateDataset(treeWith(changes)).issues)).toEqual(expected);
  });

  it('reports every problem at once and writes nothing', () => {
    const changes = {
      [REPORTS]: (t: string) =>
        appendReport('t-nowhere,2025-10-22,2025-10-22,Đang thực hiện,in_progress,,,,fixture-article,')(
          editLine(
            't-databases',
            'Đang thực hiện',
            'Cơ bản hoàn thành',
          )(editLine('t-centres', 'Các trung tâm đã đi vào hoạt động.', '')(t)),
        ),
      'tasks.csv': editLine('t-databases', 'cac-bo-nganh', 'bo-khong-co'),
      'agency_successions.csv': appendReport('bo-khcn,bo-tttt,2025-04-01,,fixture-article,'),
    };
    const dir = treeWith(changes);
    const bytes = () =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.csv') || f.endsWith('.json'))
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
    const files = bytes();
    const before = validateDataset(dir);
    expect(flat(before.issues)).toEqual([
      ['agency_successions.csv', 4, 'successor_id', 'succession-cycle'],
      [REPORTS, 2, 'evidence_vi', 'done-without-evidence'],
      [REPORTS, 3, 'status_word', 'unknown-status-word'],
      [REPORTS, 5, 'task_id', 'unknown-reference'],
      ['tasks.csv', 3, 'owner_ids', 'unknown-agency'],
    ]);
    expect(before.valid).toBe(false);
    expect(bytes()).toEqual(files);
  });
});
