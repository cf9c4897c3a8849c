import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cacheKey,
  CODE_PATHS,
  codeHash,
  fileHash,
  forgetCodeHash,
  hashBytes,
  linkedEntrySums,
  pruneEntries,
  pruneLinkedEntries,
  readLinkedEntry,
  writeLinkedEntry,
  readEntry,
  readFolderEntry,
  writeEntry,
  writeFolderEntry,
} from '../../../src/lib/cache/index.ts';

const ROOT = join(import.meta.dirname, '../../..');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `nq57-${name}-`));

/** A copy of the code the hash covers (src/lib, src/schemas, package-lock.json) in a folder of its own. */
function copyOfCode(): string {
  const root = temp('code');
  for (const p of CODE_PATHS) cpSync(join(ROOT, p), join(root, p), { recursive: true });
  return root;
}

describe('the code hash', () => {
  it('changes with one byte of the code or the schemas, and comes back with it', () => {
    const root = copyOfCode();
    const before = codeHash(root);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash(root)).toBe(before);
    const schema = join(root, 'src/schemas/observations.ts');
    const original = readFileSync(schema, 'utf8');
    writeFileSync(schema, `${original}// changed\n`);
    forgetCodeHash();
    const after = codeHash(root);
    expect(after).not.toBe(before);
    writeFileSync(schema, original);
    forgetCodeHash();
    expect(codeHash(root)).toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{}');
    forgetCodeHash();
    expect(codeHash(root)).not.toBe(before);
  });

  it('is null without the sources (then nothing is cached)', () => {
    expect(codeHash(temp('empty'))).toBeNull();
    expect(cacheKey(['x'], null)).toBeNull();
  });

  it('keys differ with any part and with the code', () => {
    const a = cacheKey(['table', 'abc'], 'code-1');
    expect(cacheKey(['table', 'abc'], 'code-1')).toBe(a);
    expect(cacheKey(['table', 'abd'], 'code-1')).not.toBe(a);
    expect(cacheKey(['tabl', 'eabc'], 'code-1')).not.toBe(a);
    expect(cacheKey(['table', 'abc'], 'code-2')).not.toBe(a);
  });
});

describe('file entries', () => {
  it('read back what was written', () => {
    const dir = temp('cache');
    const payload = new Uint8Array([1, 2, 3, 250, 0, 7]);
    expect(readEntry(dir, 'k', 'key1')).toBeNull();
    expect(writeEntry(dir, 'k', 'key1', payload)).toBe(true);
    expect([...(readEntry(dir, 'k', 'key1') ?? [])]).toEqual([...payload]);
    // Nothing is left beside the entry (the temporary file was renamed).
    expect(readdirSync(join(dir, 'k'))).toEqual(['key1']);
  });

  it('a truncated, corrupt or foreign entry is a miss, not an error', () => {
    const dir = temp('cache');
    const payload = new Uint8Array(1000).map((_, i) => i % 251);
    writeEntry(dir, 'k', 'cut', payload);
    truncateSync(join(dir, 'k', 'cut'), 500);
    expect(readEntry(dir, 'k', 'cut')).toBeNull();
    writeEntry(dir, 'k', 'flip', payload);
    const bytes = readFileSync(join(dir, 'k', 'flip'));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(join(dir, 'k', 'flip'), bytes);
    expect(readEntry(dir, 'k', 'flip')).toBeNull();
    writeFileSync(join(dir, 'k', 'foreign'), 'not an entry');
    expect(readEntry(dir, 'k', 'foreign')).toBeNull();
    rmSync(join(dir, 'k'), { recursive: true });
    writeFileSync(join(dir, 'k'), 'a file where the folder should be');
    expect(readEntry(dir, 'k', 'cut')).toBeNull();
    expect(writeEntry(dir, 'k', 'cut', payload)).toBe(false);
  });
});

