/**
 * A large table file checked in pieces (issue #17: a warm rebuild after one changed observation).
 * The validated store keys a file's result by the hash of all its bytes, so one changed cell of
 * observations.csv (469 MB, 3.9 M rows at bench scale M50) had the whole file parsed, checked and
 * encoded again. Here the file is cut into pieces of whole records (about PIECE_BYTES each), each
 * piece's share of the result (typed rows as columns, lines, issues, raw keys) is stored under the
 * hash of its bytes and of the header, and only the pieces not stored are parsed again; the result
 * is put together from the pieces, and equals readTable's of the whole file (tests/unit/data/table-pieces.test.ts).
 *
 * When pieces: a piece read on its own gives the records the whole file's reading gives for its
 * lines when the file is UTF-8 without byte-order mark or CR, its header line holds a comma and no
 * quote, every cut is a line break outside quotes (an even number of quotes before it), and no
 * piece has a quote that does not pair (stray-quote, csv-syntax): then every cut is the end of a
 * record, and each record is read from its own bytes alone. Any other file, and a file below two
 * pieces, is read whole as before. Nothing else of the file enters a piece's result: the rules of
 * the whole table (keys, references, series) are rules across tables (validate-relations.ts), run on
 * the rows put together.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import type { CsvTableDef } from '../../schemas/index.ts';
import { hashBytes } from '../cache/index.ts';
import type { Issue } from './issues.ts';
import { readTablePieces, type PiecePart } from './read-dataset.ts';
import { ColumnTable, loadPiece, pieceKey, prunePieces, savePiece, type StoredPiece, type TableResult } from './store.ts';

/** The size a piece is cut at, on average (4 MiB: about 110 pieces for observations.csv at M50, 35,000 rows each). */
export const PIECE_BYTES = 4 * 2 ** 20;

/** A piece of a table file: bytes [start, end), whose first line is file line `line` (header = 1). */
export interface Piece {
  start: number;
  end: number;
  line: number;
}

/**
 * Where a file is cut: its header line (with its line break), and its pieces after it, or null
 * when the file is not one to read in pieces (see "When pieces" above).
 *
 * Cuts are content-defined, so that a cell that changes length, or a row added or removed, moves
 * only the cuts near it: a piece ends after the first line, once it holds `budget / 2` bytes, at
 * which a hash of the lengths of the last four lines has its low bits zero (about one line in
 * budget / 256, so about `budget` bytes a piece with lines of about 128 bytes), and at the latest
 * once it holds `2 × budget` bytes; never where an odd number of quotes came before.
 */
export function cutPieces(bytes: Uint8Array, budget = PIECE_BYTES): { header: Uint8Array; pieces: Piece[] } | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buffer.length;
  if (n < 2 * budget) return null;
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return null;
  if (buffer.indexOf(13) >= 0 || !isUtf8(buffer)) return null;
  const headerEnd = buffer.indexOf(10) + 1;
  if (headerEnd <= 1) return null;
  const header = buffer.subarray(0, headerEnd);
  if (header.indexOf(34) >= 0 || header.indexOf(44) < 0) return null;
  const min = Math.max(1, Math.floor(budget / 2));
  const max = 2 * budget;
  const mask = 2 ** Math.max(0, Math.round(Math.log2(min / 128))) - 1;
  const pieces: Piece[] = [];
  let start = headerEnd;
  let startLine = 2;
  let line = 2;
  let p = headerEnd;
  let quote = buffer.indexOf(34, p);
  let odd = false;
  let l1 = 0;
  let l2 = 0;
  let l3 = 0;
  while (p < n) {
    const next = buffer.indexOf(10, p);
    const end = next < 0 ? n : next + 1;
    while (quote >= 0 && quote < end) {
      odd = !odd;
      quote = buffer.indexOf(34, quote + 1);
    }
    const length = end - p;
    const feature = lengthsHash(length, l1, l2, l3);
    l3 = l2;
    l2 = l1;
    l1 = length;
    p = end;
    line++;
    if (p === n || odd) continue;
    const size = p - start;
    if ((size >= min && (feature & mask) === 0) || size >= max) {
      pieces.push({ start, end: p, line: startLine });
      start = p;
      startLine = line;
    }
  }
  if (start < n) pieces.push({ start, end: n, line: startLine });
  return pieces.length < 2 ? null : { header, pieces };
}

