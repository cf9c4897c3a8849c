/**
 * Copies the hand-curated tables (documents, indicators) from scripts/import/curated/ into
 * data/, normalised to NFC and written in schema column order. After launch these tables are edited
 * in data/ directly; this script only records how the launch data was made.
 *
 * Run: node scripts/import/curated.ts
 */
import { join } from 'node:path';
import { readCsv, writeCsv } from './lib.ts';
import { columnsOf, documentsTable, indicatorsTable } from '../../src/schemas/index.ts';

// Tasks, their reports and the agencies are built by tasks.ts.
for (const table of [documentsTable, indicatorsTable]) {
  writeCsv(table.file, columnsOf(table), readCsv(join(import.meta.dirname, 'curated', table.file)));
}
