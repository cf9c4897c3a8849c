/** The status history of releases reads each release's tables through the schema of its contract, never as bare text. */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReleaseHistory, readTaskStatuses } from '../../../src/lib/release/history.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { editLine, treeWith, VALID_DIR } from '../data/helpers.ts';

describe('task statuses of a release', () => {
  it('derives each status from the typed rows, the reports and the as-of date', () => {
    const statuses = readTaskStatuses(VALID_DIR);
    expect(statuses.get('t-centres')).toEqual({
      title: 'Equip commune-level public administration service centres',
      status: 'done_on_time',
    });
    // Due 2025, before the fixture's as-of date; its last report says in progress: past deadline, never "overdue".
    expect(statuses.get('t-databases')?.status).toBe('past_deadline');
    expect(statuses.get('t-revised')?.status).toBe('overdue_reported');
  });

  it('reads release 1.0.0 through its own tasks schema: the status column as a claim of its as-of date', () => {
    const statuses = readTaskStatuses(join(import.meta.dirname, '../../../data/releases/1.0.0'));
    expect(statuses.size).toBe(24);
    expect(statuses.get('camau-ai-thi-diem')?.status).toBe('not_started');
  });

  it('reads a release written under a contract with other columns', () => {
    const dir = treeWith({ 'tasks.csv': (text) => text.replace(/^id,/, 'priority,id,').replace(/\nt-/g, '\nhigh,t-') });
    expect(readTaskStatuses(dir).get('t-centres')?.status).toBe('done_on_time');
  });

  it('refuses a status it cannot read instead of dropping the task', () => {
    const dir = treeWith({ 'progress_reports.csv': editLine('t-databases', ',in_progress,', ',ongoing,') });
    expect(() => readTaskStatuses(dir)).toThrow(/line 3, status; not-allowed-value/);
  });

  it('lists the tasks whose derived status changed between two releases', () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    appendFileSync(
      join(dir, 'progress_reports.csv'),
      't-databases,2026-01-06,2026-01-05,Hoàn thành,done,SYNTHETIC kết quả.,,2026-01-05,fixture-article,SYNTHETIC fixture row.\n',
    );
    cutRelease({ dataDir: dir, version: '1.1.0', notes: 'Second.', releasedOn: '2026-08-02' });
    const [, second] = buildReleaseHistory(dir);
    expect(second?.statusChanges).toEqual([
      { id: 't-databases', title: 'Complete the databases', before: 'past_deadline', after: 'done_late' },
    ]);
  });
});
