/**
 * Writes tests/fixtures/hostile/: the valid fixture tree with text fields full of characters that
 * break careless HTML, SVG, JSON, XML and CSV code, but that the validator accepts (it refuses
 * markup, formulas and javascript: links: see tests/unit/data/hostile.test.ts). The site built from
 * it must show every value literally, run none of it, and keep the markup intact.
 * Run: node scripts/make-hostile-fixture.ts
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const root = join(import.meta.dirname, '..');
const from = join(root, 'tests/fixtures/valid');
const to = join(root, 'tests/fixtures/hostile');

/** Accepted by the validator, dangerous if a template or serializer forgets to escape. */
export const HOSTILE = [
  `Quote " and ' and \` backtick" onmouseover="window.__xss=1`,
  `a < b && c > d; x>y ${'$'}{window.__xss=1} {{constructor.constructor('window.__xss=1')()}}`,
  `javascript:window.__xss=1 (as text, not a link) \\ back\\slash`,
  // Right-to-left script without bidi controls (the validator refuses overrides and zero-width characters).
  `RTL עברית ومعها, combining q\u0308, emoji 🇻🇳✅, line\u2028separator`,
];
const LONG = `Dài ${'rất dài '.repeat(700)}`.slice(0, 5000).trim();

function edit(file: string, change: (row: Record<string, string>, i: number) => void, extra: Record<string, string>[] = []): void {
  const path = join(to, file);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  parsed.data.push(...extra);
  parsed.data.forEach(change);
  writeFileSync(
    path,
    `${Papa.unparse({ fields: parsed.meta.fields!, data: parsed.data.map((r) => parsed.meta.fields!.map((f) => r[f] ?? '')) }, { newline: '\n' })}\n`,
  );
}

rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
edit('provinces.csv', (r, i) => {
  if (i === 2) r.name_en = HOSTILE[0]!;
});
edit('tasks.csv', (r, i) => {
  r.title_vi = `${r.title_vi} — ${HOSTILE[i % HOSTILE.length]}`;
  r.title_en = `${r.title_en} — ${HOSTILE[(i + 1) % HOSTILE.length]}`;
  r.owner = HOSTILE[(i + 2) % HOSTILE.length]!;
  r.note = i === 0 ? LONG : HOSTILE[(i + 3) % HOSTILE.length]!;
});
edit('progress_reports.csv', (r, i) => {
  r.evidence_vi = HOSTILE[i % HOSTILE.length]!;
  r.note = HOSTILE[(i + 1) % HOSTILE.length]!;
});
edit('agencies.csv', (r, i) => {
  r.name_vi = `${r.name_vi} ${HOSTILE[i % HOSTILE.length]}`;
  r.name_en = `${r.name_en} ${HOSTILE[(i + 1) % HOSTILE.length]}`;
});
edit('documents.csv', (r, i) => {
  r.title_vi = `${r.title_vi} ${HOSTILE[i % HOSTILE.length]}`;
  r.title_en = `${r.title_en} ${HOSTILE[(i + 1) % HOSTILE.length]}`;
  r.issuer = HOSTILE[(i + 2) % HOSTILE.length]!;
  if (r.url) r.url = 'https://example.org/a?b=1&c="2"&d=<3>';
});
edit('indicators.csv', (r, i) => {
  r.name_vi = `${r.name_vi} ${HOSTILE[i % HOSTILE.length]}`;
  r.description_en = LONG;
});
// Commune figures (the valid tree has none): a series whose latest period is a gap, and a series of gaps only.
const communeFigure = (indicator_id: string, period: string, value: string) => ({
  indicator_id,
  area_level: 'commune',
  area_code: '00004',
  period,
  value,
  source_id: 'fixture-article',
  published_on: '2025-10-21',
  method: 'as_published',
});
edit(
  'observations.csv',
  (r, i) => {
    r.note = HOSTILE[i % HOSTILE.length]!;
  },
  [communeFigure('online-share', '2024-Q3', '40'), communeFigure('online-share', '2024-Q4', ''), communeFigure('dti', '2024', '')],
);
const meta = JSON.parse(readFileSync(join(to, 'dataset.json'), 'utf8'));
meta.title_en = `Hostile fixture ${HOSTILE[1]}`;
meta.publisher = HOSTILE[0];
writeFileSync(join(to, 'dataset.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.log(`wrote ${to}`);
