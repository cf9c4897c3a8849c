import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeHash, hashBytes } from '../../../src/lib/cache/index.ts';
import { checkedRows, readTable } from '../../../src/lib/data/read-dataset.ts';
import { decodeTable, encodeTable, loadTable, saveTable } from '../../../src/lib/data/store.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { readTypedRows } from '../../../src/lib/release/downloads.ts';
import { observationsTable } from '../../../src/schemas/index.ts';
import { editLine, treeWith } from './helpers.ts';

const REAL = join(import.meta.dirname, '../../../data');
const temp = () => mkdtempSync(join(tmpdir(), 'nq57-store-'));
const entries = (cache: string) => readdirSync(join(cache, 'nq57-tables')).sort();

/**
 * Everything validateDataset returns, in a form toEqual compares whole (Sets as sorted arrays); the
 * tables the store gave as columns are checked against the rows (the same rows), then left out.
 */
function whole(data: ReturnType<typeof validateDataset>) {
  const { columns, ...rest } = data;
  for (const [name, table] of Object.entries(columns)) expect(table.rows()).toEqual(data.tables[name as keyof typeof data.tables]);
  return {
    ...rest,
    rawKeys: Object.fromEntries(Object.entries(data.rawKeys).map(([k, v]) => [k, [...v].sort()])),
    reference: data.reference && { ...data.reference, provinces: [...data.reference.provinces] },
  };
}

describe('the validated store', () => {
  it('gives the real data exactly as without it, cold and warm', () => {
    const cache = temp();
    const plain = whole(validateDataset(REAL));
    expect(whole(validateDataset(REAL, { cacheDir: cache }))).toEqual(plain);
    const stored = entries(cache);
    expect(stored.length).toBeGreaterThan(10);
    // Warm: every table comes from the store (no new entry), the rules across tables too.
    const warm = validateDataset(REAL, { cacheDir: cache });
    // Its tables are columns, made into rows only when read: counting them makes none.
    expect(Object.keys(warm.columns)).toContain('observations');
    expect(checkedRows(warm)).toBe(Object.values(plain.tables).reduce((n, rows) => n + rows.length, 0));
    expect(Object.getOwnPropertyDescriptor(warm.tables, 'observations')?.get).toBeDefined();
    expect(whole(warm)).toEqual(plain);
    expect(Object.getOwnPropertyDescriptor(warm.tables, 'observations')?.get).toBeUndefined();
    expect(entries(cache)).toEqual(stored);
  });

  it('gives the same issues for a broken tree, cold and warm', () => {
    const dir = treeWith({
      'observations.csv': editLine('dti,province,01', ',', ',,'),
      'provinces.csv': (t) => t.replace('\n01,', '\n1,'),
    });
    const plain = validateDataset(dir);
    expect(plain.valid).toBe(false);
    const cache = temp();
    expect(whole(validateDataset(dir, { cacheDir: cache }))).toEqual(whole(plain));
    expect(whole(validateDataset(dir, { cacheDir: cache }))).toEqual(whole(plain));
  });

  it('is not trusted across a change of one data byte: that table is read again, the others are not', () => {
    const dir = treeWith({});
    const cache = temp();
    validateDataset(dir, { cacheDir: cache });
    const before = entries(cache);
    const file = join(dir, 'observations.csv');
    const text = readFileSync(file, 'utf8');
    // One digit of one value, same length.
    const at = text.search(/\d\.\d/);
    writeFileSync(file, `${text.slice(0, at)}${text[at] === '9' ? '8' : '9'}${text.slice(at + 1)}`);
    const changed = validateDataset(dir, { cacheDir: cache });
    const after = entries(cache);
    expect(after.length).toBe(before.length + 1);
    expect(whole(changed)).toEqual(whole(validateDataset(dir)));
    // Older versions of a table are pruned: at most three of observations.csv are kept.
    for (const digit of ['1', '2', '3']) {
      writeFileSync(file, `${text.slice(0, at)}${digit}${text.slice(at + 1)}`);
      validateDataset(dir, { cacheDir: cache });
    }
    expect(entries(cache).filter((e) => e.startsWith('observations.'))).toHaveLength(3);
  });

  it('is not trusted across a change of the code: another code hash is a miss', () => {
    const bytes = new Uint8Array(readFileSync(join(REAL, 'observations.csv')));
    const result = readTable(observationsTable, bytes);
    const cache = temp();
    const hash = hashBytes(bytes);
    saveTable(cache, 'observations', hash, result, false, codeHash());
    expect(loadTable(cache, 'observations', hash, false, codeHash())?.rows).toEqual(result.rows);
    expect(loadTable(cache, 'observations', hash, false, `${codeHash()}-changed`)).toBeNull();
    expect(loadTable(cache, 'observations', hashBytes(bytes.subarray(1)), false, codeHash())).toBeNull();
    // An entry stored without the raw keys does not serve a reader that needs them.
    expect(loadTable(cache, 'observations', hash, true, codeHash())).toBeNull();
  });

  it('a corrupt entry is a miss: the file is read again, with the same result', () => {
    const dir = treeWith({});
    const cache = temp();
    const plain = whole(validateDataset(dir));
    validateDataset(dir, { cacheDir: cache });
    for (const name of entries(cache)) {
      const path = join(cache, 'nq57-tables', name);
      const b = readFileSync(path);
      writeFileSync(path, b.subarray(0, b.length >> 1));
    }
    expect(whole(validateDataset(dir, { cacheDir: cache }))).toEqual(plain);
  });
});

