/**
 * Files of data/boundaries/ that are CSV: not published tables (no download, no Table Schema), but
 * read through the same column builders so the build never trusts an unchecked cell.
 */
import { z } from 'zod';
import { key, number, text } from './cells.ts';
import { PROVINCE_CODE, type CsvTableDef } from './table.ts';

export const BoundaryCodeRowSchema = z.object({
  gid: number('Feature id (gid) of the polygon in former-provinces-63.topo.json.', { integer: true }),
  ten_tinh: text('Name of the former province as written in the boundary file.'),
  former_code: key('Official GSO code of the former province (former_provinces.csv).', PROVINCE_CODE, { example: '89' }),
});

/** The 63 polygons of former-provinces-63.topo.json matched to the official former codes (scripts/import/boundaries.ts). */
export const boundaryCodesTable = {
  name: 'boundary_codes',
  file: 'boundaries/former-provinces-63-codes.csv',
  row: BoundaryCodeRowSchema,
  primaryKey: ['gid'],
} satisfies CsvTableDef;

export type BoundaryCodeRow = z.output<typeof BoundaryCodeRowSchema>;
