/**
 * parseCsv's byte path (quote-free lines split in the bytes, cells handed over as byte ranges) gives
 * what papaparse gives: the same header, records, lines and issues, and through the row validator
 * the same typed rows and issues. Each case is read with `bytePath: false` (papaparse for every
 * record) as the reference, whole and in small pieces.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellHash, parseCsv, type ParseCsvOptions, type RecordSink } from '../../../src/lib/data/parse-csv.ts';
import { rowValidator } from '../../../src/lib/data/validate-rows.ts';
import { columnsOf, observationsTable, TABLES } from '../../../src/schemas/index.ts';
import type { Issue } from '../../../src/lib/data/issues.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
/** parseCsv's default piece size: these files are one piece. */
const WHOLE = 64 * 2 ** 20;
const utf8 = (text: string) => new TextEncoder().encode(text);
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What parseCsv gives, with a sink that takes bytes (each byte record turned back into strings) and without one. */
function parsed(bytes: Uint8Array, expected: readonly string[], options: ParseCsvOptions) {
  const sunk: [line: number, values: string[], via: string][] = [];
  const hashesOk: boolean[] = [];
  const sink: RecordSink = Object.assign((values: string[], line: number) => void sunk.push([line, values, 'strings']), {
    bytes: (b: Uint8Array, starts: Int32Array, ends: Int32Array, hashes: Int32Array, line: number) => {
      const values = Array.from(starts, (s, k) => decoder.decode(b.subarray(s, ends[k])));
      hashesOk.push(Array.from(starts).every((s, k) => hashes[k] === cellHash(b, s, ends[k]!)));
      sunk.push([line, values, 'bytes']);
    },
  });
  const withSink = parseCsv(bytes, 'file.csv', expected, () => sink, options);
  return {
    result: parseCsv(bytes, 'file.csv', expected, undefined, options),
    withSink,
    records: sunk.map(([line, values]) => [line, values]),
    viaBytes: sunk.filter((r) => r[2] === 'bytes').length,
    hashesOk: hashesOk.every(Boolean),
  };
}

/** The typed rows, lines and issues of the row validator fed by parseCsv. */
function validated(bytes: Uint8Array, options: ParseCsvOptions) {
  let validator: ReturnType<typeof rowValidator<typeof observationsTable.row>> | null = null;
  const result = parseCsv(
    bytes,
    observationsTable.file,
    columnsOf(observationsTable),
    (header) => {
      validator = rowValidator(observationsTable, header);
      return validator.add;
    },
    options,
  );
  const v = validator as ReturnType<typeof rowValidator<typeof observationsTable.row>> | null;
  return {
    issues: [...result.issues, ...(v?.issues ?? [])] as Issue[],
    rows: v?.rows ?? [],
    lines: v?.lines ?? [],
    records: v?.records ?? 0,
  };
}

/** The byte path gives the reference reading, whole and in pieces; returns how many records it read from the bytes. */
function expectSameAsPapaparse(bytes: Uint8Array, expected: readonly string[]): number {
  const reference = parsed(bytes, expected, { bytePath: false });
  expect(reference.viaBytes).toBe(0);
  let viaBytes = 0;
  for (const pieceBytes of [WHOLE, 1, 5, 64]) {
    const fast = parsed(bytes, expected, { pieceBytes });
    const { viaBytes: n, hashesOk, ...rest } = fast;
    const { viaBytes: _, hashesOk: __, ...ref } = parsed(bytes, expected, { bytePath: false, pieceBytes });
    expect(rest, `pieces of ${pieceBytes} bytes`).toEqual(ref);
    expect(hashesOk).toBe(true);
    if (pieceBytes === WHOLE) {
      viaBytes = n;
      expect(rest).toEqual({ result: reference.result, withSink: reference.withSink, records: reference.records });
    }
  }
  return viaBytes;
}

const HEADER = columnsOf(observationsTable).join(',');
const ROW = 'dti,province,01,2024,61.25,https://example.org/a.html,2025-04-02,as_published,,,,';
const csv = (...lines: string[]) => lines.join('\n');

