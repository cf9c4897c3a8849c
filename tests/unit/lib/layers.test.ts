/**
 * The folders are the path of a number (docs/architecture.md): schemas import only zod and each
 * other; lib/data reads and checks and imports nothing downstream of it (no release, model, charts,
 * pages); the environment is read only in lib/config.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ts$/.test(f))
    .map((f) => join(dir, f));
}

/** Import specifiers of a module, relative ones resolved to paths under src/ (e.g. "lib/release/releases.ts"). */
function importsOf(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? relative(SRC, resolve(file, '..', fileName)) : fileName));
}

describe('layers', () => {
  it('schemas import only zod and each other', () => {
    const outside = filesUnder(join(SRC, 'schemas')).flatMap((f) =>
      importsOf(f)
        .filter((i) => i !== 'zod' && !i.startsWith('schemas/'))
        .map((i) => `${relative(SRC, f)} -> ${i}`),
    );
    expect(outside).toEqual([]);
  });

  it('lib/data imports nothing downstream of it', () => {
    const allowed = (i: string) =>
      i.startsWith('schemas/') ||
      i.startsWith('lib/data/') ||
      i.startsWith('lib/cache/') ||
      i === 'lib/text.ts' ||
      i.startsWith('node:') ||
      ['zod', 'papaparse'].includes(i);
    const outside = filesUnder(join(SRC, 'lib/data')).flatMap((f) =>
      importsOf(f)
        .filter((i) => !allowed(i))
        .map((i) => `${relative(SRC, f)} -> ${i}`),
    );
    expect(outside).toEqual([]);
  });

  it('lib/cache imports only Node (every layer may use it)', () => {
    const outside = filesUnder(join(SRC, 'lib/cache')).flatMap((f) =>
      importsOf(f)
        .filter((i) => !i.startsWith('node:'))
        .map((i) => `${relative(SRC, f)} -> ${i}`),
    );
    expect(outside).toEqual([]);
  });

  it('reads the environment only in lib/config.ts', () => {
    const readers = filesUnder(join(SRC, 'lib'))
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => relative(SRC, f));
    expect(readers).toEqual(['lib/config.ts']);
  });
});
