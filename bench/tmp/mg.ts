import Papa from 'papaparse';
import { prng } from '/work/main/scripts/bench/synthetic.ts';
const n = 1_000_000;
const rand = prng(1);
const lines = ['a,b,c,d,e,f,g,h,i'];
for (let i = 0; i < n; i++) lines.push(`synthetic-${i % 20},province,${String(1 + (i % 96)).padStart(2, '0')},${2000 + (i % 26)},${(rand() * 100).toFixed(2)},synthetic-doc-${i % 50},2026-01-15,as_published,`);
const text = `${lines.join('\n')}\n`;
const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data;
rows.pop(); rows.shift();
const mode = process.argv[2];
for (let rep = 0; rep < 3; rep++) {
  const caches = Array.from({ length: 9 }, () => new Map<string, number>());
  const last = Array.from({ length: 9 }, () => ({ raw: '\u0000', v: 0 }));
  let t0 = performance.now(); let s = 0;
  for (const row of rows) for (let i = 0; i < 9; i++) {
    const raw = row[i]!;
    if (mode === 'last' && last[i]!.raw === raw) { s += last[i]!.v; continue; }
    let v = caches[i]!.get(raw); if (v === undefined) caches[i]!.set(raw, v = raw.length); s += v;
    if (mode === 'last') { last[i]!.raw = raw; last[i]!.v = v; }
  }
  console.log(mode, 'lookups', Math.round(performance.now() - t0), s);
}
