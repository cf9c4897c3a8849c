/** Corrections: old and new values from the releases' cell-level diffs, the reason from data/corrections.csv. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCorrections, readCorrections } from '../../../src/lib/release/corrections.ts';
import { buildReleaseHistory } from '../../../src/lib/release/history.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { editLine, treeWith } from '../data/helpers.ts';

const DATA = join(import.meta.dirname, '../../../data');

/** A data tree with release 1.0.0 of the valid fixture, then 1.1.0 where Hà Nội's DTI 2024 and a target's comparator changed. */
function twoReleases(): string {
  const dir = treeWith({});
  cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
  const edit = (file: string, f: (text: string) => string) => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), 'utf8')));
  edit('observations.csv', editLine('dti,province,01,2024', ',0.8241,', ',0.8242,'));
  edit('targets.csv', editLine('t-online', ',>,80,', ',>=,80,'));
  // A note filled where it was empty: new data, not a correction.
  edit('observations.csv', editLine('dti,national,VN,2024', ',average_of_provinces,,', ',average_of_provinces,SYNTHETIC note.,'));
  cutRelease({ dataDir: dir, version: '1.1.0', notes: 'Second.', releasedOn: '2026-08-02' });
  return dir;
}

describe('corrections across releases', () => {
  it('lists each published value a release changed, with the old and new value and the declared reason', () => {
    const dir = twoReleases();
    writeFileSync(
      join(dir, 'corrections.csv'),
      'release,table,key,column,reason,reason_vi\n1.1.0,observations,dti | province | 01 | 2024,value,"SYNTHETIC: the source corrected its table.",\n',
    );
    const list = readCorrections(dir);
    expect(list.map((c) => [c.release, c.table, c.key, c.column, c.before, c.after, c.reason])).toEqual([
      ['1.1.0', 'targets', 't-online', 'comparator', '>', '>=', null],
      ['1.1.0', 'observations', 'dti | province | 01 | 2024', 'value', '0.8241', '0.8242', 'SYNTHETIC: the source corrected its table.'],
    ]);
    expect(list[1]?.previous).toBe('1.0.0');
    expect(list[1]?.releasedOn).toBe('2026-08-02');
  });

  it('refuses a reason that names no changed value, and a reason given twice', () => {
    const dir = twoReleases();
    writeFileSync(
      join(dir, 'corrections.csv'),
      'release,table,key,column,reason,reason_vi\n' +
        '1.1.0,observations,dti | province | 75 | 2024,value,Not changed.,\n' +
        '1.1.0,targets,t-online,comparator,Once.,\n' +
        '1.1.0,targets,t-online,comparator,Twice.,\n',
    );
    expect(() => readCorrections(dir)).toThrow(/corrections\.csv:2: .*changed no such published value\. \(corrections-error\)/);
    expect(() => readCorrections(dir)).toThrow(/corrections\.csv:4: .*twice\. \(corrections-error\)/);
  });

  it('counts a dropped column only when declared, a removed row always, and neither a filled cell nor a note', () => {
    const release = (version: string, previous: string | null) => ({
      release: { version, released_on: version === '1.0.0' ? '2026-08-01' : '2026-08-02', as_of: '2026-07-25', notes: '', files: [] },
      previous,
      totals: { added: 0, removed: 0, changed: 0 },
      statusChanges: [],
    });
    const history = [
      { ...release('1.0.0', null), changes: [] },
      {
        ...release('1.1.0', '1.0.0'),
        changes: [
          {
            table: 'tasks',
            file: 'tasks.csv',
            added: [],
            removed: [{ id: 't-gone', status: 'done' }],
            changed: [
              {
                key: 't-1',
                before: { id: 't-1', status: 'done', deadline: '2025-06-30', note: 'old', owner: '' },
                after: { id: 't-1', status: '', deadline: '', note: 'new', owner: 'Bộ X' },
                columns: ['status', 'deadline', 'note', 'owner'],
              },
            ],
            counts: { added: 0, removed: 1, changed: 1 },
          },
        ],
      },
    ];
    // 1.1.0's tasks.csv has neither `status` nor `deadline` (a new contract).
    const headerOf = () => ['id', 'note', 'owner'];
    const { corrections, issues } = findCorrections(
      history as never,
      [
        {
          release: '1.1.0',
          table: 'tasks',
          key: 't-1',
          column: 'status',
          reason: 'SYNTHETIC: withdrawn.',
          reason_vi: 'SYNTHETIC: thu hồi.',
        },
      ],
      headerOf,
    );
    expect(issues).toEqual([]);
    expect(corrections.map((c) => [c.key, c.column, c.before, c.after, c.reason, c.reasonVi])).toEqual([
      ['t-1', 'status', 'done', '', 'SYNTHETIC: withdrawn.', 'SYNTHETIC: thu hồi.'],
      ['t-gone', null, 't-gone', null, null, null],
    ]);
  });

  it('the published data: every correction of 1.1.0 the changelog shows has its reason from the release notes', () => {
    const list = readCorrections(DATA);
    expect(list.filter((c) => c.reason === null)).toEqual([]);
    // No Vietnamese wording is recorded: release notes are in English and no Vietnamese source states these reasons.
    expect(list.filter((c) => c.reasonVi !== null)).toEqual([]);
    const count = (table: string, column: string | null) => list.filter((c) => c.table === table && c.column === column).length;
    expect([count('tasks', 'status'), count('tasks', 'document_id'), count('targets', 'comparator'), count('observations', null)]).toEqual([
      24, 6, 22, 2,
    ]);
    const notes = buildReleaseHistory(DATA).find((h) => h.release.version === '1.1.0')!.release.notes;
    // Each reason is a sentence of the release notes, verbatim (its first letter capitalized when the notes' sentence begins after a heading).
    for (const reason of new Set(list.map((c) => c.reason!))) expect(notes).toContain(reason.slice(1));
    expect(list.find((c) => c.key === 'dti | national | VN | 2024')).toMatchObject({ column: null, before: '0.6961', after: null });
  });

  it('without corrections.csv, the changed values are listed without a reason', () => {
    const dir = twoReleases();
    expect(readCorrections(dir).every((c) => c.reason === null)).toBe(true);
  });
});
