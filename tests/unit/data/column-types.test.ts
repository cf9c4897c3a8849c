/**
 * The row types say what the validator guarantees: a required column is `T`, an optional one `T | null`.
 * The type assertions are checked by `npm run check` (tsc over tests/); the runtime cases check the
 * guarantee itself: no row the validator keeps holds null in a required column.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { getColumnMeta, TABLES, text, type ObservationRow, type TaskRow } from '../../../src/schemas/index.ts';
import type { z } from 'zod';
import { editLine, treeWith, VALID_DIR } from './helpers.ts';

describe('column types', () => {
  it('types required columns without null and optional columns with it', () => {
    expectTypeOf<ObservationRow['period']>().toEqualTypeOf<string>();
    expectTypeOf<ObservationRow['area_code']>().toEqualTypeOf<string>();
    expectTypeOf<ObservationRow['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<TaskRow['recurrence']>().toEqualTypeOf<'none' | 'ongoing' | 'yearly'>();
    expectTypeOf<TaskRow['area_code']>().toEqualTypeOf<string | null>();
    // `required` known only at run time: the type cannot promise a value.
    expectTypeOf<z.output<ReturnType<typeof text<boolean>>>>().toEqualTypeOf<string | null>();
    // Runtime side of the same column: an empty optional cell is null, an empty required one fails.
    expect(text('x', { required: false }).parse('')).toBeNull();
    expect(text('x').safeParse('').success).toBe(false);
  });

  it('keeps no row with an empty required cell', () => {
    const data = validateDataset(treeWith({ 'indicators.csv': editLine('dti-rank', 'Thứ hạng DTI', '') }));
    expect(data.tables.indicators.map((i) => i.id)).not.toContain('dti-rank');
    expect(data.tables.indicators.length).toBeGreaterThan(0);
  });

  it.each([VALID_DIR, 'data'])('holds no null in a required column of any table kept from %s', (dir) => {
    const data = validateDataset(dir);
    for (const def of TABLES) {
      const required = Object.entries(def.row.shape)
        .filter(([, column]) => getColumnMeta(column as z.ZodType).required)
        .map(([name]) => name);
      const rows: readonly Record<string, unknown>[] = data.tables[def.name];
      expect(rows.length, def.name).toBeGreaterThan(0);
      const nulls = rows.flatMap((row) => required.filter((c) => row[c] === null || row[c] === undefined).map((c) => `${def.name}.${c}`));
      expect(nulls).toEqual([]);
    }
  });
});