describe('the columnar encoding', () => {
  it('round-trips values of every kind, in key order, sharing one string per distinct cell', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => ({
      id: `row-${i % 3}`,
      value: i % 7 === 0 ? null : i / 8,
      zero: i % 2 === 0 ? -0 : 0,
      flag: i % 3 === 0,
      code: i % 11 === 0 ? null : String(i % 300),
      text: `t${i}`,
    }));
    const back = decodeTable(
      encodeTable({ rows, lines: rows.map((_, i) => i + 2), rawKeys: new Set(['a']), issues: [], records: rows.length }, true),
    );
    expect(back.rows).toEqual(rows);
    expect(Object.keys(back.rows[5]!)).toEqual(Object.keys(rows[5]!));
    expect(Object.is(back.rows[0]!.zero, -0)).toBe(true);
    expect(Object.is(back.rows[1]!.zero, 0)).toBe(true);
    expect(back.lines[69_999]).toBe(70_001);
    expect([...back.rawKeys]).toEqual(['a']);
  });
});

describe('the downloads read the store', () => {
  it('a file stored whole and valid is not parsed again; one with problems is', () => {
    const bytes = new Uint8Array(readFileSync(join(REAL, 'observations.csv')));
    const cache = temp();
    const result = readTable(observationsTable, bytes);
    expect(result.issues).toEqual([]);
    const rows = (cold: string | null) => {
      const out: Record<string, unknown>[] = [];
      readTypedRows(observationsTable, bytes, (r) => out.push(r), cold);
      return out;
    };
    expect(rows(cache)).toEqual(result.rows); // a miss: parsed
    // Mark the stored rows: what comes back is the stored copy.
    const marked = { ...result, rows: result.rows.map((r, i) => (i === 0 ? { ...r, note: 'from the store' } : r)) };
    saveTable(cache, 'observations', hashBytes(bytes), marked, false);
    expect(rows(cache)[0]!.note).toBe('from the store');
    expect(rows(null)[0]!.note).not.toBe('from the store');
    // An entry with an issue is not used: the file is read, and refused, as without the store.
    saveTable(cache, 'observations', hashBytes(bytes), { ...marked, issues: [result.issues[0] ?? ({} as never)] }, false);
    expect(rows(cache)[0]!.note).not.toBe('from the store');
  });
});
