/** The status history of releases reads each release's tasks.csv through the tasks schema, never as bare text. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReleaseHistory, readTaskStatuses } from '../../../src/lib/release/history.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { editLine, treeWith, VALID_DIR } from '../data/helpers.ts';

describe('task statuses of a release', () => {
  it('computes each status from the typed row and the as-of date', () => {
    const statuses = readTaskStatuses(VALID_DIR);
    expect(statuses.get('t-centres')).toEqual({
      title: 'Equip commune-level public administration service centres',
      status: 'done_on_time',
    });
    // Deadline 2025-12-31, before the fixture's as-of date 2026-07-25, not done.
    expect(statuses.get('t-databases')?.status).toBe('overdue');
  });

  it('reads a release written under a contract with other columns', () => {
    const dir = treeWith({ 'tasks.csv': (text) => text.replace(/^id,/, 'priority,id,').replace(/\nt-/g, '\nhigh,t-') });
    expect(readTaskStatuses(dir).get('t-centres')?.status).toBe('done_on_time');
  });

  it('refuses a status it cannot read instead of dropping the task', () => {
    const dir = treeWith({ 'tasks.csv': editLine('t-databases', 'in_progress', 'ongoing') });
    expect(() => readTaskStatuses(dir)).toThrow(/line 3, status; not-allowed-value/);
  });

  it('lists the tasks whose computed status changed between two releases', () => {
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    writeFileSync(
      join(dir, 'tasks.csv'),
      editLine('t-databases', 'in_progress,', 'done,2026-01-05')(readFileSync(join(dir, 'tasks.csv'), 'utf8')),
    );
    cutRelease({ dataDir: dir, version: '1.1.0', notes: 'Second.', releasedOn: '2026-08-02' });
    const [, second] = buildReleaseHistory(dir);
    expect(second?.statusChanges).toEqual([{ id: 't-databases', title: 'Complete the databases', before: 'overdue', after: 'done_late' }]);
  });
});
