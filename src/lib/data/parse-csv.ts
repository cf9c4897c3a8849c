/**
 * Bytes of one CSV file → records with their file line numbers, plus every structural problem.
 * Pure: no file system. The rules follow the published data contract (data/README.md):
 * UTF-8 without BOM, comma-separated, one header row, LF or CRLF (not mixed), no blank lines.
 */
import { Buffer, constants, isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import { issue, type Issue } from './issues.ts';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (header = 1). */
  line: number;
  /** The cells as read, in header order (as many as the header has columns). */
  values: readonly string[];
}

/** Position of each column in the header (the first one, when a name is duplicated). */
export function columnPositions(header: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  return positions;
}

export interface ParsedCsv {
  header: string[];
  records: CsvRecord[];
  issues: Issue[];
  /** False when the file cannot be read at all (encoding, empty, wrong delimiter): no rows follow. */
  readable: boolean;
}

const HEADER_NAME = /^[a-z][a-z0-9_]*$/;

/** Line number (1-based) of a character offset in text. */
function lineAt(offset: number, lineStarts: number[]): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (0 when none is found). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >> 5 === 0b110 ? 1 : b >> 4 === 0b1110 ? 2 : b >> 3 === 0b11110 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return 0;
}

/** The encoding problem of a file that is not UTF-8 (null when it is). */
function checkUtf8(bytes: Uint8Array, file: string): Issue | null {
  // isUtf8 (Node's SIMD check): strict, without the cost of a fatal decoder, and for any size of file.
  if (isUtf8(bytes)) return null;
  const bad = firstInvalidUtf8(bytes);
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
  const looksUtf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const looksZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return issue({
    code: 'encoding-error',
    file,
    row: line,
    message: looksZip
      ? 'The file is a spreadsheet (XLSX/ZIP), not a CSV text file.'
      : looksUtf16
        ? 'The file is encoded as UTF-16, not UTF-8.'
        : `The file is not valid UTF-8 (first bad byte on or after line ${line}); Vietnamese letters would be garbled.`,
    hint: 'Export or save the file as "CSV UTF-8" (in LibreOffice: Character set Unicode (UTF-8)); do not use Windows-1258 or TCVN3.',
  });
}

/**
 * The line break papaparse is to split records at, and the line-ending problems of the whole file,
 * counted on the bytes from `from` (LF and CR bytes never occur inside a multi-byte UTF-8 sequence).
 * `dropCr`: the file mixes CRLF and LF, so records are split at LF and the CR that ends a CRLF line is
 * dropped from its last cell: the one mixed-line-endings error is not followed by a CR in a cell or a column name.
 */
function checkLineEndings(bytes: Buffer, from: number, file: string): { newline: '\n' | '\r\n'; dropCr: boolean; issues: Issue[] } {
  // Most files hold no CR at all: one search, and no line needs counting.
  if (bytes.indexOf(13, from) < 0) return { newline: '\n', dropCr: false, issues: [] };
  const issues: Issue[] = [];
  let crlf = 0;
  let lf = 0;
  // The first line whose ending differs from the first line's (file line n ends at the n-th LF).
  let firstIsCrlf: boolean | null = null;
  let differs = 0;
  for (let i = bytes.indexOf(10, from); i >= 0; i = bytes.indexOf(10, i + 1)) {
    const isCrlf = i > from && bytes[i - 1] === 13;
    if (isCrlf) crlf++;
    else lf++;
    if (firstIsCrlf === null) firstIsCrlf = isCrlf;
    else if (differs === 0 && isCrlf !== firstIsCrlf) differs = crlf + lf;
  }
  if (crlf > 0 && lf > 0) {
    const ending = (isCrlf: boolean) => (isCrlf ? 'Windows (CRLF)' : 'Unix (LF)');
    issues.push(
      issue({
        code: 'mixed-line-endings',
        file,
        row: differs,
        message: `The file mixes Windows (CRLF, ${crlf} lines) and Unix (LF, ${lf} lines) line endings: line ${differs} is the first that ends with ${ending(!firstIsCrlf)}, line 1 ends with ${ending(firstIsCrlf!)}.`,
        hint: 'Save the file with one kind of line ending (LF preferred).',
      }),
    );
  }
  let bareCr = false;
  for (let i = bytes.indexOf(13, from); i >= 0 && !bareCr; i = bytes.indexOf(13, i + 1)) bareCr = bytes[i + 1] !== 10;
  if (bareCr) {
    issues.push(
      issue({
        code: 'mixed-line-endings',
        file,
        message: 'The file contains a bare carriage return (CR) line ending.',
        hint: 'Save the file with LF line endings.',
      }),
    );
  }
  const dropCr = crlf > 0 && lf > 0;
  return { newline: crlf > lf && !dropCr ? '\r\n' : '\n', dropCr, issues };
}

