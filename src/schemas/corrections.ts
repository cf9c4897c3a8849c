/**
 * data/corrections.csv: why a published value was corrected, one line per changed cell (or removed
 * row) of a release. Not a published table (it is not in TABLES or in a release): the old and new
 * values are never written here, they come from the releases themselves (release/diff.ts); this file
 * only adds the reason, quoted from the release notes or the decision that says so. The notes are
 * written in English; `reason_vi` is a Vietnamese wording of the same reason only when a source gives
 * one (a Vietnamese decision or notice), never a translation made for this file.
 */
import { z } from 'zod';
import { key, text } from './cells.ts';

export const CORRECTIONS_FILE = 'corrections.csv';

export const CorrectionRowSchema = z.object({
  release: key('Release that published the corrected value (MAJOR.MINOR.PATCH).', /^\d+\.\d+\.\d+$/, { example: '1.1.0' }),
  table: key('Table of the corrected row (its name, e.g. observations).', /^[a-z_]+$/, { example: 'targets' }),
  key: text(
    'Primary key of the row as the changelog shows it: the parts in key order separated by " | " (e.g. dti | national | VN | 2024).',
    {
      maxLength: 500,
    },
  ),
  column: key('Column whose value changed; empty when the whole row was removed.', /^[a-z_]+$/, { required: false, example: 'comparator' }),
  reason: text('Why, quoted from the release notes (or the decision) that say so, in English as the notes are.', { maxLength: 2000 }),
  reason_vi: text(
    'The same reason in Vietnamese, quoted from a Vietnamese source that gives it (a decision, a notice); empty unless such a source exists: never machine-translated.',
    { required: false, maxLength: 2000 },
  ),
});

export type CorrectionRow = z.output<typeof CorrectionRowSchema>;

export const correctionsTable = {
  name: 'corrections',
  file: CORRECTIONS_FILE,
  row: CorrectionRowSchema,
  primaryKey: ['release', 'table', 'key', 'column'],
} as const;
