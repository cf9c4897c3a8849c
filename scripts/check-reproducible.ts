/**
 * npm run check:reproducible [-- --a DIR --b DIR]
 * Builds the site twice from the same commit (or compares two given builds) and lists every file
 * that differs or exists in only one of them. Exit 1 when the builds differ.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { a: { type: 'string' }, b: { type: 'string' } } });
const root = join(import.meta.dirname, '..');

function build(): string {
  const out = mkdtempSync(join(tmpdir(), 'nq57-repro-'));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync('astro', ['build', '--outDir', out], { cwd: root, env, stdio: 'ignore' });
  // The search index as `npm run build` makes it, made each time (the cache would give the first one back).
  execFileSync(process.execPath, ['scripts/build-search-index.ts', '--site', out], {
    cwd: root,
    env: { ...env, PORTAL_CACHE_DIR: 'off' },
    stdio: 'ignore',
  });
  return out;
}

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

const a = values.a ? resolve(values.a) : build();
const b = values.b ? resolve(values.b) : build();
const ha = hashes(a);
const hb = hashes(b);
const differ = [...ha.keys()].filter((f) => hb.has(f) && hb.get(f) !== ha.get(f));
const onlyA = [...ha.keys()].filter((f) => !hb.has(f));
const onlyB = [...hb.keys()].filter((f) => !ha.has(f));
console.log(`${ha.size} files in A, ${hb.size} in B: ${differ.length} differ, ${onlyA.length} only in A, ${onlyB.length} only in B.`);
for (const f of differ) console.log(`differs: ${f}`);
for (const f of onlyA) console.log(`only in A: ${f}`);
for (const f of onlyB) console.log(`only in B: ${f}`);
process.exit(differ.length + onlyA.length + onlyB.length === 0 ? 0 : 1);