/**
 * Where a piece that starts at `from` ends: after the last line break within `size` bytes or, when
 * there is none, after the first one (or at the end of the file).
 */
function pieceEnd(bytes: Buffer, from: number, size: number): number {
  const reach = from + Math.max(size, 1);
  if (reach >= bytes.length) return bytes.length;
  const last = bytes.lastIndexOf(10, reach - 1);
  if (last >= from) return last + 1;
  const next = bytes.indexOf(10, reach);
  return next < 0 ? bytes.length : next + 1;
}

/**
 * Receives a data record of a quote-free line straight from the file's bytes, without a string per
 * cell: cell k (in header order) is `bytes[starts[k]..ends[k])`, and `hashes[k]` is cellHash of that
 * range. The arrays are reused for the next record; only records with as many cells as the header
 * (and not blank) come this way.
 */
export type ByteRecordSink = (bytes: Uint8Array, starts: Int32Array, ends: Int32Array, hashes: Int32Array, line: number) => void;

/**
 * Receives each data record (not the header, blank or ragged rows) in file order, as soon as it is
 * read. With `bytes`, the records of quote-free lines go there instead (parseCsv's byte path).
 */
export type RecordSink = ((values: string[], line: number) => void) & { bytes?: ByteRecordSink };

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32 bits) of `bytes[start..end)`: the cell hash a ByteRecordSink receives. */
export function cellHash(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h;
}

export interface ParseCsvOptions {
  /**
   * How many bytes are decoded and parsed at a time, at most (a piece ends at the end of a line; one
   * longer line is a piece of its own): no file is ever one string, so files larger than V8's longest
   * string can be read. 64 MiB by default.
   */
  pieceBytes?: number;
  /** Longest text of one piece, in characters: V8's longest string by default (tests use less). */
  maxPieceLength?: number;
  /**
   * Reads quote-free lines from the bytes instead of through papaparse (true by default; false is the
   * reference the tests compare the byte path with). The result is the same either way.
   */
  bytePath?: boolean;
}

const PIECE_BYTES = 64 * 2 ** 20;

/**
 * Parses one CSV file against the expected column names.
 * `expected` is the schema's column list; columns may come in any order (fieldsMatch: equal).
 * With `onHeader`, each record goes to the sink it returns and `records` stays empty: a large file is
 * checked row by row, and its raw cells die young instead of all living until the end (garbage
 * collection of 1,000,000 kept rows cost more than parsing them).
 *
 * The file is decoded and parsed in pieces of about `pieceBytes` (see ParseCsvOptions); a piece ends
 * where a record ends, and a record that a piece's end cuts through (a quoted cell with line breaks)
 * is carried into the next piece. Checks of the whole file (encoding, byte-order mark, line endings)
 * are made on the bytes. The result does not depend on the size of the pieces, except after a record
 * that papaparse and the line scanner below read differently (docs/validation-codes.md, "Large files").
 */
