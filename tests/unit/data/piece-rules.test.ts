/**
 * The rules across tables of observations.csv read in pieces (validate-dataset.ts,
 * observationChecksByPiece): the rules of each row are kept per piece, keyed by the piece and what
 * they read of the other tables; the keys of the whole table are compared on the store's columns
 * (validate-relations.ts). SYNTHETIC observations of the valid fixture, with small pieces.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnTable } from '../../../src/lib/data/store.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { validateRelations } from '../../../src/lib/data/validate-relations.ts';
import { TABLES, type Tables } from '../../../src/schemas/index.ts';
import { OBSERVATIONS_HEADER, SMALL_PIECE_BUDGET, editLine, treeWith } from './helpers.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'nq57-piece-rules-'));
const HEADER = OBSERVATIONS_HEADER;
const BUDGET = SMALL_PIECE_BUDGET;

/**
 * SYNTHETIC observations that break each rule of an observation row somewhere (an unknown area, a
 * national row with a province code, an unknown source and indicator, dates after the as-of date,
 * a period of another kind, a rank without scope or beyond it, a fraction of a count, a value out
 * of range), and the percent indicator with every value below 1 (first in a later piece).
 */
function observations(rows = 400): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const province = ['01', '75', '96'][i % 3]!;
    const year = 1000 + i;
    const kind = i % 23;
    if (kind === 1) lines.push(`dti,province,99,${year},0.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 2) lines.push(`dti,national,01,${year},0.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 3) lines.push(`dti,province,${province},${year},0.5,nowhere,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 4) lines.push(`nope,province,${province},${year},0.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 5) lines.push(`dti,province,${province},${year},0.5,fixture-article,2027-01-02,as_published,SYNTHETIC,2027-01-01,,`);
    else if (kind === 6) lines.push(`dti,province,${province},${year}-01,0.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 7) lines.push(`dti-rank,province,${province},${year},5,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else if (kind === 8) lines.push(`dti-rank,province,${province},${year},70,fixture-article,2025-10-21,as_published,SYNTHETIC,,63,`);
    else if (kind === 9) lines.push(`dti-rank,province,${province},${year},2.5,fixture-article,2025-10-21,as_published,SYNTHETIC,,63,`);
    else if (kind === 10) lines.push(`dti,province,${province},${year},1.5,fixture-article,2025-10-21,as_published,SYNTHETIC,2025-11-01,,`);
    else if (kind === 11 && i > 100)
      lines.push(`online-share,province,${province},${year}-Q1,0.25,fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
    else lines.push(`dti,province,${province},${year},${((i * 37) % 1000) / 1000},fixture-article,2025-10-21,as_published,SYNTHETIC,,,`);
  }
  return `${lines.join('\n')}\n`;
}

const RULE_CODES = [
  'unknown-area',
  'area-mismatch',
  'unknown-source',
  'unknown-reference',
  'date-after-as-of',
  'as-of-after-published',
  'period-mismatch',
  'rank-without-scope',
  'rank-beyond-scope',
  'not-whole-number',
  'value-out-of-range',
  'percent-as-fraction',
];

/** What validateDataset gives that the store must not change: the issues, the rows and their lines. */
const outcome = (data: ReturnType<typeof validateDataset>) => ({
  issues: data.issues,
  observations: data.tables.observations,
  lines: data.lines.observations,
});

const ruleEntries = (cache: string) => readdirSync(join(cache, 'nq57-piece-rules')).sort();

describe('the rules across tables, per piece of observations.csv', () => {
  it('give the issues of the whole table, cold and warm, after a change of one cell and with a duplicate key across two pieces', () => {
    const text = observations();
    const duplicated = `${text}dti,province,01,1000,0.9,fixture-article,2025-10-21,as_published,SYNTHETIC,,,\n`;
    for (const file of [text, duplicated]) {
      const dir = treeWith({ 'observations.csv': file });
      const reference = outcome(validateDataset(dir));
      const codes = new Set(reference.issues.map((i) => i.code));
      for (const code of RULE_CODES) expect(codes).toContain(code);
      if (file === duplicated) expect(codes).toContain('duplicate-key');
      const cache = temp();
      const options = { cacheDir: cache, pieceBytes: BUDGET };
      expect(outcome(validateDataset(dir, options))).toEqual(reference);
      expect(ruleEntries(cache).length).toBeGreaterThan(5);
      // One cell of a late piece: the percent indicator's first row moves to it.
      writeFileSync(join(dir, 'observations.csv'), file.replace(',1200,0.4,', ',1200,0.45,').replace(',1103-Q1,0.25,', ',1103-Q1,0.5,'));
      const changed = outcome(validateDataset(dir));
      expect(outcome(validateDataset(dir, options))).toEqual(changed);
      // A row of the first piece now a percent value: the indicator's first row comes from the first piece.
      writeFileSync(
        join(dir, 'observations.csv'),
        file.replace(
          '\ndti,province,75,1013,',
          '\nonline-share,province,75,1013-Q2,0.75,x,2025-01-01,as_published,,,,\ndti,province,75,9013,',
        ),
      );
      const early = outcome(validateDataset(dir));
      expect(early.issues.find((i) => i.code === 'percent-as-fraction')?.message).toContain('first on line 15 ');
      expect(outcome(validateDataset(dir, options))).toEqual(early);
      // A value above 1 in a later piece than the first: no warning.
      writeFileSync(join(dir, 'observations.csv'), file.replace(',1379-Q1,0.25,', ',1379-Q1,50,'));
      const above = outcome(validateDataset(dir));
      expect(above.issues.map((i) => i.code)).not.toContain('percent-as-fraction');
      expect(outcome(validateDataset(dir, options))).toEqual(above);
    }
  });

  it('run again only on the piece that changed', () => {
    const dir = treeWith({ 'observations.csv': observations() });
    const cache = temp();
    const options = { cacheDir: cache, pieceBytes: BUDGET };
    validateDataset(dir, options);
    const before = ruleEntries(cache);
    writeFileSync(
      join(dir, 'observations.csv'),
      observations().replace(',1300,', ',1300,0.5,x,2025-10-21,as_published,,,,\ndti,province,75,8300,'),
    );
    const data = validateDataset(dir, options);
    expect(outcome(data)).toEqual(outcome(validateDataset(dir)));
    const after = ruleEntries(cache);
    // The piece that changed is one new entry (or two, when the change moved a cut); the others are kept.
    expect(after.filter((e) => !before.includes(e)).length).toBeGreaterThanOrEqual(1);
    expect(after.filter((e) => !before.includes(e)).length).toBeLessThanOrEqual(2);
    expect(after.length - after.filter((e) => !before.includes(e)).length).toBeGreaterThan(5);
    expect(after.length).toBe(data.pieces.observations?.length);
  });

  const others: Record<string, Record<string, (text: string) => string>> = {
    'a province removed': {
      'provinces.csv': (t) =>
        t
          .split('\n')
          .filter((l) => !l.startsWith('75,'))
          .join('\n'),
    },
    'a document removed': {
      'documents.csv': (t) =>
        t
          .split('\n')
          .filter((l) => !l.startsWith('fixture-article,'))
          .join('\n'),
    },
    "an indicator's bounds": { 'indicators.csv': editLine('dti,', ',0,1,', ',0,0.5,') },
    "an indicator's unit": { 'indicators.csv': editLine('dti-rank,', ',rank,', ',count,') },
    'the as-of date': { 'dataset.json': (t) => t.replace('"as_of": "2026-07-25"', '"as_of": "2025-06-01"') },
  };
  for (const [name, changes] of Object.entries(others)) {
    it(`are not trusted across a change of what they read of the other tables: ${name}`, () => {
      const dir = treeWith({ 'observations.csv': observations() });
      const cache = temp();
      const options = { cacheDir: cache, pieceBytes: BUDGET };
      validateDataset(dir, options);
      const before = ruleEntries(cache);
      const edited = treeWith({ 'observations.csv': observations(), ...changes });
      const reference = outcome(validateDataset(edited));
      expect(reference.issues).not.toEqual(outcome(validateDataset(dir)).issues);
      expect(outcome(validateDataset(edited, options))).toEqual(reference);
      // Every piece's results again, under the new context; the old ones removed.
      const after = ruleEntries(cache);
      expect(after.filter((e) => before.includes(e))).toEqual([]);
      expect(after.length).toBe(before.length);
    });
  }

  it('are run on a tree whose tasks changed (another file) from their stored results', () => {
    const dir = treeWith({ 'observations.csv': observations() });
    const cache = temp();
    const options = { cacheDir: cache, pieceBytes: BUDGET };
    validateDataset(dir, options);
    const before = ruleEntries(cache);
    writeFileSync(join(dir, 'targets.csv'), '');
    expect(outcome(validateDataset(dir, options))).toEqual(outcome(validateDataset(dir)));
    expect(ruleEntries(cache)).toEqual(before);
  });
});

describe('duplicate keys on the columns', () => {
  /**
   * SYNTHETIC rows of observations' key with nulls, empty texts and numbers among its cells, in no
   * order; or sorted by their key, as most files are (one indicator and period, areas in order).
   */
  function rows(n: number, sorted: boolean, seed: number) {
    let s = seed;
    const random = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    return Array.from({ length: n }, (_, i) => ({
      indicator_id: sorted ? 'i0' : random() < 0.05 ? null : random() < 0.05 ? '' : `i${Math.floor(random() * 7)}`,
      area_level: 'province',
      area_code: sorted ? String(i).padStart(6, '0') : String(Math.floor(random() * n)),
      period: sorted ? 2024 : random() < 0.5 ? 2024 : 2025,
      as_of: null,
    }));
  }

  it('are those of the rows, in row order, sorted or not, with or without duplicates', () => {
    const def = TABLES.find((t) => t.name === 'observations')!;
    for (const [n, sorted, duplicate, seed] of [
      [5000, false, true, 1],
      [20_000, false, true, 2],
      [3000, true, true, 3],
      [40_000, true, true, 4],
      [40_000, true, false, 5],
      [2, false, true, 6],
    ] as const) {
      const observations = rows(n, sorted, seed) as unknown as Tables['observations'];
      if (sorted && duplicate) {
        // A copy of a row further on, and one right after its row.
        observations.splice(n / 2, 0, { ...observations[n / 4]! }, { ...observations[n - 1]! });
        observations.splice(n / 5 + 1, 0, { ...observations[n / 5]! });
      }
      // Two rows, one key.
      if (n === 2) observations[1] = { ...observations[0]! };
      const lines = observations.map((_, i) => i + 2);
      const data = {
        tables: Object.fromEntries(TABLES.map((t) => [t.name, t.name === 'observations' ? observations : []])) as unknown as Tables,
        lines: Object.fromEntries(TABLES.map((t) => [t.name, t.name === 'observations' ? lines : []])) as never,
        rawKeys: Object.fromEntries(TABLES.map((t) => [t.name, new Set<string>()])) as never,
        meta: null,
      };
      const checked = { issues: [], percent: new Map() };
      const byRows = validateRelations(data, checked).filter((i) => i.code === 'duplicate-key');
      const table = ColumnTable.fromRows(observations as unknown as Record<string, unknown>[]);
      expect(def.primaryKey.every((k) => table.column(k)?.kind === 'dict')).toBe(true);
      const byColumns = validateRelations({ ...data, columns: { observations: table as never } }, checked).filter(
        (i) => i.code === 'duplicate-key',
      );
      if (duplicate) expect(byRows.length).toBeGreaterThanOrEqual(n === 2 ? 1 : sorted ? 3 : 100);
      else expect(byRows).toEqual([]);
      expect(byColumns).toEqual(byRows);
    }
  });
});
