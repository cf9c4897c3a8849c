/** The boundary crosswalk is read through its schema: a wrong cell stops the build instead of misplacing a province. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundaryCodes } from '../../../src/lib/charts/geo.ts';

const DATA = join(import.meta.dirname, '../../../data');

function boundariesWith(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nq57-boundaries-'));
  cpSync(join(DATA, 'boundaries'), join(dir, 'boundaries'), { recursive: true });
  const path = join(dir, 'boundaries/former-provinces-63-codes.csv');
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

describe('boundary crosswalk', () => {
  it('matches the 63 polygons to 63 distinct former codes, typed', () => {
    const rows = readBoundaryCodes(DATA);
    expect(rows).toHaveLength(63);
    expect(new Set(rows.map((r) => r.former_code)).size).toBe(63);
    expect(rows[0]).toEqual({ gid: 1, ten_tinh: 'An Giang', former_code: '89' });
  });

  it('refuses a code that is not a province code', () => {
    expect(() => readBoundaryCodes(boundariesWith((t) => t.replace('1,An Giang,89', '1,An Giang,8')))).toThrow(
      /line 2, former_code; pattern-error/,
    );
  });

  it('refuses a gid that is not a whole number', () => {
    expect(() => readBoundaryCodes(boundariesWith((t) => t.replace('1,An Giang,89', 'x1,An Giang,89')))).toThrow(/line 2, gid; type-error/);
  });
});