describe('the byte path reads as papaparse does', () => {
  const cases: Record<string, string | Uint8Array> = {
    'plain, final newline': csv(HEADER, ROW, ROW.replace('01', '04'), ''),
    'no final newline': csv(HEADER, ROW, ROW.replace('01', '04')),
    'header only': `${HEADER}\n`,
    'header only, no newline': HEADER,
    'empty cells': csv(HEADER, 'dti,province,01,2024,,https://example.org/a.html,,as_published,,,,', ''),
    'blank lines and a line of commas': csv(HEADER, ROW, '', ',,,,,,,,,,,', '   ', ROW, ''),
    'rows of the wrong length': csv(HEADER, `${ROW},extra`, ROW.slice(0, ROW.lastIndexOf(',')), 'one-cell', ''),
    'quoted cells among quote-free lines': csv(
      HEADER,
      ROW,
      'dti,province,01,2023,1,"https://example.org/a,b",,as_published,"dòng 1\ndòng 2",,,',
      ROW,
      'dti,province,01,2022,1,x,,as_published,Nghị quyết "57" x,,,',
      ROW,
      'dti,province,01,2021,1,x,,as_published,"57"x,,,',
      ROW,
      '',
    ),
    'a quote that is never closed': csv(HEADER, ROW, 'dti,province,01,2021,1,x,,as_published,"open,,,', ROW, ROW, ''),
    CRLF: `${csv(HEADER, ROW, '', ROW).replaceAll('\n', '\r\n')}\r\n`,
    'CRLF, last line without newline but with CR': `${HEADER}\r\n${ROW}\r\n${ROW}\r`,
    'mixed CRLF and LF': `${HEADER}\r\n${ROW}\n${ROW}\r\n${ROW}\r\r\n${ROW}\n`,
    'mixed, last line ends with CR': `${HEADER}\r\n${ROW}\n${ROW}\r`,
    'bare CR in a cell': csv(HEADER, ROW.replace('as_published', 'as\rpublished'), ROW, ''),
    BOM: `\uFEFF${csv(HEADER, ROW, '')}`,
    'two BOMs': `\uFEFF\uFEFF${csv(HEADER, ROW, '')}`,
    'U+FEFF at the start of a line': csv(HEADER, ROW, `\uFEFF${ROW}`, ''),
    'multi-byte text': csv(HEADER, ...Array.from({ length: 30 }, (_, i) => ROW.replace(',,,,', `,Hà Nội — Đà Nẵng ${i} 😀,,,`)), ''),
    'duplicate and unknown headers': csv(HEADER.replace(',quote', ',value'), ROW, ''),
    'columns in another order': csv(
      HEADER.split(',').reverse().join(','),
      ...[ROW, ROW.replace('01', '04')].map((r) => r.split(',').reverse().join(',')),
      '',
    ),
    semicolons: csv(HEADER.replaceAll(',', ';'), ROW.replaceAll(',', ';'), ''),
    'invalid UTF-8': new Uint8Array([...utf8(`${HEADER}\n${ROW}\n`), 0xe0, 0x41, 0x0a]),
    'UTF-8 cut at the end of the file': new Uint8Array([...utf8(`${HEADER}\n${ROW.replace(',,,,', ',Hà N')}`), 0xe1, 0xbb]),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expectSameAsPapaparse(typeof text === 'string' ? utf8(text) : text, columnsOf(observationsTable));
    });
  }

  it("reads the lines before a piece's first quote from the bytes, and papaparse the rest of the piece", () => {
    const bytes = utf8(cases['quoted cells among quote-free lines'] as string);
    expect(expectSameAsPapaparse(bytes, columnsOf(observationsTable))).toBe(1);
    // In pieces of one line each, the quote-free lines are read from the bytes, but for the one after
    // "57"x: papaparse reads on past that malformed cell, so its piece is carried into the next.
    expect(parsed(bytes, columnsOf(observationsTable), { pieceBytes: 1 }).viaBytes).toBe(3);
  });

  it('every fixture file', () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const def = TABLES.find((t) => t.file === f.split('/').pop());
      expectSameAsPapaparse(new Uint8Array(readFileSync(join(FIXTURES, f))), def ? columnsOf(def) : ['a']);
    }
  });
});

describe('typed rows through the byte path', () => {
  /** Observations with many distinct cells (the dictionaries grow many times), multi-byte text and defects. */
  function observations(rows: number): string {
    const lines = [HEADER];
    for (let i = 0; i < rows; i++) {
      const value = i % 97 === 0 ? '12,5' : i % 89 === 0 ? '' : String((i * 7) % 100_003);
      const note = i % 5 === 0 ? `Ghi chú số ${i} về Hà Nội` : '';
      const period = i % 101 === 0 ? '2024-02-30' : String(2000 + (i % 25));
      lines.push(
        `dti,province,${String(i % 100).padStart(2, '0')},${period},${value},https://example.org/${i % 3000}.html,2025-04-02,as_published,${note},,,`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  it('gives the rows, lines and issues of the string path, whole and in pieces', () => {
    const bytes = utf8(observations(20_000));
    const reference = validated(bytes, { bytePath: false });
    expect(reference.rows.length).toBeGreaterThan(19_000);
    expect(reference.issues.length).toBeGreaterThan(100);
    for (const pieceBytes of [WHOLE, 4096, 100_000]) expect(validated(bytes, { pieceBytes }), `pieces of ${pieceBytes}`).toEqual(reference);
  });

  it('keeps each row a plain object with the schema keys in order', () => {
    const { rows } = validated(utf8(csv(HEADER, ROW, '')), {});
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.keys(rows[0]!)).toEqual(Object.keys(observationsTable.row.shape));
    expect(rows[0]).toMatchObject({ area_code: '01', value: 61.25, note: null, published_on: '2025-04-02' });
  });

  it('hands the raw text of a cell back for the raw keys, from the bytes and from strings', () => {
    const bytes = utf8(csv(HEADER, ROW, ROW.replace(',,,,', ',"a, b",,,'), ''));
    const raws: string[] = [];
    parseCsv(bytes, 'observations.csv', columnsOf(observationsTable), (header) => {
      const v = rowValidator(observationsTable, header);
      return Object.assign(
        (values: string[], line: number) => {
          v.add(values, line);
          raws.push(v.raw(2), v.raw(8));
        },
        {
          bytes: (...record: Parameters<typeof v.add.bytes>) => {
            v.add.bytes(...record);
            raws.push(v.raw(2), v.raw(8));
          },
        },
      );
    });
    expect(raws).toEqual(['01', '', '01', 'a, b']);
  });
});
