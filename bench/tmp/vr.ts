// variants of row construction
const n = 1_000_000;
const cols = ['indicator_id','area_level','area_code','period','value','source_id','published_on','status','note'];
const vals = cols.map((c, i) => Array.from({ length: 50 }, (_, k) => `${c}-${k}`));
const variant = process.argv[2];
const t0 = performance.now();
const out: unknown[] = [];
const template: Record<string, unknown> = {}; for (const c of cols) template[c] = null;
for (let r = 0; r < n; r++) {
  let row: Record<string, unknown>;
  if (variant === 'dyn') { row = {}; for (let i = 0; i < cols.length; i++) row[cols[i]!] = vals[i]![r % 50]; }
  else { row = { ...template }; for (let i = 0; i < cols.length; i++) row[cols[i]!] = vals[i]![r % 50]; }
  out.push(variant === 'wrap' ? { line: r, row } : row);
}
console.log(variant, Math.round(performance.now() - t0));
