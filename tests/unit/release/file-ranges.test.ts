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
  partitions,
  pieces,
  rawPiece,
  tableIndexer,
  type TableBytes,
} from '../../../src/lib/release/partition.ts';
import { observationsTable } from '../../../src/schemas/index.ts';

/** SYNTHETIC records, some with quoted cells holding commas, quotes and line breaks, some with \r\n; `last`: the final line break. */
function synthetic(n: number, last: boolean): Uint8Array {
  const lines = ['indicator_id,area_level,area_code,note'];
  for (let i = 0; i < n; i++) {
    const note = i % 7 === 0 ? `"SYNTHETIC\nline ${i}, ""q"""` : i % 5 === 0 ? `SYNTHETIC ${i}\r` : `SYNTHETIC ${'x'.repeat(i % 40)}`;
    lines.push(`ind-${i % 3},${i % 4 === 0 ? 'commune' : 'province'},${String(i).padStart(5, '0')},${note}`);
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
