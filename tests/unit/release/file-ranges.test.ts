/**
 * A large table is read from its file a window at a time (tableIndexer, scanHashed) and its parts
 * from byte ranges of the file (readRange, hashRange, csvOf on a reader), not held whole: the same
 * index, hashes and part bytes as from the whole file in memory. The rows here are SYNTHETIC.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes, hashRange, knownFileHash, readRange, scanHashed } from '../../../src/lib/cache/index.ts';
import {
  csvOf,
  csvOfRange,
  indexTable,
  partHasher,
  partitions,
  pieces,
  rawPiece,
  tableIndexer,
  type TableBytes,
} from '../../../src/lib/release/partition.ts';
import { observationsTable } from '../../../src/schemas/index.ts';

/**
 * SYNTHETIC records, some with quoted cells holding commas, quotes and line breaks, some with \r\n; `last`: the final line break;
 * `grouped`: the records of each partition (indicator and level) one after the other, as in a table sorted by them.
 */
function synthetic(n: number, last: boolean, grouped = false): Uint8Array {
  const lines = ['indicator_id,area_level,area_code,note'];
  for (let i = 0; i < n; i++) {
    const note = i % 7 === 0 ? `"SYNTHETIC\nline ${i}, ""q"""` : i % 5 === 0 ? `SYNTHETIC ${i}\r` : `SYNTHETIC ${'x'.repeat(i % 40)}`;
    const [ind, level] = grouped ? [Math.floor((i * 3) / n), Math.floor((i * 6) / n) % 2 === 0] : [i % 3, i % 4 === 0];
    lines.push(`ind-${ind},${level ? 'commune' : 'province'},${String(i).padStart(5, '0')},${note}`);
  }
  return new TextEncoder().encode(lines.join('\n') + (last ? '\n' : ''));
}

