import Papa from 'papaparse';
import { prng } from '/work/main/scripts/bench/synthetic.ts';
const n = 1_000_000;
const rand = prng(1);
const lines = ['a,b,c,d,e,f,g,h,i'];
for (let i = 0; i < n; i++) lines.push(`synthetic-${i % 20},province,${String(1 + (i % 96)).padStart(2, '0')},${2000 + (i % 26)},${(rand() * 100).toFixed(2)},synthetic-doc-${i % 50},2026-01-15,as_published,`);
const text = `${lines.join('\n')}\n`;
lines.length = 0;
const mode = process.argv[2];
const t0 = performance.now(); let count = 0;
if (mode === 'all') count = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data.length;
if (mode === 'step') Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', step: (r) => { count += r.data.length; } });
if (mode === 'chunk') Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', chunkSize: 1 << 20, chunk: (r) => { count += r.data.length; } });
if (mode === 'slices') { // parse in line-aligned slices of ~1MB
  let o = 0; while (o < text.length) { let e = text.indexOf('\n', o + (1 << 20)); e = e < 0 ? text.length : e + 1; count += Papa.parse<string[]>(text.slice(o, e), { delimiter: ',', newline: '\n' }).data.length; o = e; }
}
console.log(mode, Math.round(performance.now() - t0), count);
