import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes } from '../../../src/lib/cache/index.ts';
import { readTable } from '../../../src/lib/data/read-dataset.ts';
import { ColumnTable, loadPiece, pieceKey, type TableResult } from '../../../src/lib/data/store.ts';
import { cutPieces, readPiecedTable } from '../../../src/lib/data/table-pieces.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { observationsTable } from '../../../src/schemas/index.ts';
import { OBSERVATIONS_HEADER, SMALL_PIECE_BUDGET, treeWith } from './helpers.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'nq57-pieces-'));
const HEADER = OBSERVATIONS_HEADER;
const BUDGET = SMALL_PIECE_BUDGET;

/**
 * SYNTHETIC observations of the valid fixture's indicator and provinces, one row a year: some notes
 * quoted (a comma, a doubled quote, a line break inside), values of varying length.
 */
function observations(years = 400): string {
  const lines = [HEADER];
  for (let i = 0; i < years; i++) {
    const province = ['01', '75', '96'][i % 3];
    const note = i % 17 === 0 ? '"SYNTHETIC, quoted"' : i % 29 === 0 ? '"SYNTHETIC ""x"",\nsecond line"' : 'SYNTHETIC';
    lines.push(`dti,province,${province},${1000 + i},${((i * 37) % 1000) / 1000},fixture-article,2025-10-21,as_published,${note},,,`);
  }
  return `${lines.join('\n')}\n`;
}

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

/** Everything validateDataset gives, comparable whole (Sets as arrays in order, rows as read; not how the store holds it). */
function whole(data: ReturnType<typeof validateDataset>) {
  const { columns: _, pieces: __, ...rest } = data;
  return {
    ...rest,
    tables: Object.fromEntries(Object.keys(data.tables).map((k) => [k, data.tables[k as keyof typeof data.tables]])),
    rawKeys: Object.fromEntries(Object.entries(data.rawKeys).map(([k, v]) => [k, [...v]])),
    reference: data.reference && { ...data.reference, provinces: [...data.reference.provinces] },
  };
}

/** readTable's result, comparable whole. */
const plain = (r: TableResult) => ({
  rows: r.rows,
  lines: r.lines,
  rawKeys: [...r.rawKeys],
  issues: r.issues,
  records: r.records,
});

const pieceEntries = (cache: string) => readdirSync(join(cache, 'nq57-table-pieces')).sort();

