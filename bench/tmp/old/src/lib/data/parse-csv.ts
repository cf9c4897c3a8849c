/**
 * Bytes of one CSV file → records with their file line numbers, plus every structural problem.
 * Pure: no file system. The rules follow the published data contract (data/README.md):
 * UTF-8 without BOM, comma-separated, one header row, LF or CRLF (not mixed), no blank lines.
 */
import { isUtf8 } from 'node:buffer';
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

function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { issue: Issue } {
  // isUtf8 (Node's SIMD check) first: a strict check without the cost of a fatal decoder.
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const looksUtf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const looksZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    return {
      issue: issue({
        code: 'encoding-error',
        file,
        row: line,
        message: looksZip
          ? 'The file is a spreadsheet (XLSX/ZIP), not a CSV text file.'
          : looksUtf16
            ? 'The file is encoded as UTF-16, not UTF-8.'
            : `The file is not valid UTF-8 (first bad byte on or after line ${line}); Vietnamese letters would be garbled.`,
        hint: 'Export or save the file as "CSV UTF-8" (in LibreOffice: Character set Unicode (UTF-8)); do not use Windows-1258 or TCVN3.',
      }),
    };
  }
}

/**
 * Parses one CSV file against the expected column names.
 * `expected` is the schema's column list; columns may come in any order (fieldsMatch: equal).
 */
