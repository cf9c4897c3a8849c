/**
 * npm run data:diff [-- --data-dir DIR]
 * Prints, in Markdown for a pull request, what the working data changes against the latest release:
 * counts per table and the changed rows with old and new values. Removed rows and changed published
 * values are flagged: nothing published may disappear or change silently.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countChanges } from '../src/lib/release/diff.ts';
import { diffWorkingData } from '../src/lib/release/history.ts';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: 'data' }, limit: { type: 'string', default: '50' } } });
const { against, changes } = diffWorkingData(resolve(values['data-dir']));
const limit = Number(values.limit);
const totals = countChanges(changes);
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const out: string[] = [`## Data changes against ${against ? `release ${against}` : 'an empty tree (no release yet)'}`, ''];
out.push('| table | added | removed | changed |', '|---|---:|---:|---:|');
for (const c of changes) out.push(`| ${c.file} | ${c.added.length} | ${c.removed.length} | ${c.changed.length} |`);
out.push(`| **total** | **${totals.added}** | **${totals.removed}** | **${totals.changed}** |`, '');
if (against && (totals.removed > 0 || totals.changed > 0)) {
  out.push(
    `> ⚠️ This change removes ${totals.removed} and changes ${totals.changed} published rows. Explain each in the release notes: they will be published as corrections, with the old values kept visible.`,
    '',
  );
}
for (const c of changes) {
  if (c.changed.length === 0 && c.removed.length === 0 && (c.added.length === 0 || !against)) continue;
  out.push(`### ${c.file}`, '');
  if (c.changed.length > 0) {
    out.push('| key | column | old | new |', '|---|---|---|---|');
    for (const ch of c.changed.slice(0, limit))
      for (const col of ch.columns) out.push(`| ${md(ch.key)} | ${col} | ${md(ch.before[col] ?? '')} | ${md(ch.after[col] ?? '')} |`);
    if (c.changed.length > limit) out.push(`| … | | ${c.changed.length - limit} more | |`);
    out.push('');
  }
  for (const [label, rows] of [
    ['Removed', c.removed],
    ['Added', c.added],
  ] as const) {
    if (rows.length === 0) continue;
    out.push(`<details><summary>${label} (${rows.length})</summary>`, '');
    for (const r of rows.slice(0, limit)) out.push(`- ${md(Object.values(r).filter(Boolean).slice(0, 6).join(' · '))}`);
    out.push('', '</details>', '');
  }
}
console.log(out.join('\n'));
