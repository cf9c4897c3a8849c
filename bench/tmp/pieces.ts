import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { columnsOf, observationsTable } from '/work/main/src/schemas/index.ts';
import { prng } from '/work/main/scripts/bench/synthetic.ts';
const n = 1_000_000;
const rand = prng(1);
const lines = [columnsOf(observationsTable).join(',')];
for (let i = 0; i < n; i++) lines.push(`synthetic-${i % 20},province,${String(1 + (i % 96)).padStart(2, '0')},${2000 + (i % 26)},${(rand() * 100).toFixed(2)},synthetic-doc-${i % 50},2026-01-15,as_published,`);
const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
lines.length = 0;
let t = performance.now();
const lap = (name: string) => { const now = performance.now(); console.log(name.padEnd(20), Math.round(now - t)); t = now; };
isUtf8(bytes); lap('isUtf8');
const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes); lap('decode');
const ls = [0]; for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ls.push(i + 1); lap('lineStarts');
const mode = process.argv[2] ?? 'papa';
if (mode === 'papa') { const r = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: '\n', skipEmptyLines: false, quoteChar: '"', fastMode: false }); lap('papa'); console.log(r.data.length); }
if (mode === 'papafast') { const r = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: '\n', skipEmptyLines: false, quoteChar: '"', fastMode: true }); lap('papafast'); console.log(r.data.length); }
if (mode === 'split') { const rows: string[][] = []; let o = 0; for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', o)) { rows.push(text.slice(o, i).split(',')); o = i + 1; } lap('split'); console.log(rows.length); }