export function parseCsv(bytes: Uint8Array, file: string, expected: readonly string[]): ParsedCsv {
  const issues: Issue[] = [];
  const unreadable = (i: Issue): ParsedCsv => ({ header: [], records: [], issues: [...issues, i], readable: false });

  if (bytes.length === 0) {
    return unreadable(issue({ code: 'empty-file', file, message: 'The file is empty.', hint: `Write the header row: ${expected.join(',')}` }));
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    issues.push(issue({ code: 'bom', file, row: 1, message: 'The file starts with a byte-order mark (BOM).', hint: 'Save as UTF-8 without BOM (in Excel choose "CSV UTF-8" then remove the BOM, or use LibreOffice / a text editor).' }));
  }
  const decoded = decodeUtf8(bytes, file);
  if ('issue' in decoded) return unreadable(decoded.issue);
  const text = decoded.text.replace(/^\uFEFF/, '');

  const lineStarts = [0];
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  if (crlf > 0 && lf > 0) {
    issues.push(issue({ code: 'mixed-line-endings', file, message: `The file mixes Windows (CRLF, ${crlf} lines) and Unix (LF, ${lf} lines) line endings.`, hint: 'Save the file with one kind of line ending (LF preferred).' }));
  }
  if (text.includes('\r') && /\r(?!\n)/.test(text)) {
    issues.push(issue({ code: 'mixed-line-endings', file, message: 'The file contains a bare carriage return (CR) line ending.', hint: 'Save the file with LF line endings.' }));
  }

  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.includes(',') && (firstLine.includes(';') || firstLine.includes('\t')) && expected.length > 1) {
    const sep = firstLine.includes(';') ? 'semicolon (;)' : 'tab';
    return unreadable(issue({ code: 'wrong-delimiter', file, row: 1, value: firstLine, message: `The file is separated by ${sep}, not by commas.`, hint: 'Export as comma-separated CSV (in Excel with a Vietnamese locale, choose "CSV UTF-8 (Comma delimited)" or change the list separator).' }));
  }

  // header:false so that duplicate headers are seen as written (papaparse would rename them).
  const result = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: crlf > lf ? '\r\n' : '\n', skipEmptyLines: false, quoteChar: '"', fastMode: false });
  // fastMode off: measured faster on quote-free files too (scripts/bench/validate-1m.ts), and one code path.
  const rows = result.data;

  // papaparse counts records, not lines: find where each record starts by scanning the text the same
  // way (RFC 4180: quoted cells may hold line breaks), and catch the stray quotes papaparse accepts.
  const recordLines: number[] = [];
  {
    let offset = 0;
    let line = 1;
    // Position of the next quote at or after offset (-1: none left), so quote-free records cost one indexOf.
    let nextQuote = text.indexOf('"');
    for (let r = 0; r < rows.length; r++) {
      if (nextQuote >= 0 && nextQuote < offset) nextQuote = text.indexOf('"', offset);
      // Records start where the previous one ended; only a quoted cell with line breaks skips lines.
      if (lineStarts[line - 1] !== offset) line = lineAt(offset, lineStarts);
      recordLines.push(line);
      // A record without any quote ends at the next line break (the common case, no allocation).
      const newline = text.indexOf('\n', offset);
      if (nextQuote < 0 || (newline >= 0 && nextQuote > newline)) {
        offset = newline < 0 ? text.length : newline + 1;
        line++;
        continue;
      }
      const scan = scanRecord(text, offset, nextQuote);
      if (scan.strayQuote) {
        issues.push(issue({ code: 'stray-quote', file, row: line, value: text.slice(offset, scan.end).replace(/\r?\n$/, ''), message: 'A double quote stands inside a cell that is not wrapped in quotes, or after a closing quote.', hint: 'Wrap the whole cell in double quotes and double each quote inside it, e.g. "Nghị quyết ""57""".' }));
      }
      offset = scan.end;
      line++;
    }
  }
  for (const e of result.errors) {
    if (e.code === 'UndetectableDelimiter') continue;
    issues.push(issue({ code: 'csv-syntax', file, row: e.row !== undefined ? (recordLines[e.row] ?? null) : null, message: `The CSV cannot be read: ${e.message}.`, hint: 'Check quotes: a cell with a comma, quote or line break must be wrapped in double quotes, and a quote inside it doubled ("").' }));
  }

  // A final newline yields a trailing empty record: not a blank line.
  if (rows.length > 0 && rows[rows.length - 1]!.length === 1 && rows[rows.length - 1]![0] === '' && /\n$/.test(text)) {
    rows.pop();
    recordLines.pop();
  }

  const header = rows[0] ?? [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const column = name;
    if (name.trim() === '') {
      issues.push(issue({ code: 'blank-header', file, row: 1, column: `#${index + 1}`, value: name, message: `Column ${index + 1} has no name.`, hint: 'Remove the empty column or give it the right name.' }));
      return;
    }
    if (seen.has(name)) {
      issues.push(issue({ code: 'duplicate-header', file, row: 1, column, value: name, message: `Column "${name}" appears twice (columns ${seen.get(name)! + 1} and ${index + 1}).`, hint: 'Delete or rename one of the two columns.' }));
    } else seen.set(name, index);
    if (!expected.includes(name)) {
      const looksLike = expected.find((e) => e === name.trim().toLowerCase().replace(/[\s-]+/g, '_'));
      issues.push(issue({
        code: 'unknown-header',
        file,
        row: 1,
        column,
        value: name,
        message: `Column "${name}" is not part of this table.`,
        hint: looksLike ? `Rename it to "${looksLike}".` : HEADER_NAME.test(name) ? `Remove it, or add it to the schema first. Expected columns: ${expected.join(', ')}.` : `Column names are snake_case ASCII. Expected columns: ${expected.join(', ')}.`,
      }));
    }
  });
  for (const name of expected) {
    if (!seen.has(name)) {
      issues.push(issue({ code: 'missing-header', file, row: 1, column: name, message: `Column "${name}" is missing.`, hint: `Add the column "${name}" to the header row (expected: ${expected.join(',')}).` }));
    }
  }

  const records: CsvRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = recordLines[r]!;
    if ((row.length === 1 && row[0]!.trim() === '') || row.every((c) => c === '')) {
      issues.push(issue({ code: 'blank-row', file, row: line, message: 'The line is empty (or holds only commas).', hint: 'Delete the empty line.' }));
      continue;
    }
    if (row.length !== header.length) {
      issues.push(issue({
        code: row.length > header.length ? 'extra-cell' : 'missing-cell',
        file,
        row: line,
        value: row.join(','),
        message: `The row has ${row.length} cells; the header has ${header.length}.`,
        hint: row.length > header.length ? 'A cell probably contains an unquoted comma: wrap it in double quotes, or write decimals with a point.' : 'Add the missing cells (an empty cell is written as nothing between two commas).',
      }));
      continue;
    }
    records.push({ line, values: row });
  }
  return { header, records, issues, readable: true };
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
