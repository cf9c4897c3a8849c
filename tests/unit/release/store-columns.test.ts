/**
 * The Parquet pieces and JSON partitions of a large table are made from the validated store's
 * columns without a row object per record: Parquet (parquetPiece, pieceToParquet) in a worker
 * thread during the build (pieceToParquetInWorker), JSON by writeColumnsJson. The same bytes as from
 * row objects (rowsToParquet, writeRowsJson: the paths before) and as in the main thread.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsSource, writeColumnsJson, writeRowsJson } from '../../../src/lib/release/downloads.ts';
import { endParquetWorker, parquetPiece, pieceToParquet, pieceToParquetInWorker, rowsToParquet } from '../../../src/lib/release/parquet.ts';
import { ColumnTable, storedValidTable, type Column } from '../../../src/lib/data/store.ts';
import { makeWaitingPieces, queueParquet } from '../../../src/lib/release/layout.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { observationsTable } from '../../../src/schemas/index.ts';
import { treeWith } from '../data/helpers.ts';
import { syntheticObservations } from './synthetic.ts';

// 3 × (34 + 40) × 12 rows, with gaps, empty values and quoted notes.
const dir = treeWith({ 'observations.csv': syntheticObservations(3, 40, 12) });
const cache = mkdtempSync(join(tmpdir(), 'nq57-pq-cache-'));
validateDataset(dir, { cacheDir: cache });
// The tree's cross-table rules fail (SYNTHETIC ids); the observations file itself is valid and stored.
const stored = storedValidTable(cache, 'observations', new Uint8Array(readFileSync(join(dir, 'observations.csv'))))!;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

afterAll(() => endParquetWorker());

const rows = stored.rows();
const data: Column[] = stored.columns.map((name, c) => {
  const cells = rows.map((r) => r[name]);
  if (name === 'value')
    return {
      kind: 'number',
      // A few cells JSON writes in its own way: -0 as 0, NaN and -Infinity as null.
      values: Float64Array.from(cells, (v, i) =>
        v === null ? 0 : i === 11 ? -0 : i === 12 ? Number.NaN : i === 13 ? -Infinity : (v as number),
      ),
      nulls: Uint8Array.from(cells, (v) => (v === null ? 1 : 0)),
    };
  if (name === 'note') return { kind: 'any', values: cells };
  return stored.data[c]!;
});
/** The stored rows with columns of the other kinds: the values as numbers (with nulls), the notes as they are. */
const mixed = new ColumnTable(stored.columns, data, stored.length);

