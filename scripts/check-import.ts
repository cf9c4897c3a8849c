/**
 * npm run check:import — do the importers (scripts/import/all.ts) reproduce data/ from ../shared/sources
 * and scripts/import/curated? Runs them on a copy of data/ in a temporary folder (data/ is never
 * written) and compares every file of the copy with data/, byte for byte. Exit 0: identical;
 * 1: a file differs (named); 2: ../shared is not there (the importers cannot run on this machine).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SHARED_DIR } from './import/lib.ts';

const root = join(import.meta.dirname, '..');
if (!existsSync(join(SHARED_DIR, 'sources'))) {
  console.error(`${SHARED_DIR}/sources is not there: the importers read it (set SHARED_DIR to its folder).`);
  process.exit(2);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const work = mkdtempSync(join(tmpdir(), 'nq57-import-'));
try {
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  // press-figures.ts also writes ../scripts/import/curated/task-progress-pending.csv next to the data folder.
  const pending = 'scripts/import/curated/task-progress-pending.csv';
  mkdirSync(join(work, 'scripts/import/curated'), { recursive: true });
  const run = spawnSync(process.execPath, [join(root, 'scripts/import/all.ts')], {
    env: { ...process.env, DATA_DIR: data },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(`scripts/import/all.ts failed (exit ${run.status}):\n${run.stderr.slice(-4000)}`);
    process.exit(1);
  }
  const differ: string[] = [];
  const compare = (a: string, b: string, name: string) => {
    if (!existsSync(b)) differ.push(`${name}: not written by the importers`);
    else if (!existsSync(a)) differ.push(`${name}: written by the importers, not in the repository`);
    else if (!readFileSync(a).equals(readFileSync(b))) differ.push(`${name}: differs`);
  };
  const names = new Set(
    [...filesUnder(join(root, 'data')), ...filesUnder(data)].map((p) => relative(p.startsWith(data) ? data : join(root, 'data'), p)),
  );
  for (const name of [...names].sort()) compare(join(root, 'data', name), join(data, name), `data/${name}`);
  compare(join(root, pending), join(work, pending), pending);
  if (differ.length > 0) {
    console.error(`The importers do not reproduce the repository (${differ.length} file(s)):\n${differ.map((d) => `  ${d}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`The importers reproduce data/ byte for byte (${names.size} files) and ${pending}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
