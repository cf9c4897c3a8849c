/**
 * The SQLite database of each release: opened and queried as a user would, its keys checked by
 * SQLite itself, its views against the model the pages read, its bytes reproducible.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/model/index.ts';
import { latestValue } from '../../../src/lib/view/values.ts';
import { SQLITE_NAME, buildSqlite } from '../../../src/lib/release/sqlite.ts';
import { writeDownloads } from '../../../src/lib/release/publish.ts';
import { cutRelease } from '../../../src/lib/release/releases.ts';
import { tablesOf } from '../../../src/lib/release/tables.ts';
import { filesDir } from '../../../src/lib/release/downloads.ts';
import { editLine, treeWith } from '../data/helpers.ts';

const DATA = join(import.meta.dirname, '../../../data');

function open(bytes: Uint8Array): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.deserialize(bytes);
  return db;
}

const csvRows = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n').length - 1;

describe('SQLite database of every release', () => {
  for (const version of ['1.0.0', '1.1.0', null]) {
    it(`${version ?? 'working data'}: every table with all its rows, typed, keys intact`, () => {
      const db = open(buildSqlite(DATA, version));
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      for (const def of tablesOf(filesDir(DATA, version))) {
        // communes.csv quotes no field with a line break, so lines count rows (tasks' titles have none either).
        const n = db.prepare(`SELECT count(*) AS n FROM "${def.name}"`).get() as { n: number };
        if (def.name !== 'tasks' && def.name !== 'targets') expect(n.n, def.name).toBe(csvRows(join(filesDir(DATA, version), def.file)));
        else expect(n.n).toBeGreaterThan(0);
      }
      expect(db.prepare('SELECT typeof(value) AS t FROM observations WHERE value IS NOT NULL LIMIT 1').get()).toEqual({ t: 'real' });
      expect((db.prepare("SELECT value FROM dataset WHERE key = 'version'").get() as { value: string | null }).value).toBe(version);
      const fks = db.prepare("SELECT * FROM pragma_foreign_key_list('observations')").all() as { table: string }[];
      expect(fks.map((f) => f.table)).toEqual(['indicators']);
      db.close();
    });
  }

  it("latest_values gives each series' latest value exactly as the pages' latestValue", () => {
    const model = getModel(DATA);
    const db = open(buildSqlite(DATA, null));
    const rows = db.prepare('SELECT indicator_id, area_level, area_code, period, as_of, value FROM latest_values').all() as Record<
      string,
      unknown
    >[];
    const expected = [...model.series.values()].flatMap((series) => {
      const o = latestValue(series);
      return o
        ? [
            {
              indicator_id: o.indicator_id,
              area_level: o.area_level,
              area_code: o.area_code,
              period: o.period,
              as_of: o.as_of,
              value: o.value,
            },
          ]
        : [];
    });
    const sort = (xs: Record<string, unknown>[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(rows.length).toBeGreaterThan(100);
    expect(sort(rows.map((r) => ({ ...r })))).toEqual(sort(expected));
    db.close();
  });

  it("task_current_report gives each task's current reported status as the task pages do", () => {
    const model = getModel(DATA);
    const db = open(buildSqlite(DATA, null));
    const rows = db.prepare('SELECT task_id, status, reported_on FROM task_current_report ORDER BY task_id').all() as {
      task_id: string;
      status: string | null;
    }[];
    expect(rows).toHaveLength(model.tasks.length);
    for (const r of rows) {
      const task = model.task.get(r.task_id);
      expect(task, r.task_id).toBeDefined();
      expect(r.status, r.task_id).toBe(task?.status);
    }
    expect(rows.filter((r) => r.status !== null).length).toBeGreaterThan(0);
    db.close();
  });

  it('a reference to a missing row is reported by PRAGMA foreign_key_check (the keys are declared)', () => {
    const dir = treeWith({ 'observations.csv': editLine('dti,province,01', 'dti', 'no-such-indicator') });
    const db = open(buildSqlite(dir, null));
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([
      expect.objectContaining({ table: 'observations', parent: 'indicators' }),
    ]);
    db.close();
  });

  it('the same files give the same bytes; the Data Package lists the file with its SHA-256', async () => {
    expect(Buffer.from(buildSqlite(DATA, '1.1.0')).equals(Buffer.from(buildSqlite(DATA, '1.1.0')))).toBe(true);
    const dir = treeWith({});
    cutRelease({ dataDir: dir, version: '1.0.0', notes: 'First.', releasedOn: '2026-08-01' });
    const out = mkdtempSync(join(tmpdir(), 'nq57-sqlite-'));
    const written = (await writeDownloads(dir, out, 'https://example.org')).map((d) => d.path);
    expect(written).toContain(`data/v/1.0.0/${SQLITE_NAME}`);
    expect(written).toContain(`data/latest/${SQLITE_NAME}`);
    const bytes = readFileSync(join(out, 'data/v/1.0.0', SQLITE_NAME));
    const pkg = JSON.parse(readFileSync(join(out, 'data/v/1.0.0/datapackage.json'), 'utf8')) as {
      resources: { path: string; hash?: string; bytes?: number; mediatype?: string }[];
    };
    expect(pkg.resources.find((r) => r.path === SQLITE_NAME)).toMatchObject({
      bytes: bytes.length,
      hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      mediatype: 'application/vnd.sqlite3',
    });
    expect(readFileSync(join(out, 'data/latest', SQLITE_NAME)).equals(bytes)).toBe(true);
  });
});