describe('pruning', () => {
  it('keeps the newest entries of a prefix and leaves the others alone', () => {
    const dir = temp('cache');
    for (const name of ['t.a', 't.b', 't.c', 'u.a']) writeEntry(dir, 'k', name, new Uint8Array([1]));
    const at = (name: string, seconds: number) => utimesSync(join(dir, 'k', name), seconds, seconds);
    at('t.a', 1000);
    at('t.b', 3000);
    at('t.c', 2000);
    pruneEntries(dir, 'k', 't.', 2);
    expect(readdirSync(join(dir, 'k')).sort()).toEqual(['t.b', 't.c', 'u.a']);
    pruneEntries(join(dir, 'absent'), 'k', 't.', 1); // no folder: nothing to do, no error
  });
});

describe('folder entries', () => {
  it('copy the files back, and a folder missing a file is a miss', () => {
    const dir = temp('cache');
    const from = temp('from');
    writeFileSync(join(from, 'a.txt'), 'A');
    mkdirSync(join(from, 'sub'));
    writeFileSync(join(from, 'sub/a.txt'), 'A');
    const paths = ['a.txt', 'sub/a.txt'];
    expect(writeFolderEntry(dir, 'f', 'key', paths, from)).toBe(true);
    const to = temp('to');
    expect(readFolderEntry(dir, 'f', 'key', paths, to)).toBe(true);
    expect(readFileSync(join(to, 'sub/a.txt'), 'utf8')).toBe('A');
    expect(readFolderEntry(dir, 'f', 'key', ['a.txt'], temp('to'))).toBe(false);
    rmSync(join(dir, 'f', 'key', 'sub/a.txt'));
    expect(readFolderEntry(dir, 'f', 'key', paths, temp('to'))).toBe(false);
  });
});

describe('file hashes', () => {
  it('follow a change of the bytes', () => {
    const file = join(temp('hash'), 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const before = fileHash(file);
    expect(fileHash(file)).toBe(before);
    writeFileSync(file, 'a,b\n1,3\n');
    expect(fileHash(file)).not.toBe(before);
  });
});

describe("linked file entries (a large table's parts)", () => {
  const sha = (text: string) => hashBytes(text);
  it('give back the file (a hard link to the same bytes) and its recorded sums; a short file is a miss', () => {
    const cache = temp('linked');
    const out = temp('linked-out');
    writeFileSync(join(out, 'part.csv'), 'a,b\n1,2\n');
    const sums = { bytes: 8, sha256: sha('a,b\n1,2\n') };
    expect(writeLinkedEntry(cache, 'parts', 'k1', join(out, 'part.csv'), sums)).toBe(true);
    expect(linkedEntrySums(cache, 'parts', 'k1')).toEqual(sums);
    expect(readLinkedEntry(cache, 'parts', 'k1', join(out, 'again.csv'))).toEqual(sums);
    expect(readFileSync(join(out, 'again.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(statSync(join(out, 'again.csv')).ino).toBe(statSync(join(out, 'part.csv')).ino);
    expect(readLinkedEntry(cache, 'parts', 'other', join(out, 'none.csv'))).toBeNull();
    // A file of another size than recorded (cut short) is a miss, and nothing is left at the target.
    truncateSync(join(out, 'part.csv'), 3);
    expect(linkedEntrySums(cache, 'parts', 'k1')).toBeNull();
    expect(readLinkedEntry(cache, 'parts', 'k1', join(out, 'third.csv'))).toBeNull();
    expect(readdirSync(out).sort()).toEqual(['again.csv', 'part.csv']);
  });

  it('pruning removes the entries not used since a time, and keeps the ones read since', () => {
    const cache = temp('linked-prune');
    const out = temp('linked-prune-out');
    writeFileSync(join(out, 'x'), 'x');
    for (const key of ['old', 'used']) writeLinkedEntry(cache, 'parts', key, join(out, 'x'), { bytes: 1, sha256: sha('x') });
    const past = new Date(Date.now() - 3_600_000);
    for (const key of ['old', 'used']) utimesSync(join(cache, 'parts', `${key}.sums`), past, past);
    const since = Date.now() - 60_000;
    readLinkedEntry(cache, 'parts', 'used', join(out, 'y'));
    pruneLinkedEntries(cache, 'parts', Date.now() - since);
    expect(readdirSync(join(cache, 'parts')).sort()).toEqual(['used.data', 'used.sums']);
    // The file given out earlier stays: it is a link of its own.
    expect(readFileSync(join(out, 'x'), 'utf8')).toBe('x');
  });
});