describe('cutting a table file into pieces', () => {
  it('cuts after the header at line breaks outside quotes, covering every byte once', () => {
    const text = observations();
    const bytes = bytesOf(text);
    const cut = cutPieces(bytes, BUDGET)!;
    expect(Buffer.from(cut.header).toString()).toBe(`${HEADER}\n`);
    expect(cut.pieces.length).toBeGreaterThan(5);
    expect(cut.pieces[0]!.start).toBe(cut.header.length);
    expect(cut.pieces.at(-1)!.end).toBe(bytes.length);
    for (const [i, p] of cut.pieces.entries()) {
      const piece = text.slice(p.start, p.end);
      expect(piece.endsWith('\n')).toBe(true);
      // An even number of quotes: no cut inside a quoted cell.
      expect((piece.match(/"/g) ?? []).length % 2).toBe(0);
      // Its first line is the file line it starts on.
      expect(text.slice(0, p.start).split('\n').length).toBe(p.line);
      if (i > 0) expect(p.start).toBe(cut.pieces[i - 1]!.end);
    }
  });

  it('moves only the cuts near a row added or a cell that changes length (the cuts follow the content)', () => {
    const text = observations();
    const lines = text.split('\n');
    // A larger budget, so that a cut waits for a line whose lengths' hash has its low bits zero.
    const pieces = (t: string) => {
      const cut = cutPieces(bytesOf(t), 2048)!;
      return new Set(cut.pieces.map((p) => t.slice(p.start, p.end)));
    };
    const before = pieces(text);
    const added = [
      ...lines.slice(0, 150),
      'dti,province,01,2999,0.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,',
      ...lines.slice(150),
    ].join('\n');
    const longer = text.replace(',1100,0.7,', ',1100,0.70001,');
    expect(longer).not.toBe(text);
    for (const changed of [added, longer]) {
      const after = pieces(changed);
      const same = [...after].filter((p) => before.has(p)).length;
      expect(after.size).toBeGreaterThan(8);
      expect(same).toBeGreaterThanOrEqual(after.size - 2);
      expect(same).toBeLessThan(after.size);
    }
  });

  it('leaves whole the files it cannot read in pieces: small, CRLF, a byte-order mark, a quote in the header', () => {
    const text = observations();
    expect(cutPieces(bytesOf(text), text.length)).toBeNull();
    expect(cutPieces(bytesOf(text.replaceAll('\n', '\r\n')), BUDGET)).toBeNull();
    expect(cutPieces(bytesOf(`\uFEFF${text}`), BUDGET)).toBeNull();
    expect(cutPieces(bytesOf(text.replace('indicator_id', '"indicator_id"')), BUDGET)).toBeNull();
  });
});

describe('a table read through its stored pieces', () => {
  const cases: Record<string, (t: string) => string> = {
    valid: (t) => t,
    'a cell error in one piece': (t) => t.replace(',1050,', ',10x50,'),
    'a blank row, a ragged row and a cell error': (t) =>
      t.replace('\ndti,province,75,1100,', '\n\ndti,province,75,1100,,').replace(',1050,', ',10x50,'),
    'a stray quote (read whole)': (t) => t.replace(',1200,', ',12"00,'),
    'a changed header': (t) => t.replace('value,source_id', 'source_id,value').replace(/(,\d{4}),([^,]*),(fixture-article)/g, '$1,$3,$2'),
    'a missing column': (t) => t.replace('rank_of,quote', 'quote').replace(/,,,\n/g, ',,\n'),
  };
  for (const [name, change] of Object.entries(cases)) {
    it(`gives readTable's result, first and after a change of one cell: ${name}`, () => {
      const cache = temp();
      for (const keepKeys of [false, true]) {
        const text = change(observations());
        const reference = plain(readTable(observationsTable, bytesOf(text), keepKeys));
        const first = readPiecedTable(observationsTable, bytesOf(text), keepKeys, cache, BUDGET);
        // A quote that does not pair: the caller reads the file whole.
        if (name.includes('stray')) expect(first).toBeNull();
        else expect(first && plain(first)).toEqual(reference);
        // One period changed and one made shorter (an error): the other pieces come from the store.
        const edited = text.replace(',1300,', ',2300,').replace(',1010,', ',101,');
        expect(edited).not.toBe(text);
        const expected = plain(readTable(observationsTable, bytesOf(edited), keepKeys));
        const warm = readPiecedTable(observationsTable, bytesOf(edited), keepKeys, cache, BUDGET);
        if (name.includes('stray')) expect(warm).toBeNull();
        else expect(warm && plain(warm)).toEqual(expected);
      }
    });
  }

  it('parses again only the pieces whose bytes changed, and keeps only the pieces of the file as it is', () => {
    const cache = temp();
    const text = observations();
    readPiecedTable(observationsTable, bytesOf(text), false, cache, BUDGET);
    const before = pieceEntries(cache);
    expect(before.length).toBe(cutPieces(bytesOf(text), BUDGET)!.pieces.length);
    const edited = text.replace(',1300,0.1,', ',1300,0.2,');
    readPiecedTable(observationsTable, bytesOf(edited), false, cache, BUDGET);
    const after = pieceEntries(cache);
    expect(after.length).toBe(before.length);
    expect(after.filter((e) => !before.includes(e))).toHaveLength(1);
    // Read again, every piece from the store: still the file's result.
    const again = readPiecedTable(observationsTable, bytesOf(edited), false, cache, BUDGET)!;
    expect(pieceEntries(cache)).toEqual(after);
    expect(plain(again)).toEqual(plain(readTable(observationsTable, bytesOf(edited), false)));
  });

  it('trusts no stored piece across a change of the header, even with the same rows', () => {
    const cache = temp();
    const text = observations();
    readPiecedTable(observationsTable, bytesOf(text), false, cache, BUDGET);
    // The same bytes after the header, under another name of a column: every row fails now.
    const renamed = text.replace(',note,', ',notes,');
    const expected = plain(readTable(observationsTable, bytesOf(renamed), false));
    expect(expected.rows).toEqual([]);
    expect(plain(readPiecedTable(observationsTable, bytesOf(renamed), false, cache, BUDGET)!)).toEqual(expected);
  });

  it('trusts no stored piece across a change of the code or a corrupt entry', () => {
    const cache = temp();
    const text = observations();
    const bytes = bytesOf(text);
    readPiecedTable(observationsTable, bytes, false, cache, BUDGET);
    const cut = cutPieces(bytes, BUDGET)!;
    const p = cut.pieces[1]!;
    const args = ['observations', hashBytes(cut.header), hashBytes(bytes.subarray(p.start, p.end)), false] as const;
    expect(loadPiece(cache, 'observations', pieceKey(...args)!)).not.toBeNull();
    expect(pieceKey(...args, 'another code')).not.toBe(pieceKey(...args));
    expect(loadPiece(cache, 'observations', pieceKey(...args, 'another code')!)).toBeNull();
    // The raw keys are part of the key: a piece stored without them does not serve a reader that needs them.
    expect(loadPiece(cache, 'observations', pieceKey(args[0], args[1], args[2], true)!)).toBeNull();
    for (const name of pieceEntries(cache)) {
      const path = join(cache, 'nq57-table-pieces', name);
      writeFileSync(path, readFileSync(path).subarray(0, 40));
    }
    expect(plain(readPiecedTable(observationsTable, bytes, false, cache, BUDGET)!)).toEqual(
      plain(readTable(observationsTable, bytes, false)),
    );
  });
});

describe('a data tree checked with pieces', () => {
  it('gives the same issues and rows as without the store, cold and warm, with a duplicate key across two pieces', () => {
    const text = observations();
    const duplicated = `${text}dti,province,01,1000,0.9,fixture-article,2025-10-21,as_published,SYNTHETIC,,,\n`;
    for (const file of [text, duplicated]) {
      const dir = treeWith({ 'observations.csv': file });
      const reference = whole(validateDataset(dir));
      if (file === duplicated) expect(reference.issues.map((i) => i.code)).toContain('duplicate-key');
      const cache = temp();
      const options = { cacheDir: cache, pieceBytes: BUDGET };
      expect(whole(validateDataset(dir, options))).toEqual(reference);
      expect(pieceEntries(cache).length).toBeGreaterThan(5);
      expect(whole(validateDataset(dir, options))).toEqual(reference);
      const path = join(dir, 'observations.csv');
      writeFileSync(path, file.replace(',1300,0.1,', ',1300,5,'));
      const changed = whole(validateDataset(dir));
      expect(changed.issues).not.toEqual(reference.issues);
      expect(whole(validateDataset(dir, options))).toEqual(changed);
    }
  });
});

describe('columns put together', () => {
  it('are the columns of all the rows, whatever the pieces', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => ({
      id: `row-${i % 3}`,
      value: i % 7 === 0 ? null : i / 8,
      few: i % 5 === 0 ? null : i % 4,
      zero: i % 2 === 0 ? -0 : 0,
      flag: i % 3 === 0,
      code: i % 11 === 0 ? null : String(i % 300),
      text: i < 50_000 ? `t${i % 40_000}` : `u${i}`,
      late: i > 60_000 ? 'x' : 1,
      // 65,536 distinct numbers and null: one more distinct value than a dictionary holds.
      edge: i < 65_536 ? i + 0.5 : null,
      runs: Math.floor(i / 100) % 3 === 0 ? null : Math.floor(i / 1000),
    }));
    const whole = ColumnTable.fromRows(rows);
    expect(whole.column('edge')?.kind).toBe('number');
    expect(whole.column('value')?.kind).toBe('dict');
    for (const col of whole.data)
      if (col.kind === 'dict') expect(new Set(col.dict.map((v) => (Object.is(v, -0) ? '-0' : v))).size).toBe(col.dict.length);
    expect(whole.rows()).toEqual(rows);
    for (const cuts of [
      [0, 70_000],
      [0, 10, 30_000, 30_001, 70_000],
      [0, 0, 65_000, 70_000],
    ]) {
      const parts = cuts.slice(1).map((end, i) => ColumnTable.fromRows(rows.slice(cuts[i], end)));
      const together = ColumnTable.concat(parts);
      expect(together).toEqual(whole);
      expect(together.rows()).toEqual(rows);
    }
    const objects = rows.slice(0, 100).map((r, i) => ({ ...r, late: i === 90 ? { a: 1 } : 1 }));
    expect(ColumnTable.concat([ColumnTable.fromRows(objects.slice(0, 50)), ColumnTable.fromRows(objects.slice(50))])).toEqual(
      ColumnTable.fromRows(objects),
    );
  });
});
