/**
 * Where the bytes of a built site go: every file of a dist/ folder sorted into a kind (HTML by page
 * type, search index, JSON API by resource kind, feeds, sitemaps, downloads by format, assets),
 * with file count, size and the largest file of each kind. Never part of the tests.
 *   node scripts/bench/dist-size.ts DIST [DIST2]   (two folders: before and after, side by side)
 * Prints a Markdown table (sizes in MiB = 2^20 bytes).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Path segments that name a page type (kept as they are); any other segment after the first is a key (`*`). */
const LITERAL = new Set(['communes', 'changes', 'releases', 'coverage', 'data', 'corrections', 'en']);

/** The kind of one file, from its path under dist/ (forward slashes, no leading slash). */
export function kindOf(path: string): string {
  const p = path.replace(/^en\//, '');
  if (p.startsWith('pagefind/')) return 'search index (pagefind/)';
  if (p.startsWith('_astro/')) return 'assets (_astro/)';
  if (/^sitemap.*\.xml$/.test(p)) return 'sitemaps';
  if (p.endsWith('.atom')) return `feeds: ${pageType(p.replace(/feed\.atom$|[^/]*\.atom$/, ''))}`;
  if (p.startsWith('api/v1/')) {
    const rest = p.slice('api/v1/'.length).split('/');
    return rest.length === 1 ? 'api: lists and index' : `api: ${rest[0]}/*`;
  }
  const dl = /^data\/(v\/[^/]+|latest)\/(.*)$/.exec(p);
  if (dl) return `download: ${downloadKind(dl[2]!)}`;
  if (p.endsWith('.html')) return `html: ${pageType(p.replace(/index\.html$/, ''))}`;
  return `other: ${p.split('.').pop()}`;
}

function pageType(dir: string): string {
  const segs = dir.split('/').filter(Boolean);
  if (segs.length === 0) return '/';
  return `/${segs.map((s, i) => (i === 0 || LITERAL.has(s) ? s : '*')).join('/')}/`;
}

function downloadKind(file: string): string {
  if (file.endsWith('.csv.gz')) return 'gzip pieces (.csv.gz)';
  if (file.endsWith('.parquet')) return 'Parquet pieces';
  if (file.includes('/')) return `partitions .${file.split('.').pop()}`;
  if (file === 'datapackage.json' || file === 'dataset.json') return 'metadata';
  return `whole tables and others .${file.split('.').pop()}`;
}

function walk(dir: string, root = dir): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path, root) : [{ path: relative(root, path), bytes: statSync(path).size }];
  });
}

interface Kind {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number };
}

export function measure(dist: string): Map<string, Kind> {
  const kinds = new Map<string, Kind>();
  for (const f of walk(dist)) {
    const k = kindOf(f.path.split('\\').join('/'));
    const e = kinds.get(k) ?? { files: 0, bytes: 0, largest: { path: '', bytes: 0 } };
    e.files++;
    e.bytes += f.bytes;
    if (f.bytes > e.largest.bytes) e.largest = f;
    kinds.set(k, e);
  }
  return kinds;
}

const mib = (b: number) => (b / 2 ** 20).toFixed(1);

/** The sizes by kind of one dist, or of two side by side (before, after), as a Markdown table, largest kinds first. */
export function kindsTable(all: Map<string, Kind>[]): string {
  const names = [...new Set(all.flatMap((m) => [...m.keys()]))].sort(
    (a, b) => Math.max(...all.map((m) => m.get(b)?.bytes ?? 0)) - Math.max(...all.map((m) => m.get(a)?.bytes ?? 0)),
  );
  const total = (m: Map<string, Kind>) => [...m.values()].reduce((n, k) => n + k.bytes, 0);
  const head =
    all.length === 1
      ? '| kind | files | MiB | largest file |'
      : '| kind | files before | MiB before | files after | MiB after | largest file after |';
  const rows = names.map((n) => {
    const cells = all.map((m) => {
      const k = m.get(n);
      return k ? [k.files.toLocaleString('en'), mib(k.bytes)] : ['–', '–'];
    });
    const last = all.at(-1)?.get(n);
    return `| ${n} | ${cells.flat().join(' | ')} | ${last ? `${last.largest.path} (${mib(last.largest.bytes)})` : '–'} |`;
  });
  const totals = all.map((m) => [[...m.values()].reduce((n, k) => n + k.files, 0).toLocaleString('en'), mib(total(m))]);
  const rule = `|${head
    .split('|')
    .slice(2)
    .map(() => '---|')
    .join('')}`;
  return [head, rule, ...rows, `| **total** | ${totals.flat().join(' | ')} | |`].join('\n');
}

if (import.meta.main) {
  const dists = process.argv.slice(2);
  if (dists.length === 0 || dists.length > 2) {
    console.error('usage: dist-size.ts DIST [DIST2]');
    process.exit(2);
  }
  console.log(kindsTable(dists.map(measure)));
}
