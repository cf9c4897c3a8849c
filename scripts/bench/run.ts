/**
 * npm run bench [-- --scales S,M,L] [--build S,M] [--out bench/out]
 * Benchmarks on SYNTHETIC data (scripts/bench/synthetic.ts), never part of the tests:
 * validation throughput per scale, the 1,000,000-row validation, and (for the scales in --build)
 * full build time with peak memory, pages per second, size of dist and of the search index, and the
 * largest page. Writes bench/out/report.json and report.md (a table).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../../src/lib/data/validate-dataset.ts';
import { bench1m } from './validate-1m.ts';
import { generate, SCALES, type Scale } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: 'S,M,L' },
    build: { type: 'string', default: 'S' },
    out: { type: 'string', default: 'bench/out' },
  },
});
const root = join(import.meta.dirname, '../..');
const out = resolve(root, values.out);
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
    const env = {
      ...process.env,
      PORTAL_DATA_DIR: dir,
      PORTAL_ALLOW_SYNTHETIC: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
    };
    const b0 = performance.now();
    // GNU time reports the peak resident memory of the build (Debian package "time"); without it, none is reported.
    const timed = spawnSync('/usr/bin/time', ['-f', '%M', 'astro', 'build', '--outDir', dist], { cwd: root, env, encoding: 'utf8' });
    const buildMs = performance.now() - b0;
    if (timed.error) execFileSync('astro', ['build', '--outDir', dist], { cwd: root, env, stdio: 'ignore' });
    const peakKiB = Number(/(\d+)\s*$/.exec(timed.stderr ?? '')?.[1] ?? NaN);
    const p0 = performance.now();
    execFileSync('pagefind', ['--site', dist], { cwd: root, env, stdio: 'ignore' });
    const pagefindMs = Math.round(performance.now() - p0);
    const all = files(dist);
    const html = all.filter((f) => f.path.endsWith('.html'));
    const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
    Object.assign(entry, {
      buildMs: Math.round(buildMs),
      pagefindMs,
      pages: html.length,
      pagesPerSecond: Math.round(html.length / (buildMs / 1000)),
      peakMemoryMiB: Number.isNaN(peakKiB) ? null : Math.round(peakKiB / 1024),
      distMiB: mib(all),
      searchIndexMiB: mib(all.filter((f) => f.path.startsWith(join(dist, 'pagefind/')))),
      largestPage: { path: largest.path.slice(dist.length), KiB: Math.round(largest.bytes / 1024) },
    });
  }
  (report.scales as Record<string, unknown>)[name] = entry;
  console.log(name, entry);
}
writeFileSync(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(out, 'report.md'), markdown(report));
console.log('validate 1M:', report.validate1m);

/** The report as Markdown: one row per scale, then the 1,000,000-row validation and the machine. */
function markdown(r: typeof report): string {
  const scales = r.scales as Record<string, Record<string, unknown>>;
  const cell = (v: unknown) =>
    v === undefined || v === null
      ? ''
      : typeof v === 'object'
        ? `${(v as { path: string }).path} (${(v as { KiB: number }).KiB} KiB)`
        : typeof v === 'number'
          ? v.toLocaleString('en')
          : String(v);
  const columns = [
    'observations',
    'totalRows',
    'validateMs',
    'rowsPerSecond',
    'buildMs',
    'pages',
    'pagesPerSecond',
    'peakMemoryMiB',
    'pagefindMs',
    'distMiB',
    'searchIndexMiB',
    'largestPage',
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