describe('Parquet pieces from the store’s columns', () => {
  it('the stored rows are many, with empty cells', () => {
    expect(stored.length).toBeGreaterThan(2000);
    expect(stored.rows().some((r) => r['value'] === null)).toBe(true);
  });

  for (const [from, to] of [
    [0, stored.length],
    [301, stored.length - 17],
    [5, 5],
  ] as const)
    it(`rows ${from}–${to}: the same bytes as from row objects, in this thread and in the worker`, async () => {
      const fromRows = rowsToParquet(observationsTable, rowsSource(stored, range(from, to)));
      const here = pieceToParquet(observationsTable, parquetPiece(observationsTable, stored, from, to));
      const piece = parquetPiece(observationsTable, stored, from, to);
      const there = await pieceToParquetInWorker(observationsTable, piece);
      expect(same(here, fromRows)).toBe(true);
      expect(same(there, fromRows)).toBe(true);
      expect(await parquetReadObjects({ file: there.buffer as ArrayBuffer })).toHaveLength(to - from);
      // The piece's typed arrays were moved to the worker, not copied: this thread holds them no more.
      const moved = piece.columns.find((c) => c?.kind === 'dict');
      expect(moved?.kind).toBe('dict');
      if (to > from && moved?.kind === 'dict') expect(moved.codes.byteLength).toBe(0);
    });

  it('columns of every kind (numbers with nulls, dictionary codes, values as they are) give the bytes of their rows', async () => {
    expect(new Set(mixed.data.map((c) => c.kind))).toEqual(new Set(['number', 'dict', 'any']));
    const fromRows = rowsToParquet(observationsTable, rowsSource(mixed, range(7, 2000)));
    expect(same(await pieceToParquetInWorker(observationsTable, parquetPiece(observationsTable, mixed, 7, 2000)), fromRows)).toBe(true);
  });

  it('a piece of several row groups, written a row group at a time, is the bytes of the library’s one call', async () => {
    // The stored rows 100 times over: 261,000 rows, 3 row groups of 100,000 (the last one shorter).
    const times = 100;
    const repeated = new ColumnTable(
      stored.columns,
      stored.data.map((col) => {
        if (col.kind !== 'dict') throw new Error('the stored observations are dictionary-coded');
        const codes = new Uint32Array(col.codes.length * times);
        for (let t = 0; t < times; t++) codes.set(col.codes, t * col.codes.length);
        return { kind: 'dict', dict: col.dict, codes };
      }),
      stored.length * times,
    );
    const piece = () => parquetPiece(observationsTable, repeated, 0, repeated.length);
    const oneCall = pieceToParquet(observationsTable, piece(), true);
    expect(same(pieceToParquet(observationsTable, piece()), oneCall)).toBe(true);
    expect(same(await pieceToParquetInWorker(observationsTable, piece()), oneCall)).toBe(true);
    const meta = parquetMetadata(oneCall.buffer as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([100_000, 100_000, repeated.length - 200_000]);
  });

  it('a piece the worker cannot make is an error with its message, not a hang', async () => {
    const failing = parquetPiece(observationsTable, stored, 0, 3);
    await expect(pieceToParquetInWorker(observationsTable, { ...failing, table: 'no-such-table' })).rejects.toThrow(
      /No table no-such-table/,
    );
  });
});

describe('JSON partitions from the store’s columns', () => {
  const json = (f: (write: (chunk: Uint8Array | string) => void) => void) => {
    const parts: string[] = [];
    f((chunk) => parts.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)));
    return parts.join('');
  };
  for (const [name, table] of [
    ['dictionary columns', stored],
    ['columns of every kind', mixed],
  ] as const)
    it(`${name}: the bytes writeRowsJson gives from row objects, for any records`, () => {
      const all = range(0, table.length);
      // More than one block of lines (10,000), some records only, one, none.
      const sets = [all, [...all, ...all, ...all, ...all], all.filter((r) => r % 3 === 1), [17], []];
      for (const records of sets) {
        const expected = json((w) => writeRowsJson(observationsTable, rowsSource(table, records), w, 'rows'));
        expect(json((w) => writeColumnsJson(observationsTable, table, records, w))).toBe(expected);
      }
      expect(JSON.parse(json((w) => writeColumnsJson(observationsTable, table, all, w)))).toHaveLength(table.length + 1);
    });
});

describe('the queue of Parquet pieces', () => {
  it('the worker takes them in order; the main thread, once it waits, makes the rest from the last', async () => {
    const ran: string[] = [];
    let finishFirst = () => {};
    const first = new Promise<void>((resolve) => (finishFirst = resolve));
    const job = (name: string) => async (here: boolean) => {
      ran.push(`${name} ${here ? 'here' : 'worker'}`);
      if (name === 'a') await first;
      return new TextEncoder().encode(name);
    };
    const made = ['a', 'b', 'c', 'd'].map((name) => queueParquet(job(name)));
    // The worker is busy with a: the main thread makes d, then c, then b (the worker still on a).
    await makeWaitingPieces();
    expect(ran).toEqual(['a worker', 'd here', 'c here', 'b here']);
    finishFirst();
    expect((await Promise.all(made)).map((b) => new TextDecoder().decode(b))).toEqual(['a', 'b', 'c', 'd']);
    // Free again: the next piece goes to the worker.
    await queueParquet(job('e'));
    expect(ran.at(-1)).toBe('e worker');
  });
});
