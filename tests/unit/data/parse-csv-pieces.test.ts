/**
 * parseCsv reads a file in pieces (of about `pieceBytes`, 64 MiB by default). Whatever the size of
 * the pieces, the header, the records with their lines and the issues are those of a reading in one
 * piece. Each file here is read whole, then in pieces of a few bytes, so that piece boundaries fall
 * on every line, inside quoted cells with line breaks and inside multi-byte characters' lines.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, type ParseCsvOptions, type ParsedCsv } from '../../../src/lib/data/parse-csv.ts';
import { columnsOf, TABLES } from '../../../src/schemas/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const PIECE_SIZES = [1, 2, 7, 64, 1000];
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Everything parseCsv returns, without and with `onHeader` (and what its sink receives). */
function read(bytes: Uint8Array, expected: readonly string[], options?: ParseCsvOptions) {
  const sunk: [line: number, values: string[]][] = [];
  const withSink = parseCsv(bytes, 'file.csv', expected, () => (values, line) => sunk.push([line, values]), options);
  return { parsed: parseCsv(bytes, 'file.csv', expected, undefined, options), withSink, sunk };
}

function expectSameInPieces(bytes: Uint8Array, expected: readonly string[]) {
  const whole = read(bytes, expected);
  for (const pieceBytes of PIECE_SIZES) expect(read(bytes, expected, { pieceBytes }), `pieces of ${pieceBytes} bytes`).toEqual(whole);
}

const columnsOfFile = (name: string) => columnsOf(TABLES.find((t) => t.file === name)!);
const fixtureFiles = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.csv'))
  .sort();

/** mulberry32, as in scripts/bench/synthetic.ts: the same seed gives the same files. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A CSV whose quotes follow RFC 4180 (cells with commas, quotes, line breaks; empty cells, stray
 * quotes in unquoted cells, U+FEFF and Vietnamese letters at line starts; blank lines, rows of the
 * wrong length), with LF or CRLF line endings, or a few CRLF among LF.
 */
function generatedCsv(rand: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const newline = pick(['\n', '\r\n', 'mostly LF']);
  const end = () => (newline === 'mostly LF' ? (rand() < 0.1 ? '\r\n' : '\n') : newline);
  const cell = () =>
    pick([
      '',
      'a',
      'Hà Nội',
      '12.5',
      'x"y',
      '\uFEFFb',
      ' a ',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"two\r\nlines"',
      '"\n\n"',
      '""',
      '"Đà Nẵng, ""57"""',
    ]);
  const lines = ['a,b,c'];
  for (let r = Math.floor(rand() * 30); r > 0; r--) {
    if (rand() < 0.05) lines.push('');
    else lines.push(Array.from({ length: pick([3, 3, 3, 3, 2, 4]) }, cell).join(','));
  }
  return lines
    .map((l) => l + end())
    .join('')
    .slice(0, rand() < 0.2 ? -1 : undefined);
}