export function parseCsv(
  bytes: Uint8Array,
  file: string,
  expected: readonly string[],
  onHeader?: (header: string[]) => RecordSink,
  options: ParseCsvOptions = {},
): ParsedCsv {
  const { pieceBytes = PIECE_BYTES, maxPieceLength = constants.MAX_STRING_LENGTH, bytePath = true } = options;
  const issues: Issue[] = [];
  const unreadable = (i: Issue): ParsedCsv => ({ header: [], records: [], issues: [...issues, i], readable: false });

  if (bytes.length === 0) {
    return unreadable(
      issue({ code: 'empty-file', file, message: 'The file is empty.', hint: `Write the header row: ${expected.join(',')}` }),
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) {
    issues.push(
      issue({
        code: 'bom',
        file,
        row: 1,
        message: 'The file starts with a byte-order mark (BOM).',
        hint: 'Save as UTF-8 without BOM (in Excel choose "CSV UTF-8" then remove the BOM, or use LibreOffice / a text editor).',
      }),
    );
  }
  const encodingIssue = checkUtf8(bytes, file);
  if (encodingIssue) return unreadable(encodingIssue);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const textStart = bom ? 3 : 0;
  // ignoreBOM: a piece that starts with the bytes of U+FEFF keeps it (the file's own mark is skipped above).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  const lineEndings = checkLineEndings(buffer, textStart, file);
  issues.push(...lineEndings.issues);

  const firstNewline = buffer.indexOf(10, textStart);
  const firstLineEnd =
    firstNewline < 0 ? buffer.length : firstNewline - (firstNewline > textStart && buffer[firstNewline - 1] === 13 ? 1 : 0);
  const firstLine = decoder.decode(buffer.subarray(textStart, Math.min(firstLineEnd, textStart + maxPieceLength)));
  if (!firstLine.includes(',') && (firstLine.includes(';') || firstLine.includes('\t')) && expected.length > 1) {
    const sep = firstLine.includes(';') ? 'semicolon (;)' : 'tab';
    return unreadable(
      issue({
        code: 'wrong-delimiter',
        file,
        row: 1,
        value: firstLine,
        message: `The file is separated by ${sep}, not by commas.`,
        hint: 'Export as comma-separated CSV (in Excel with a Vietnamese locale, choose "CSV UTF-8 (Comma delimited)" or change the list separator).',
      }),
    );
  }

  // Issues by kind, concatenated at the end in the order of the whole-file reading.
  const quoteIssues: Issue[] = [];
  const syntaxIssues: Issue[] = [];
  const headerIssues: Issue[] = [];
  const rowIssues: Issue[] = [];

  // The piece being parsed: its text, where its lines start, and how many lines of the file come before it.
  let text = '';
  let lineStarts = [0];
  let lineBase = 0;

  // papaparse counts records, not lines: find where each record starts by scanning the text the same
  // way (RFC 4180: quoted cells may hold line breaks), and catch the stray quotes papaparse accepts.
  let offset = 0;
  let line = 1;
  // Position of the next quote at or after offset (-1: none left), so quote-free records cost one indexOf.
  let nextQuote = -1;
  const startOfNextRecord = (): number => {
    if (nextQuote >= 0 && nextQuote < offset) nextQuote = text.indexOf('"', offset);
    // Records start where the previous one ended; only a quoted cell with line breaks skips lines.
    if (lineStarts[line - 1] !== offset) line = lineAt(offset, lineStarts);
    const start = lineBase + line;
    // A record without any quote ends at the next line break (the common case, no allocation).
    const newline = text.indexOf('\n', offset);
    if (nextQuote < 0 || (newline >= 0 && nextQuote > newline)) {
      offset = newline < 0 ? text.length : newline + 1;
      line++;
      return start;
    }
    const scan = scanRecord(text, offset, nextQuote);
    if (scan.strayQuote) {
      quoteIssues.push(
        issue({
          code: 'stray-quote',
          file,
          row: start,
          value: text.slice(offset, scan.end).replace(/\r?\n$/, ''),
          message: 'A double quote stands inside a cell that is not wrapped in quotes, or after a closing quote.',
          hint: 'Wrap the whole cell in double quotes and double each quote inside it, e.g. "Nghị quyết ""57""".',
        }),
      );
    }
    offset = scan.end;
    line++;
    return start;
  };

  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  let sink: RecordSink = (values, recordLine) => records.push({ line: recordLine, values });
  const takeHeader = (row: string[]) => {
    header = row;
    headerIssues.push(...checkHeader(row, file, expected));
    if (onHeader) sink = onHeader(row);
  };
  const take = (row: string[], recordLine: number) => {
    if (lineEndings.dropCr && row.length > 0 && row[row.length - 1]!.endsWith('\r'))
      row[row.length - 1] = row[row.length - 1]!.slice(0, -1);
    if (header === null) return takeHeader(row);
    if ((row.length === 1 && row[0]!.trim() === '') || row.every((c) => c === '')) {
      rowIssues.push(
        issue({
          code: 'blank-row',
          file,
          row: recordLine,
          message: 'The line is empty (or holds only commas).',
          hint: 'Delete the empty line.',
        }),
      );
      return;
    }
    if (row.length !== header.length) {
      rowIssues.push(
        issue({
          code: row.length > header.length ? 'extra-cell' : 'missing-cell',
          file,
          row: recordLine,
          value: row.join(','),
          message: `The row has ${row.length} cells; the header has ${header.length}.`,
          hint:
            row.length > header.length
              ? 'A cell probably contains an unquoted comma: wrap it in double quotes, or write decimals with a point.'
              : 'Add the missing cells (an empty cell is written as nothing between two commas).',
        }),
      );
      return;
    }
    sink(row, recordLine);
  };

  // A record as papaparse returned it, with where it starts in papaparse's input.
  interface ReadRecord {
    row: string[];
    errors: Papa.ParseError[];
    start: number;
  }
  const settle = (record: ReadRecord, keep: boolean) => {
    const recordLine = startOfNextRecord();
    // In step mode every error belongs to the record of this step.
    for (const e of record.errors) {
      if (e.code === 'UndetectableDelimiter') continue;
      syntaxIssues.push(
        issue({
          code: 'csv-syntax',
          file,
          row: recordLine,
          message: `The CSV cannot be read: ${e.message}.`,
          hint: 'Check quotes: a cell with a comma, quote or line break must be wrapped in double quotes, and a quote inside it doubled ("").',
        }),
      );
    }
    if (keep) take(record.row, recordLine);
  };

  // header:false so that duplicate headers are seen as written (papaparse would rename them).
  // Each record is settled one step late: the last one of a piece may be cut by the piece's end,
  // and a final newline yields a trailing empty record, which is not a blank line.
  let pending: ReadRecord | null = null;
  // Where the record after `pending` starts in papaparse's input.
  let end = 0;
  const papaConfig: Papa.ParseConfig<string[]> = {
    header: false,
    delimiter: ',',
    newline: lineEndings.newline,
    skipEmptyLines: false,
    quoteChar: '"',
    // fastMode off: measured faster on quote-free files too (scripts/bench/validate-1m.ts), and one code path.
    fastMode: false,
    step: (result) => {
      if (pending) settle(pending, true);
      pending = { row: result.data, errors: result.errors, start: end };
      end = result.meta.cursor;
    },
  };

  // The byte path. Up to the first line with a quote, a piece's records are its lines and its cells
  // what lies between commas: papaparse and the line scanner read such lines so, whatever follows
  // them, so the rest of the piece (from that line on) is parsed as above and the result is the
  // same. Cells are cut at ASCII bytes, never inside a UTF-8 sequence; a record that is the header,
  // blank, ragged or for a sink without `bytes` is decoded into the row papaparse would give.
  let starts: Int32Array = new Int32Array(0);
  let ends = starts;
  let hashes = starts;
  const crlfRecords = lineEndings.newline === '\r\n';
  const rowOf = (lineStart: number, lineEnd: number, terminated: boolean): string[] => {
    // papaparse splits records at the file's line break: with CRLF, the CR is not part of the row.
    const rowEnd = crlfRecords && terminated && lineEnd > lineStart && buffer[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
    return decoder.decode(buffer.subarray(lineStart, rowEnd)).split(',');
  };
  const lineCells = new Int32Array(1);
  /** Reads the lines of [from, to) as records until one holds a quote; returns where it stopped (`to` when none does). */
  const readQuoteFree = (from: number, to: number): number => {
    // Searched within the piece only (a quote-free file would be searched to its end for each piece).
    const inPiece = buffer.subarray(from, to).indexOf(34);
    const quote = inPiece < 0 ? to : from + inPiece;
    let p = from;
    while (p < to) {
      const cap = starts.length;
      const i = splitLine(buffer, p, to, starts, ends, hashes, lineCells);
      const count = lineCells[0]! - 1;
      const cellStart = count < cap ? starts[count]! : 0;
      let h = count < cap ? hashes[count]! : 0;
      if (quote < i) return p;
      const terminated = i < to;
      lineBase++;
      const bytesSink = sink.bytes;
      if (header === null || bytesSink === undefined || count + 1 !== cap || cap === 1) {
        take(rowOf(p, i, terminated), lineBase);
      } else {
        // The CR of a CRLF line end is not part of the last cell (papaparse's newline, or take's dropCr).
        let lastEnd = i;
        if (lastEnd > cellStart && buffer[lastEnd - 1] === 13 && (terminated || lineEndings.dropCr)) {
          lastEnd--;
          h = cellHash(buffer, cellStart, lastEnd);
        }
        ends[count] = lastEnd;
        hashes[count] = h;
        let blank = true;
        for (let k = 0; k < cap && blank; k++) blank = starts[k] === ends[k];
        if (blank) take(rowOf(p, i, terminated), lineBase);
        else bytesSink(buffer, starts, ends, hashes, lineBase);
      }
      if (header !== null && starts.length !== header.length) {
        starts = new Int32Array(header.length);
        ends = new Int32Array(header.length);
        hashes = new Int32Array(header.length);
      }
      p = terminated ? i + 1 : to;
    }
    return to;
  };

  let from = textStart;
  // Text of a record that the previous piece's end cut through, and whether it starts the file's text.
  let carry = '';
  let atFileStart = true;
  do {
    const to = pieceEnd(buffer, from, Math.min(pieceBytes, maxPieceLength - carry.length));
    if (carry.length + (to - from) > maxPieceLength) {
      syntaxIssues.push(
        issue({
          code: 'csv-syntax',
          file,
          row: lineBase + 1,
          message: `The CSV cannot be read from this line on: the record that starts here does not end within ${maxPieceLength.toLocaleString('en')} bytes.`,
          hint: 'A quoted cell is probably not closed: check the quotes of this line, and double each quote inside a quoted cell ("").',
        }),
      );
      break;
    }
    // A second byte-order mark at the start of the file is papaparse's to drop (below).
    const feffAtFileStart = atFileStart && buffer[from] === 0xef && buffer[from + 1] === 0xbb && buffer[from + 2] === 0xbf;
    let start = from;
    if (bytePath && carry === '' && to > from && !feffAtFileStart) {
      start = readQuoteFree(from, to);
      if (start > from) atFileStart = false;
    }
    from = to;
    if (start === to) continue;
    text = carry + decoder.decode(buffer.subarray(start, to));
    lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    offset = 0;
    line = 1;
    nextQuote = text.indexOf('"');

    // Papa.parse drops a U+FEFF at the start of a string (its stripBom). At the start of the file that
    // is the behaviour of a reading in one piece (a second byte-order mark); a later piece that starts
    // with one (a cell's first character) is given one more to drop, so that its text is parsed as written.
    const startsWithFeff = text.charCodeAt(0) === 0xfeff;
    const dropped = atFileStart && startsWithFeff ? 1 : 0;
    pending = null;
    end = 0;
    Papa.parse<string[]>(startsWithFeff && !atFileStart ? `\uFEFF${text}` : text, papaConfig);
    const last = pending as ReadRecord | null;
    if (from === buffer.length) {
      if (last) settle(last, !(last.row.length === 1 && last.row[0] === '' && text.endsWith('\n')));
    } else {
      // This piece ends with a line break: its last record is either the empty one after it, or a
      // record the break does not end (a quoted cell goes on), which the next piece reads again whole.
      const cut: number = last === null ? text.length : last.start === 0 ? 0 : last.start + dropped;
      carry = text.slice(cut);
      lineBase += lineAt(cut, lineStarts) - 1;
      atFileStart &&= cut === 0;
    }
  } while (from < buffer.length);
  if (header === null) takeHeader([]);

  return {
    header: header ?? [],
    records,
    issues: [...issues, ...quoteIssues, ...syntaxIssues, ...headerIssues, ...rowIssues],
    readable: true,
  };
}

/**
 * Splits the line that starts at `p` (it ends at the next LF, or at `to`) at its commas: the range and
 * cellHash of cell k go to `starts[k]`, `ends[k]`, `hashes[k]` for the first `starts.length` cells,
 * and the number of cells to `cells[0]`. Returns where the line ends (its LF, or `to`). A function of
 * its own, on locals only: this loop is most of the time of reading a large file.
 */
function splitLine(
  bytes: Uint8Array,
  p: number,
  to: number,
  starts: Int32Array,
  ends: Int32Array,
  hashes: Int32Array,
  cells: Int32Array,
): number {
  const cap = starts.length;
  let count = 0;
  let cellStart = p;
  let h = FNV_OFFSET;
  let i = p;
  for (; i < to; i++) {
    const b = bytes[i]!;
    if (b === 44) {
      if (count < cap) {
        starts[count] = cellStart;
        ends[count] = i;
        hashes[count] = h;
      }
      count++;
      cellStart = i + 1;
      h = FNV_OFFSET;
    } else if (b === 10) break;
    else h = Math.imul(h ^ b, FNV_PRIME);
  }
  if (count < cap) {
    starts[count] = cellStart;
    ends[count] = i;
    hashes[count] = h;
  }
  cells[0] = count + 1;
  return i;
}

/** Blank, duplicate, unknown and missing column names. */
function checkHeader(header: readonly string[], file: string, expected: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const column = name;
    if (name.trim() === '') {
      issues.push(
        issue({
          code: 'blank-header',
          file,
          row: 1,
          column: `#${index + 1}`,
          value: name,
          message: `Column ${index + 1} has no name.`,
          hint: 'Remove the empty column or give it the right name.',
        }),
      );
      return;
    }
    if (seen.has(name)) {
      issues.push(
        issue({
          code: 'duplicate-header',
          file,
          row: 1,
          column,
          value: name,
          message: `Column "${name}" appears twice (columns ${seen.get(name)! + 1} and ${index + 1}).`,
          hint: 'Delete or rename one of the two columns.',
        }),
      );
    } else seen.set(name, index);
    if (!expected.includes(name)) {
      const looksLike = expected.find(
        (e) =>
          e ===
          name
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_'),
      );
      issues.push(
        issue({
          code: 'unknown-header',
          file,
          row: 1,
          column,
          value: name,
          message: `Column "${name}" is not part of this table.`,
          hint: looksLike
            ? `Rename it to "${looksLike}".`
            : HEADER_NAME.test(name)
              ? `Remove it, or add it to the schema first. Expected columns: ${expected.join(', ')}.`
              : `Column names are snake_case ASCII. Expected columns: ${expected.join(', ')}.`,
        }),
      );
    }
  });
  for (const name of expected) {
    if (!seen.has(name)) {
      issues.push(
        issue({
          code: 'missing-header',
          file,
          row: 1,
          column: name,
          message: `Column "${name}" is missing.`,
          hint: `Add the column "${name}" to the header row (expected: ${expected.join(',')}).`,
        }),
      );
    }
  }
  return issues;
}

/**
 * Scans one record from `offset`: the offset just past it, and whether a quote stands where
 * RFC 4180 allows none (inside an unquoted cell, or right after a closing quote). A record without
 * any quote is found with one indexOf; only records with quotes are walked character by character.
 */
function scanRecord(text: string, offset: number, nextQuote: number): { end: number; strayQuote: boolean } {
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  if (nextQuote < 0 || nextQuote >= lineEnd) return { end: newline < 0 ? text.length : newline + 1, strayQuote: false };
  let i = offset;
  let strayQuote = false;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      // Quoted cell: runs to the closing quote; "" is an escaped quote.
      i++;
      while (i < text.length && !(text.charCodeAt(i) === 34 && text.charCodeAt(i + 1) !== 34)) i += text.charCodeAt(i) === 34 ? 2 : 1;
      i++;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        strayQuote = true;
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
        if (text.charCodeAt(i) === 34) strayQuote = true;
        i++;
      }
    }
    if (i >= text.length) return { end: text.length, strayQuote };
    if (text[i] === '\r' && text[i + 1] === '\n') return { end: i + 2, strayQuote };
    if (text[i] === '\n') return { end: i + 1, strayQuote };
    i++; // a comma: the next cell
  }
}
