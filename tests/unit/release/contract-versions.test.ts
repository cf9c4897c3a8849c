import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../src/schemas/index.ts';
import { diffTable } from '../../../src/lib/release/diff.ts';
import { tablesOf } from '../../../src/lib/release/tables.ts';

const DATA = join(import.meta.dirname, '../../../data');

describe('releases keep the contract of their day', () => {
  it('reads release 1.0.0 with the tables and the tasks columns it was published with', () => {
    const tables = tablesOf(join(DATA, 'releases/1.0.0'));
    expect(tables.map((t) => t.name)).not.toContain('progress_reports');
    expect(columnsOf(tables.find((t) => t.name === 'tasks')!)).toContain('status');
  });

  it('reads the working data with the current contract', () => {
    const tables = tablesOf(DATA);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['tasks', 'progress_reports', 'agencies', 'agency_successions']));
    expect(columnsOf(tables.find((t) => t.name === 'tasks')!)).not.toContain('status');
  });

  it('shows a withdrawn column as a change of the rows that had a value in it', () => {
    const before = 'id,title,status\nt1,A,in_progress\nt2,B,\nt3,C,done\n';
    const after = 'id,title,due_period\nt1,A,\nt2,B,\nt4,D,2025\n';
    const diff = diffTable({ name: 'tasks', file: 'tasks.csv', primaryKey: ['id'] }, before, after);
    expect(diff.changed.map((c) => [c.key, c.columns])).toEqual([['t1', ['status']]]);
    expect(diff.removed.map((r) => r.id)).toEqual(['t3']);
    expect(diff.added.map((r) => r.id)).toEqual(['t4']);
  });
});