function lengthsHash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ Math.imul(d, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

/**
 * readTable of a large file through its stored pieces (above): the stored piece for each piece whose
 * bytes (and header, and code) are unchanged; the others are parsed and checked (each alone, after
 * the header line, through one validator) and stored. Null when the file is not one to read in
 * pieces: the caller reads it whole. The same result as readTable's either way. `done` is called
 * once `bytes` are no longer read (when pieces were parsed), so that the caller may give them back.
 */
export function readPiecedTable<S extends z.ZodObject>(
  def: CsvTableDef<S>,
  bytes: Uint8Array,
  keepKeys: boolean,
  cacheDir: string,
  budget = PIECE_BYTES,
  done: () => void = () => {},
): (TableResult & { columns: ColumnTable }) | null {
  const cut = cutPieces(bytes, budget);
  if (cut === null) return null;
  const headerHash = hashBytes(cut.header);
  const entries: Entry[] = [];
  for (const piece of cut.pieces) {
    const key = pieceKey(def.name, headerHash, hashBytes(bytes.subarray(piece.start, piece.end)), keepKeys);
    if (key === null) return null;
    entries.push({ piece, key, part: loadPiece(cacheDir, def.name, key) });
  }
  const missing = entries.filter((e) => e.part === null);
  let given: { rows: Record<string, unknown>[]; lines: number[] } | null = null;
  if (missing.length > 0) {
    const checked = readTablePieces(
      def,
      cut.header,
      missing.map(({ piece }) => ({ bytes: bytes.subarray(piece.start, piece.end), line: piece.line })),
      keepKeys,
    );
    if (checked === null) return null;
    // The bytes are given back before the pieces are encoded (validate:data's peak: 469 MB at M50).
    done();
    checked.parts.forEach((part, k) => {
      const entry = missing[k];
      if (entry === undefined) throw new Error('a piece read that was not asked for');
      entry.part = storedPiece(part, checked.headerIssues);
      savePiece(cacheDir, def.name, entry.key, entry.part);
    });
    prunePieces(cacheDir, def.name, new Set(entries.map((e) => e.key)));
    // Every piece read: the validator's rows and lines are the table's.
    if (missing.length === entries.length) given = checked;
  }
  return assemble(entries, keepKeys, given);
}

/** A piece of the file, its key, and its share of the result (null until it is read or found stored). */
interface Entry {
  piece: Piece;
  key: string;
  part: StoredPiece | null;
}

function storedPiece(part: PiecePart<object>, headerIssues: Issue[]): StoredPiece {
  return {
    table: ColumnTable.fromRows(part.rows) as ColumnTable,
    lines: part.lines,
    headerIssues,
    rowIssues: part.rowIssues,
    cellIssues: part.cellIssues,
    records: part.records,
    rawKeys: part.rawKeys,
  };
}

/**
 * The whole file's result from its pieces, in readTable's order of issues (the header's, then every
 * row's, then every cell's). Its rows and lines are `given`'s (every piece just read), or made from
 * the pieces': the rows from the columns when first read.
 */
function assemble(
  entries: readonly Entry[],
  keepKeys: boolean,
  given: { rows: Record<string, unknown>[]; lines: number[] } | null,
): TableResult & { columns: ColumnTable } {
  const parts = entries.map(({ piece, part }) => {
    if (part === null) throw new Error(`the piece at line ${piece.line} was neither stored nor read`);
    return { first: piece.line, part };
  });
  const columns = ColumnTable.concat(parts.map((p) => p.part.table));
  let lines = given?.lines ?? null;
  if (lines === null) {
    const out = new Array<number>(columns.length);
    let at = 0;
    for (const { first, part } of parts) for (const l of part.lines) out[at++] = l + first;
    lines = out;
  }
  // Issues of a piece always have a row (readTablePieces gives up on one without).
  const rebase = (issue: Issue, first: number): Issue => ({ ...issue, row: (issue.row ?? 0) + first });
  const rowIssues: Issue[] = [];
  const cellIssues: Issue[] = [];
  const rawKeys = new Set<string>();
  let records = 0;
  for (const { first, part } of parts) {
    for (const issue of part.rowIssues) rowIssues.push(rebase(issue, first));
    for (const issue of part.cellIssues) cellIssues.push(rebase(issue, first));
    if (keepKeys) for (const k of part.rawKeys ?? []) rawKeys.add(k);
    records += part.records;
  }
  const issues = [...(parts[0]?.part.headerIssues ?? []), ...rowIssues, ...cellIssues];
  const pieces = entries.map(({ piece, key, part }) => ({ key, rows: part!.lines.length, line: piece.line }));
  if (given) return { rows: given.rows, lines, rawKeys, issues, records, columns, pieces };
  let rows: Record<string, unknown>[] | null = null;
  return {
    get rows() {
      return (rows ??= columns.rows());
    },
    lines,
    rawKeys,
    issues,
    records,
    columns,
    pieces,
  };
}
