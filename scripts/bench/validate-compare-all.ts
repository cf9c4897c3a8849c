/**
 * Compares two versions of the validator on the same files: runs scripts/bench/validate-compare.ts
 * of this checkout and of another one (`--base DIR`, e.g. made with
 * `git worktree add --detach /tmp/validator-base <commit>` and a node_modules link) on each data
 * tree below, and reports any difference in the issue lists or the typed rows. Exit code 1 when one
 * differs. Never part of the tests (it takes minutes); tests/unit/data/byte-path.test.ts checks the
 * two parse paths of one version against each other.
 *
 *   node scripts/bench/validate-compare-all.ts --base DIR [--scale-dir DIR] [--rows N] [--out DIR] [--tree DIR ...]
 *
 * The trees: tests/fixtures/valid and hostile, data/, and mangled copies of observations.csv (bad
 * encoding, byte-order marks, quotes of every kind, duplicate and reordered headers, bad dates, empty
 * and malformed numbers, missing and duplicate keys, line endings, blank and ragged rows, multi-byte
 * text) of the valid fixture, of the real data and, with `--scale-dir` (a tree of `validate-scale.ts make`), of the
 * first N rows (1,200,000 by default: several 64 MiB pieces) of that SYNTHETIC bench file. The other
 * tables of a mangled tree are links to the originals; no input file is modified. `--tree` adds a data
 * tree as it is (e.g. one of `validate-scale.ts make DIR --broken`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prng } from './synthetic.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A change to the lines of observations.csv (line 0 is the header); `every` rows apart, so each piece of a large file gets several. */
type Mangle = (lines: string[], every: number, rand: () => number) => void;

const cellsOf = (line: string) => line.split(',');
/** The first data line a mangle changes: `offset` rows in, within the first `every` (small files too). */
const start = (offset: number, every: number) => 1 + (offset % every);

/** Sets column `column` of every `every`-th data line (from `offset`) to the next of `values`. */
function cycle(lines: string[], every: number, column: number, values: readonly string[], offset = 0): void {
  let k = 0;
  for (let i = start(offset, every); i < lines.length; i += every) {
    const c = cellsOf(lines[i]!);
    if (c.length <= column) continue;
    c[column] = values[k++ % values.length]!;
    lines[i] = c.join(',');
  }
}

// Columns of observations.csv: indicator_id, area_level, area_code, period, value, source_id,
// published_on, method, note, as_of, rank_of, quote.
const MANGLES: Record<string, Mangle> = {
  quotes: (lines, every) =>
    cycle(
      lines,
      every,
      8,
      ['"Hà Nội, 2025"', '"dòng 1\ndòng 2"', '"Nghị quyết ""57"""', 'Nghị quyết "57" x', '"57"x', '""', '"a",b', '"\r\n"', '"x""'],
      7,
    ),
  'unclosed-quote': (lines) => {
    const i = Math.floor(lines.length * 0.7);
    const c = cellsOf(lines[i]!);
    c[11] = '"never closed';
    lines[i] = c.join(',');
  },
  'duplicate-header': (lines) => {
    lines[0] = lines[0]!.replace(/,quote$/, ',value');
  },
  'reordered-columns': (lines) => {
    for (let i = 0; i < lines.length; i++) {
      const c = cellsOf(lines[i]!);
      if (c.length > 8) [c[4], c[8]] = [c[8]!, c[4]!];
      lines[i] = c.join(',');
    }
  },
  'unknown-column': (lines) => {
    lines[0] = lines[0]!.replace(/,quote$/, ',Quote ');
  },
  dates: (lines, every) => {
    cycle(lines, every, 6, ['2025-02-30', '2025-02-29', '02/03/2025', '45678', '2026-1-5', '', '2024-02-29', '2099-01-01'], 3);
    cycle(lines, every, 9, ['2025-13', '2025-08-32', '2025-08', '2025-8-1'], 11);
    cycle(lines, every, 3, ['2016-00', '2016-13', '16-01', '2016-1'], 5);
  },
  numbers: (lines, every) => {
    cycle(lines, every, 4, ['', ' ', 'NA', '0x10', 'Infinity', '1.234,5', '50,3%', '-0', '1e3', '.5', ' 12 ', '12.', '-', '−5'], 2);
    cycle(lines, every, 10, ['3.5', '0', '-1', '34', 'x'], 13);
  },
  keys: (lines, every) => {
    cycle(lines, every, 0, ['', 'synthetic-none', 'Synthetic-0'], 4);
    cycle(lines, every, 2, ['', '99999', '1', 'VN'], 6);
    cycle(lines, every, 1, ['', 'national', 'former_province', 'country'], 8);
    for (let i = start(10, every); i + 1 < lines.length; i += every) lines[i + 1] = lines[i]!;
  },
  crlf: (lines) => {
    for (let i = 0; i < lines.length; i++) lines[i] += '\r';
  },
  'mixed-line-endings': (lines, every) => {
    for (let i = start(9, every); i < lines.length; i += Math.max(1, Math.floor(every / 3))) lines[i] += '\r';
  },
  'bare-cr': (lines, every) => cycle(lines, every * 5, 8, ['a\rb'], 12),
  rows: (lines, every) => {
    let k = 0;
    for (let i = start(14, every); i < lines.length; i += every) {
      const kind = k++ % 6;
      if (kind === 0) lines[i] = '';
      else if (kind === 1) lines[i] = ',,,,,,,,,,,';
      else if (kind === 2) lines[i] = lines[i]!.slice(0, lines[i]!.lastIndexOf(','));
      else if (kind === 3) lines[i] += ',extra';
      else if (kind === 4) lines[i] = '   ';
      else lines[i] = 'one-cell';
    }
  },
  'no-final-newline': () => {},
  vietnamese: (lines, every, rand) => {
    const texts = ['Số liệu của Bộ Khoa học và Công nghệ', 'Đà Nẵng', '\uFEFFghi chú', 'Thừa Thiên Huế — ước tính', '中文', '😀 emoji'];
    for (let i = 1; i < lines.length; i += Math.max(1, Math.floor(every / 50))) {
      const c = cellsOf(lines[i]!);
      if (c.length > 8) c[8] = texts[Math.floor(rand() * texts.length)]!;
      lines[i] = c.join(',');
    }
    // A line that starts with U+FEFF.
    const at = start(20, every);
    if (at < lines.length) lines[at] = `\uFEFF${lines[at]}`;
  },
};

