/**
 * npm run bench [-- --scales S,M,M50,L] [--build S,M50] [--out bench/out] [--site /path/to/checkout] [--no-warm]
 * Benchmarks on SYNTHETIC data (scripts/bench/synthetic.ts), never part of the tests:
 * validation throughput per scale, the 1,000,000-row validation, and (for the scales in --build)
 * the whole build (`npm run build`: validate:data, astro build with its heap capped, pagefind) cold (an empty build
 * cache, PORTAL_CACHE_DIR), then warm (again, with that cache, after changing ONE observation), each with wall and CPU time and peak memory (GNU time: the
 * largest resident set of the build's processes), pages per second, size of dist, of the search
 * index, the largest page and the largest file, and where dist's bytes go (bench/out/dist-{scale}-kinds.md);
 * for the warm build, how many pages and files Astro copied from the cold one (warmCopied; logs: build-{scale}-cold.log, build-{scale}.log).
 * `--site` builds another checkout of the portal (e.g. main, for a before/after) from the same data. Writes bench/out/report.json and report.md (a table).
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../../src/lib/data/validate-dataset.ts';
import { bench1m } from './validate-1m.ts';
import { generate, SCALES, type Scale } from './synthetic.ts';
import { kindsTable, measure } from './dist-size.ts';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    scales: { type: 'string', default: 'S,M,L' },
    build: { type: 'string', default: 'S' },
    out: { type: 'string', default: 'bench/out' },
    site: { type: 'string' },
    warm: { type: 'boolean', default: true },
  },
});
const root = join(import.meta.dirname, '../..');
const out = resolve(root, values.out);
// The checkout that is built (default: this one).
const site = resolve(values.site ?? root);
mkdirSync(out, { recursive: true });

/** Every file under dir, with its size. */
function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : [{ path, bytes: statSync(path).size }];
  });
}
const mib = (list: { bytes: number }[]) => +(list.reduce((n, f) => n + f.bytes, 0) / 2 ** 20).toFixed(1);

