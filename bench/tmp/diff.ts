// Differential check: old (HEAD) vs new validator, full outputs compared.
import { isDeepStrictEqual } from 'node:util';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oldP from './old/src/lib/data/parse-csv.ts';
import * as oldV from './old/src/lib/data/validate-rows.ts';
import * as oldD from './old/src/lib/data/validate-dataset.ts';
import * as newP from '../../src/lib/data/parse-csv.ts';
import * as newV from '../../src/lib/data/validate-rows.ts';
import * as newR from '../../src/lib/data/read-dataset.ts';
import * as newD from '../../src/lib/data/validate-dataset.ts';
import { TABLES, columnsOf, type TableDef } from '../../src/schemas/index.ts';

let failures = 0;
const check = (name: string, a: unknown, b: unknown) => {
  if (!isDeepStrictEqual(a, b)) { failures++; console.log('DIFF', name); console.log(' old', JSON.stringify(a).slice(0, 1500)); console.log(' new', JSON.stringify(b).slice(0, 1500)); }
};
const strip = (d: any) => ({ ...d, dir: undefined });
for (const dir of process.argv.slice(2)) {
  const a = oldD.validateDataset(dir);
  const b = newD.validateDataset(dir);
  check(`dataset ${dir}`, strip(a), strip(b));
  // key order of row objects
  for (const t of Object.keys(a.tables)) check(`keys ${dir} ${t}`, (a.tables as any)[t].map((r: object) => Object.keys(r).join()), (b.tables as any)[t].map((r: object) => Object.keys(r).join()));
  console.log('dataset', dir, a.issues.length, b.issues.length);
}
// Edge cases through every table definition.
const enc = (s: string) => new TextEncoder().encode(s);
const bodies = (h: string) => [
  '', '\n', '\r\n', '\n\n', h, `${h}\n`, `${h}\r\n`, `${h}\n\n`, `${h}\n\n\n`, `${h}\n,,,\n`, `${h}\na\n`, `${h}\na,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s\n`,
  `${h}\n"unterminated,x\n`, `${h}\n"a"b,c\n`, `${h}\nx"y",z\n`, `${h}\n"multi\nline",2\n3,4\n`, `${h}\r\n1,2\n3,4\r\n`, `${h}\n1,2\r\n3,4\n`, `${h}\r1,2\r`,
  `\uFEFF${h}\n`, `${h},${h}\n`, `${h.replace(',', ';')}\n`, ` ${h}\n`, `${h}\n"a""b",c\n"",""\n`, `${h}\n"a"  ,b\n`, `${h}\n"a`, `${h}\n"a"x"b"\n`,
];
const samples: Uint8Array[] = [];
for (const def of TABLES as readonly TableDef[]) {
  const h = columnsOf(def).join(',');
  for (const b of bodies(h)) samples.push(enc(b));
  // real rows of the valid fixture with each line mangled
  const real = readFileSync(join('tests/fixtures/valid', def.file), 'utf8');
  const ls = real.split('\n');
  for (let k = 1; k < Math.min(ls.length, 6); k++) {
    for (const f of [(l: string) => l.replace(',', ',,'), (l: string) => l.replace(/,[^,]*$/, ''), (l: string) => `"${l}"`, (l: string) => l.replace(',', '",'), (l: string) => '', (l: string) => l + '\r', (l: string) => l.replace(/,/g, '",')]) {
      const m = [...ls]; m[k] = f(m[k]!); samples.push(enc(m.join('\n')));
    }
  }
  samples.push(enc(real), enc(real.replace(/\n/g, '\r\n')), enc(real.trimEnd()));
}
let n = 0;
for (const def of TABLES as readonly TableDef[]) {
  for (const bytes of samples) {
    n++;
    const po = oldP.parseCsv(bytes, def.file, columnsOf(def));
    const pn = newP.parseCsv(bytes, def.file, columnsOf(def));
    check(`parse ${def.name} ${JSON.stringify(new TextDecoder().decode(bytes)).slice(0, 100)}`, po, pn);
    const vo = po.readable ? oldV.validateRows(def, po.records, po.header) : { rows: [], issues: [] };
    const t = newR.readTable(def, bytes);
    const old = { rows: vo.rows.map((r) => r.row), lines: vo.rows.map((r) => r.line), issues: [...po.issues, ...vo.issues] };
    check(`readTable ${def.name} ${JSON.stringify(new TextDecoder().decode(bytes)).slice(0, 100)}`, old, { rows: t.rows, lines: t.lines, issues: t.issues });
    check(`validateRows ${def.name}`, vo, po.readable ? newV.validateRows(def, pn.records, pn.header) : { rows: [], issues: [] });
  }
}
console.log('samples', n, 'failures', failures);
