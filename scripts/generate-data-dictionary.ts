/**
 * Writes the column tables of data/README.md (between the dictionary markers) from the schemas,
 * so the published documentation cannot drift from what the validator enforces.
 * `--check` exits 1 when data/README.md is out of date (used by the tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataDictionaryMarkdown } from '../src/lib/data/data-dictionary.ts';

const path = join(import.meta.dirname, '../data/README.md');
const START = '<!-- dictionary:start -->';
const END = '<!-- dictionary:end -->';
const text = readFileSync(path, 'utf8');
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a < 0 || b < a) {
  console.error(`data/README.md needs the markers ${START} and ${END}.`);
  process.exit(2);
}
const next = `${text.slice(0, a + START.length)}\n${buildDataDictionaryMarkdown()}\n${text.slice(b)}`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('data/README.md is out of date: run npm run data:dictionary');
    process.exit(1);
  }
} else if (next !== text) {
  writeFileSync(path, next);
  console.log('data/README.md: dictionary updated');
}