/** Byte-level changes, after the lines are written. */
const BYTE_MANGLES: Record<string, (bytes: Buffer) => Buffer> = {
  'bad-encoding': (bytes) => {
    const copy = Buffer.from(bytes);
    const at = copy.indexOf(10, Math.floor(copy.length * 0.6)) + 4;
    copy[at] = 0xe0; // Windows-1258 "à": not UTF-8 before an ASCII byte
    return copy;
  },
  'truncated-utf8': (bytes) => Buffer.concat([bytes, Buffer.from('synthetic-0,province,01,2016-01,1,x,,as_published,Hà N\xe1', 'latin1')]),
  bom: (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  'double-bom': (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), bytes]),
  utf16: (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]),
};

/** A tree like `base` (links to its files) whose observations.csv is `bytes`. */
function writeTree(dir: string, base: string, bytes: Uint8Array): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(base)) if (name !== 'observations.csv') symlinkSync(resolve(base, name), join(dir, name));
  writeFileSync(join(dir, 'observations.csv'), bytes);
}

/** The mangled trees of one base tree; `lines` are its observations.csv lines (without the final empty one). */
function mangledTrees(out: string, base: string, lines: readonly string[], label: string): string[] {
  const every = Math.max(3, Math.floor(lines.length / 400));
  const trees: string[] = [];
  for (const [name, mangle] of Object.entries(MANGLES)) {
    const copy = [...lines];
    mangle(copy, every, prng(57));
    const dir = join(out, `${label}-${name}`);
    writeTree(dir, base, Buffer.from(copy.join('\n') + (name === 'no-final-newline' ? '' : '\n')));
    trees.push(dir);
  }
  const plain = Buffer.from(`${lines.join('\n')}\n`);
  for (const [name, mangle] of Object.entries(BYTE_MANGLES)) {
    const dir = join(out, `${label}-${name}`);
    writeTree(dir, base, mangle(plain));
    trees.push(dir);
  }
  return trees;
}

/** The first `rows` data lines of a file (without reading more of it than they need as text). */
function headLines(file: string, rows: number): string[] {
  const bytes = readFileSync(file);
  let end = -1;
  for (let i = 0; i <= rows && (end = bytes.indexOf(10, end + 1)) >= 0; i++);
  return bytes
    .subarray(0, end < 0 ? bytes.length : end)
    .toString('utf8')
    .split('\n');
}

function runCompare(checkout: string, dir: string): { out: string; ms: number } {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [join(checkout, 'scripts/bench/validate-compare.ts'), dir], {
    maxBuffer: 2 ** 30,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return { out, ms: Math.round(performance.now() - t0) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      'scale-dir': { type: 'string' },
      rows: { type: 'string' },
      out: { type: 'string' },
      tree: { type: 'string', multiple: true },
    },
  });
  if (!values.base || !existsSync(join(values.base, 'scripts/bench/validate-compare.ts'))) {
    console.error('usage: validate-compare-all.ts --base DIR [--scale-dir DIR] [--rows N] [--out DIR] [--tree DIR ...]');
    process.exit(2);
  }
  const out = resolve(values.out ?? '/tmp/validate-compare-all');
  const fixtures = join(ROOT, 'tests/fixtures');
  const trees = [join(fixtures, 'valid'), join(fixtures, 'hostile'), join(ROOT, 'data')];
  for (const [label, base] of [
    ['fixture', join(fixtures, 'valid')],
    ['data', join(ROOT, 'data')],
  ] as const) {
    const lines = readFileSync(join(base, 'observations.csv'), 'utf8').replace(/\n$/, '').split('\n');
    trees.push(...mangledTrees(out, base, lines, label));
  }
  if (values['scale-dir']) {
    const scale = resolve(values['scale-dir']);
    trees.push(scale);
    const lines = headLines(join(scale, 'observations.csv'), Number(values.rows ?? 1_200_000));
    trees.push(...mangledTrees(out, scale, lines, 'scale'));
  }
  trees.push(...(values.tree ?? []).map((t) => resolve(t)));
  let differing = 0;
  for (const dir of trees) {
    const before = runCompare(values.base, dir);
    const after = runCompare(ROOT, dir);
    const same = before.out === after.out;
    const issues = before.out.split('\n').filter((l) => l.startsWith('{')).length;
    const hash = createHash('sha256').update(after.out).digest('hex').slice(0, 12);
    let detail = '';
    if (!same) {
      differing++;
      const a = before.out.split('\n');
      const b = after.out.split('\n');
      const k = a.findIndex((l, i) => l !== b[i]);
      detail = `\n  first difference, output line ${k + 1}:\n  base:  ${a[k]}\n  after: ${b[k]}`;
    }
    console.log(
      `${same ? 'same     ' : 'DIFFERENT'} ${dir}: ${issues} issues, output ${hash}, base ${before.ms} ms, after ${after.ms} ms${detail}`,
    );
  }
  console.log(`${trees.length} trees, ${differing} different`);
  process.exit(differing > 0 ? 1 : 0);
}
