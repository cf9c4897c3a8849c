/**
 * data/removals.csv: published rows removed on purpose, one line per key, with the reason. Not a
 * published table (it is not in TABLES or in a release); the validator reads it to tell a declared
 * removal from a row lost by mistake (docs/validation-codes.md, published-key-missing).
 */
import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';

export const REMOVALS_FILE = 'removals.csv';
/** Parts of a composite key are written in primary-key order, separated by this character. */
export const REMOVAL_KEY_SEPARATOR = '|';

export const REMOVABLE_TABLES = [
  'provinces',
  'unit_changes',
  'former_provinces',
  'communes',
  'commune_merges',
  'documents',
  'indicators',
  'targets',
  'observations',
  'tasks',
] as const;

export const RemovalRowSchema = z.object({
  table: oneOf(REMOVABLE_TABLES, 'Table the row is removed from (its name, e.g. observations).'),
  key: text(
    'Primary key of the removed row as published; parts of a composite key in key order separated by | (e.g. dti|province|01|2024).',
    { maxLength: 500 },
  ),
  reason: text('Why the row is removed, with the source or decision that says so.', { maxLength: 1000 }),
  release: key('First release without the row (MAJOR.MINOR.PATCH).', /^\d+\.\d+\.\d+$/, { example: '1.1.0' }),
});