describe('reading in pieces gives the reading in one piece', () => {
  it('finds the fixtures', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(fixtureFiles)('fixture %s', (path) => {
    expectSameInPieces(new Uint8Array(readFileSync(join(FIXTURES, path))), columnsOfFile(path.split('/').pop()!));
  });

  const tasks = readFileSync(join(FIXTURES, 'valid/tasks.csv'), 'utf8');
  const provinces = readFileSync(join(FIXTURES, 'valid/provinces.csv'), 'utf8');
  const provincesHeader = provinces.split('\n')[0]!;
  const broken: [intent: string, file: string, text: string | Uint8Array][] = [
    [
      'quoted cells with line breaks (LF and CRLF) and doubled quotes',
      'tasks.csv',
      tasks.replace(',fixture-article,', ',fixture-article,"two\nlines, ""quoted""\r\nand three"').replace('\nt-commune,', '\n"\n\nt",'),
    ],
    ['CRLF line endings', 'provinces.csv', provinces.replace(/\n/g, '\r\n')],
    [
      'CRLF, and a quoted cell over lines',
      'tasks.csv',
      tasks.replace(/\n/g, '\r\n').replace(',fixture-article,', ',fixture-article,"a\r\nb\nc"'),
    ],
    ['mixed line endings, mostly LF', 'provinces.csv', provinces.replace('\n75,', '\r\n75,')],
    ['a bare CR', 'provinces.csv', provinces.replace('\n75,', '\r75,')],
    ['stray quotes', 'provinces.csv', provinces.replace('Cà Mau,Ca', 'Cà "Mau",Ca').replace('\n75,', '\n75"x",')],
    ['blank lines and a line of commas', 'provinces.csv', `${provinces.replace('\n75,', '\n\n\n,,,,,\n75,')}\n`],
    ['byte-order mark', 'provinces.csv', `\uFEFF${provinces}`],
    ['two byte-order marks', 'provinces.csv', `\uFEFF\uFEFF${provinces}`],
    [
      'two byte-order marks, and a line break in a header cell',
      'provinces.csv',
      `\uFEFF\uFEFF${provinces.replace('name_vi,', '"name\n_vi",')}`,
    ],
    ['a cell that starts with U+FEFF at the start of a line', 'provinces.csv', provinces.replace('\n75,', '\n\uFEFF75,')],
    ['header only, with a final newline', 'provinces.csv', `${provincesHeader}\n`],
    ['header only, without a final newline', 'provinces.csv', provincesHeader],
    ['no final newline', 'provinces.csv', provinces.trimEnd()],
    ['blank lines at the end', 'provinces.csv', `${provinces}\n\n`],
    ['a last line of one empty quoted cell, without final newline', 'provinces.csv', `${provinces}""`],
    ['a quote that never closes, on the last line', 'provinces.csv', `${provinces}99,"Hà Nội,x,y,z,tinh\n`],
    ['a quote that never closes, in the middle', 'provinces.csv', provinces.replace('\n75,', '\n"75,')],
    ['too many and too few cells', 'provinces.csv', provinces.replace(',tinh\n75', ',tinh,x\n75').replace(',tinh\n96', '\n96')],
    ['semicolon-separated', 'provinces.csv', provinces.replace(/,/g, ';')],
    ['duplicate and unknown headers', 'provinces.csv', provinces.replace(provincesHeader, 'code,name_vi,name_vi,Full Name,type')],
    ['only a byte-order mark', 'provinces.csv', '\uFEFF'],
    ['empty', 'provinces.csv', ''],
    ['not UTF-8', 'provinces.csv', new Uint8Array([...utf8(`${provincesHeader}\n01,H`), 0xe0, ...utf8(' Noi,x,y,z,tinh\n')])],
  ];
  it.each(broken)('%s', (_intent, file, text) => {
    expectSameInPieces(typeof text === 'string' ? utf8(text) : text, columnsOfFile(file));
  });

  it('200 generated files', () => {
    const rand = prng(57);
    for (let i = 0; i < 200; i++) expectSameInPieces(utf8(generatedCsv(rand)), ['a', 'b', 'c']);
    // 2,000 readings: 2.6–4.8 s on the shared 2-core machine, before and after issue #15; the default 5 s is too tight.
  }, 30_000);
});

describe('lines across piece boundaries', () => {
  it('counts file lines in every piece, also after a quoted cell with line breaks', () => {
    const text = 'a,b\n1,"x\ny\r\nz"\n2,w\n\n3,"""q"""\n';
    const expected = {
      header: ['a', 'b'],
      records: [
        { line: 2, values: ['1', 'x\ny\r\nz'] },
        { line: 5, values: ['2', 'w'] },
        { line: 7, values: ['3', '"q"'] },
      ],
    };
    for (const pieceBytes of [1, 5, 1000]) {
      const parsed = parseCsv(utf8(text), 'f.csv', ['a', 'b'], undefined, { pieceBytes });
      expect({ header: parsed.header, records: parsed.records }).toEqual(expected);
      expect(parsed.issues.map((i) => [i.row, i.code])).toEqual([
        [3, 'mixed-line-endings'],
        [6, 'blank-row'],
      ]);
    }
  });

  it('drops only the empty record after a final line break, in the last piece', () => {
    for (const pieceBytes of [1, 1000]) {
      expect(parseCsv(utf8('a,b\n1,x\n'), 'f.csv', ['a', 'b'], undefined, { pieceBytes }).issues).toEqual([]);
      // A last line holding one empty quoted cell is a blank row.
      expect(parseCsv(utf8('a,b\n1,x\n""'), 'f.csv', ['a', 'b'], undefined, { pieceBytes }).issues.map((i) => [i.row, i.code])).toEqual([
        [3, 'blank-row'],
      ]);
    }
  });
});

describe('a record longer than a piece can hold', () => {
  const text = 'a,b\n1,x\n2,"never closed\n3,y\n4,z\n';

  it('is read like any other when it fits', () => {
    const parsed = parseCsv(utf8(text), 'f.csv', ['a', 'b'], undefined, { pieceBytes: 4 });
    expect(parsed.issues.map((i) => [i.row, i.code, i.message])).toEqual([
      [3, 'csv-syntax', 'The CSV cannot be read: Quoted field unterminated.'],
    ]);
    expect(parsed.records).toEqual([
      { line: 2, values: ['1', 'x'] },
      { line: 3, values: ['2', 'never closed\n3,y\n4,z\n'] },
    ]);
  });

  it('is reported, not thrown, when it does not fit', () => {
    let parsed: ParsedCsv | undefined;
    expect(() => (parsed = parseCsv(utf8(text), 'f.csv', ['a', 'b'], undefined, { pieceBytes: 4, maxPieceLength: 20 }))).not.toThrow();
    expect(parsed!.issues.map((i) => [i.row, i.code])).toEqual([[3, 'csv-syntax']]);
    expect(parsed!.issues[0]!.message).toContain('does not end within 20 bytes');
    // The rows before it are read.
    expect(parsed!.records).toEqual([{ line: 2, values: ['1', 'x'] }]);
  });

  it('is reported when one line alone is too long', () => {
    const parsed = parseCsv(utf8(`a,b\n1,${'x'.repeat(50)}\n2,y\n`), 'f.csv', ['a', 'b'], undefined, { maxPieceLength: 20 });
    expect(parsed.issues.map((i) => [i.row, i.code])).toEqual([[2, 'csv-syntax']]);
    expect(parsed.header).toEqual(['a', 'b']);
  });
});

describe('where pieces can differ from one piece: a record papaparse and the line scanner read differently', () => {
  // papaparse reads on past a quoted cell's closing quote that is followed by other characters (and
  // past an LF in a file of mostly CRLF); the scanner that counts lines stops there, so in one piece the
  // lines of the records after it are too small. A piece boundary counts lines afresh, so lines and
  // stray-quote reports after such a record can differ. Cells and every other issue stay the same.
  const sameExceptLines = (r: ParsedCsv) => [
    r.header,
    r.records.map((x) => x.values),
    r.issues.filter((i) => i.code !== 'stray-quote').map((i) => [i.code, i.column, i.value, i.message]),
  ];

  it.each([
    ['a closing quote followed by text', 'a,b\n1,"x"y\n2,z\n3,"w",\n4,v\n'],
    ['an LF line end in a CRLF file', 'a,b\r\n1,x\n2,y\r\n3,z\r\n4,"q"\r\n'],
  ])('%s: the cells and the issues other than lines are the same', (_intent, text) => {
    const whole = parseCsv(utf8(text), 'f.csv', ['a', 'b']);
    for (const pieceBytes of [1, 3, 7])
      expect(sameExceptLines(parseCsv(utf8(text), 'f.csv', ['a', 'b'], undefined, { pieceBytes }))).toEqual(sameExceptLines(whole));
  });
});