function fileOf(bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nq57-ranges-')), 'observations.csv');
  writeFileSync(path, bytes);
  return path;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('a large table read from its file in windows (SYNTHETIC rows)', () => {
  for (const last of [true, false])
    it(`gives the index and hash of the whole file, for any window size (final line break: ${last})`, () => {
      const bytes = synthetic(300, last);
      const whole = indexTable(observationsTable, bytes);
      const path = fileOf(bytes);
      // 1 byte: every window is shorter than a record and grows; the others cut records, quoted ones too.
      for (const window of [1, 7, 64, 333, 4096, bytes.length, 1 << 20]) {
        const indexer = tableIndexer(observationsTable);
        const hash = scanHashed(path, (w, at, final) => indexer.add(w, at, final), window);
        const ix = indexer.done();
        expect(hash, `window ${window}`).toBe(hashBytes(bytes));
        expect(ix.headerEnd).toBe(whole.headerEnd);
        expect([...ix.starts], `window ${window}`).toEqual([...whole.starts]);
        expect([...ix.keyOf]).toEqual([...whole.keyOf]);
        expect(ix.keys).toEqual(whole.keys);
        expect(ix.columns).toEqual(whole.columns);
      }
      // fileHash is told the hash: the model's hash of the folder does not read the file again.
      expect(knownFileHash(path)).toBe(hashBytes(bytes));
    });

  it('makes each piece and partition from byte ranges of the file as from its bytes in memory', () => {
    const bytes = synthetic(2000, false);
    const path = fileOf(bytes);
    const ix = indexTable(observationsTable, bytes);
    const reads: number[] = [];
    const reader: TableBytes = (from, to) => {
      reads.push(to - from);
      return readRange(path, from, to);
    };
    for (const p of pieces(ix, 5000)) {
      expect(same(rawPiece(reader, ix, p, p.from === 0), rawPiece(bytes, ix, p, p.from === 0))).toBe(true);
      expect(same(csvOfRange(reader, ix, p.from, p.to), csvOfRange(bytes, ix, p.from, p.to))).toBe(true);
      expect(hashRange(path, ix.starts[p.from]!, ix.starts[p.to]!, 100)).toBe(
        hashBytes(bytes.subarray(ix.starts[p.from], ix.starts[p.to])),
      );
    }
    reads.length = 0;
    const parts = partitions(ix, 3000);
    for (const p of parts) expect(same(csvOf(reader, ix, p.records), csvOf(bytes, ix, p.records)), p.name).toBe(true);
    // Records close together are read together: far fewer reads than records.
    expect(reads.length).toBeLessThan(parts.length * 3);
    // Records out of file order are copied in the order given.
    const backwards = [5, 3, 1];
    expect(same(csvOf(reader, ix, backwards), csvOf(bytes, ix, backwards))).toBe(true);
    expect(new TextDecoder().decode(csvOf(reader, ix, backwards)).split('\n')[1]).toBe(
      new TextDecoder().decode(bytes.subarray(ix.starts[5], ix.starts[6])).replace(/\n$/, ''),
    );
  });
});

describe('the parts hashed in the scan that indexes the file (SYNTHETIC rows)', () => {
  /** The hashes partHasher gives for `bytes` read in windows of `window` bytes. */
  function scanned(bytes: Uint8Array, window: number, pieceBudgets: number[], partitionBudget: number) {
    const hasher = partHasher(pieceBudgets, partitionBudget);
    const indexer = tableIndexer(observationsTable, hasher.add);
    scanHashed(fileOf(bytes), (w, at, final) => indexer.add(w, at, final), window);
    return { ix: indexer.done(), sums: hasher.done() };
  }

  for (const [last, grouped] of [
    [true, false],
    [false, false],
    [true, true],
    [false, true],
  ] as const)
    it(`are the hashes of each piece's and partition file's bytes, for any window size (final line break: ${last}, grouped: ${grouped})`, () => {
      const bytes = synthetic(1500, last, grouped);
      const whole = indexTable(observationsTable, bytes);
      // Budgets of 1 byte: every record is a piece and a partition file of its own.
      for (const [pieceBudgets, partitionBudget] of [
        [[5000, 777], 3000],
        [[1], 1],
        [[1 << 30], 1 << 30],
      ] as const) {
        const parts = partitions(whole, partitionBudget);
        expect(parts.length).toBeGreaterThan(grouped || partitionBudget > 1 ? 5 : 1000);
        const expected = {
          header: hashBytes(bytes.subarray(0, whole.headerEnd)),
          pieces: new Map(
            pieceBudgets.map((b) => [b, pieces(whole, b).map((p) => hashBytes(bytes.subarray(whole.starts[p.from], whole.starts[p.to])))]),
          ),
          partitions: parts.map((p) => hashBytes(csvOf(bytes, whole, p.records))),
        };
        for (const window of [1, 7, 64, 333, 4096, bytes.length]) {
          const { ix, sums } = scanned(bytes, window, [...pieceBudgets], partitionBudget);
          expect([...ix.starts]).toEqual([...whole.starts]);
          expect(sums.header, `window ${window}`).toBe(expected.header);
          expect(sums.pieces, `window ${window}`).toEqual(expected.pieces);
          // By key, in the order of the index's keys: partitions() lists them in that order.
          expect(sums.partitions.map((h) => h.length)).toEqual(ix.keys.map((k) => parts.filter((p) => p.values.join('/') === k).length));
          expect(sums.partitions.flat(), `window ${window}`).toEqual(expected.partitions);
        }
      }
    });

  it('of a file with a header only, or empty: the header, one empty piece, no partition', () => {
    for (const text of ['indicator_id,area_level,area_code,note\n', 'indicator_id,area_level', '']) {
      const bytes = new TextEncoder().encode(text);
      const { sums } = scanned(bytes, 4, [100], 100);
      expect(sums.header).toBe(hashBytes(bytes));
      expect(sums.pieces).toEqual(new Map([[100, [hashBytes(new Uint8Array(0))]]]));
      expect(sums.partitions).toEqual([]);
    }
  });
});