const report: Record<string, unknown> = {
  site,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  validate1m: bench1m(),
  scales: {},
};
for (const name of values.scales.split(',') as Scale['name'][]) {
  const dir = join(out, `data-${name}`);
  rmSync(dir, { recursive: true, force: true });
  const { rows } = generate(SCALES[name], dir, join(root, 'data'));
  const t0 = performance.now();
  const data = validateDataset(dir);
  const validateMs = performance.now() - t0;
  const totalRows = Object.values(data.tables).reduce((n, r) => n + r.length, 0);
  const entry: Record<string, unknown> = {
    observations: rows,
    totalRows,
    valid: data.valid,
    validateMs: Math.round(validateMs),
    rowsPerSecond: Math.round(totalRows / (validateMs / 1000)),
  };
  if (values.build.split(',').includes(name)) {
    const dist = join(out, `dist-${name}`);
    rmSync(dist, { recursive: true, force: true });
    // The build's cache (validated store, release downloads) starts empty: the first build is cold.
    const cache = join(out, `cache-${name}`);
    rmSync(cache, { recursive: true, force: true });
    const env = {
      ...process.env,
      PORTAL_DATA_DIR: dir,
      PORTAL_ALLOW_SYNTHETIC: '1',
      PORTAL_CACHE_DIR: cache,
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: `${join(site, 'node_modules/.bin')}:${process.env.PATH}`,
    };
    // npm run build, step by step, under GNU time (Debian package "time"): wall, user and system CPU, peak resident memory.
    const build = () => {
      // Astro's log goes to a file: at M50 it is over spawnSync's 1 MiB buffer, which kills the child (ENOBUFS).
      const log = join(out, `build-${name}.log`);
      // The three steps of `npm run build` (package.json), with the same heap cap for Astro, each timed on its own too.
      const steps = join(out, `steps-${name}.txt`);
      rmSync(steps, { force: true });
      const step = (label: string, command: string) => `/usr/bin/time -a -o "${steps}" -f "${label} %e %U %S %M" ${command}`;
      const script = [
        `${step('validate', `node scripts/validate-data.ts --data-dir "${dir}"`)} >"${log}"`,
        `${step('astro', `node --max-old-space-size=1024 --max-semi-space-size=32 node_modules/astro/bin/astro.mjs build --outDir "${dist}"`)} >>"${log}"`,
        `${step('pagefind', `node scripts/build-search-index.ts --site "${dist}"`)} >>"${log}"`,
      ].join(' && ');
      const b0 = performance.now();
      const timed = spawnSync('/usr/bin/time', ['-f', 'TIME %M %U %S', 'sh', '-c', script], {
        cwd: site,
        env,
        encoding: 'utf8',
        maxBuffer: 256 * 2 ** 20,
      });
      const ms = Math.round(performance.now() - b0);
      const m = /TIME (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(timed.stderr ?? '');
      if (timed.status !== 0)
        throw new Error(
          `build of ${name} failed (${timed.error?.message ?? `exit ${timed.status}`}; log: ${log}):\n${(timed.stderr ?? '').slice(-4000)}`,
        );
      return {
        ms,
        cpuS: m ? Math.round(Number(m[2]) + Number(m[3])) : null,
        peakMemoryMiB: m ? Math.round(Number(m[1]) / 1024) : null,
        // Per step: "validate 9.1 s / 8 s CPU / 1,180 MiB; astro …; pagefind …".
        steps: readFileSync(steps, 'utf8')
          .trim()
          .split('\n')
          .map((line) => {
            const [label, wall, user, sys, kb] = line.trim().split(' ');
            return `${label} ${Number(wall).toFixed(1)} s / ${Math.round(Number(user) + Number(sys))} s CPU / ${Math.round(Number(kb) / 1024).toLocaleString('en')} MiB`;
          })
          .join('; '),
      };
    };
    const cold = build();
    const all = files(dist);
    const html = all.filter((f) => f.path.endsWith('.html'));
    const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
    const largestFile = all.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
    Object.assign(entry, {
      buildMs: cold.ms,
      buildCpuS: cold.cpuS,
      buildSteps: cold.steps,
      pages: html.length,
      pagesPerSecond: Math.round(html.length / (cold.ms / 1000)),
      peakMemoryMiB: cold.peakMemoryMiB,
      distMiB: mib(all),
      searchIndexMiB: mib(all.filter((f) => f.path.startsWith(join(dist, 'pagefind/')))),
      largestPage: { path: largest.path.slice(dist.length), KiB: Math.round(largest.bytes / 1024) },
      largestFile: { path: largestFile.path.slice(dist.length), bytes: largestFile.bytes },
      filesOver25MiB: all.filter((f) => f.bytes > 25 * 2 ** 20).length,
    });
    // Where the bytes go (HTML per page type, API, feeds, downloads by format): scripts/bench/dist-size.ts.
    writeFileSync(join(out, `dist-${name}-kinds.md`), `${kindsTable([measure(dist)])}\n`);
    if (values.warm) {
      // The cold build's log is kept beside the warm one's.
      renameSync(join(out, `build-${name}.log`), join(out, `build-${name}-cold.log`));
      changeOneObservation(join(dir, 'observations.csv'));
      const warm = build();
      // Pages and files Astro's incremental build copied from the cold build instead of rendering them (src/lib/view/page-keys.ts).
      const copied =
        readFileSync(join(out, `build-${name}.log`), 'utf8')
          .replace(/\u001b\[[0-9;]*m/g, '')
          .match(/\((restored|cached)\)\s*$/gm)?.length ?? 0;
      Object.assign(entry, {
        warmBuildMs: warm.ms,
        warmBuildCpuS: warm.cpuS,
        warmPeakMemoryMiB: warm.peakMemoryMiB,
        warmSteps: warm.steps,
        warmCopied: copied,
      });
    }
  }
  (report.scales as Record<string, unknown>)[name] = entry;
  console.log(name, entry);
}
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(out, 'report.md'), markdown(report));
console.log('validate 1M:', report.validate1m);

/** Changes the value of the first observation (its last two digits), in place: a one-cell edit, as a data correction would be. */
function changeOneObservation(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const head = Buffer.alloc(4096);
    readSync(fd, head, 0, head.length, 0);
    const text = head.toString('latin1');
    const start = text.indexOf('\n') + 1;
    const cells = text.slice(start, text.indexOf('\n', start)).split(',');
    const value = cells[4]!;
    if (!/^\d+\.\d\d$/.test(value)) throw new Error(`unexpected first value ${value}`);
    const at = start + cells.slice(0, 4).join(',').length + 1 + value.length - 2;
    const next = value.endsWith('00') ? '01' : '00';
    writeSync(fd, next, at, 'latin1');
  } finally {
    closeSync(fd);
  }
}

/** The report as Markdown: one row per scale, then the 1,000,000-row validation and the machine. */
function markdown(r: typeof report): string {
  const scales = r.scales as Record<string, Record<string, unknown>>;
  const cell = (v: unknown) =>
    v === undefined || v === null
      ? ''
      : typeof v === 'object'
        ? 'KiB' in (v as object)
          ? `${(v as { path: string }).path} (${(v as { KiB: number }).KiB} KiB)`
          : `${(v as { path: string }).path} (${(v as { bytes: number }).bytes.toLocaleString('en')} B)`
        : typeof v === 'number'
          ? v.toLocaleString('en')
          : String(v);
  const columns = [
    'observations',
    'totalRows',
    'validateMs',
    'rowsPerSecond',
    'buildMs',
    'buildCpuS',
    'peakMemoryMiB',
    'warmBuildMs',
    'warmBuildCpuS',
    'warmPeakMemoryMiB',
    'warmCopied',
    'buildSteps',
    'warmSteps',
    'pages',
    'pagesPerSecond',
    'distMiB',
    'searchIndexMiB',
    'largestPage',
    'largestFile',
    'filesOver25MiB',
  ];
  return [
    '# Benchmark (SYNTHETIC data)',
    '',
    `| scale | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...Object.entries(scales).map(([name, e]) => `| ${name} | ${columns.map((c) => cell(e[c])).join(' | ')} |`),
    '',
    `Validation of 1,000,000 observation rows: ${JSON.stringify(r.validate1m)}`,
    '',
    `Machine: ${JSON.stringify(r.machine)}`,
    '',
  ].join('\n');
}
