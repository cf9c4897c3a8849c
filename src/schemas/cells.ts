/**
 * Column builders: each turns one raw CSV cell (a string) into a typed value, or reports a
 * problem with a permanent code. Every table schema is made of these, so the validator, the
 * loader, the pages and the published Table Schema / JSON Schema share one definition.
 *
 * Imports only zod, so the module loads in plain Node scripts as well as in the Astro build.
 */
import { z } from 'zod';
import {
  findFormulaAfterSpace,
  findHiddenCharacter,
  findOverflow,
  findTooLong,
  findUrlCredentials,
  type TextProblem,
} from './text-checks.ts';

/** Logical type of a column, as published in the Table Schema (Frictionless) and the data dictionary. */
export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface ColumnMeta {
  type: ColumnType;
  required: boolean;
  description: string;
  /** Allowed values, for enumerations. */
  enum?: readonly string[];
  /** Regular expression the raw cell must match, for keys and codes. */
  pattern?: string;
  /** How the cell is written, e.g. "YYYY-MM-DD". */
  format?: string;
  /** Longest text allowed, in characters (text columns). */
  maxLength?: number;
}

/** Metadata attached to each column schema; read back with {@link getColumnMeta}. */
export const columnRegistry = z.registry<ColumnMeta>();

export function getColumnMeta(schema: z.ZodType): ColumnMeta {
  const meta = columnRegistry.get(schema);
  if (!meta) throw new Error('column schema without metadata: build columns with src/schemas/cells.ts');
  return meta;
}

type Ctx = z.core.$RefinementCtx<string>;

/** Adds an issue carrying our permanent code and a hint; the validator reads `params`. */
export function addCellIssue(ctx: Ctx, input: string, code: string, message: string, hint: string): void {
  ctx.addIssue({ code: 'custom', message, input, params: { code, hint } });
}

/** Reports the problem of a text-checks.ts check, if any; true when there was one. */
function addProblem(ctx: Ctx, input: string, problem: TextProblem | null): boolean {
  if (problem) addCellIssue(ctx, input, problem.code, problem.message, problem.hint);
  return problem !== null;
}

const FORMULA_START = /^[=+\-@\t\r]/;
// A tag starts with < directly followed by a letter, !, / or ? (HTML tokenizer); "a < b" is text.
const HTML_LIKE = /<[a-zA-Z!/?]|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
// C0/C1 control characters other than none we accept; a line break inside a cell is also refused.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function checkBare(value: string, ctx: Ctx): boolean {
  if (value !== value.trim()) {
    addCellIssue(
      ctx,
      value,
      'surrounding-whitespace',
      'The cell starts or ends with a space.',
      'Delete the spaces before and after the value.',
    );
    return false;
  }
  return true;
}

function checkText(value: string, ctx: Ctx, allowLineBreaks = false, maxLength = TEXT_MAX_LENGTH): void {
  addProblem(ctx, value, findFormulaAfterSpace(value));
  addProblem(ctx, value, findTooLong(value, maxLength));
  if (!checkBare(value, ctx)) return;
  addProblem(ctx, value, findHiddenCharacter(value));
  if (value.normalize('NFC') !== value) {
    addCellIssue(
      ctx,
      value,
      'not-nfc',
      'The text is not in Unicode NFC form (letters and tone marks are stored separately).',
      'Re-save the file as UTF-8 with composed characters (NFC), e.g. run the text through `.normalize("NFC")`.',
    );
  }
  if (FORMULA_START.test(value)) {
    addCellIssue(
      ctx,
      value,
      'formula-injection',
      'The text starts with =, +, -, @ or a tab, which spreadsheets run as a formula.',
      'Reword the text so it does not start with one of these characters.',
    );
  }
  if (HTML_LIKE.test(value)) {
    addCellIssue(
      ctx,
      value,
      'html-in-text',
      'The text contains HTML markup or an HTML entity.',
      'Write plain text: remove tags such as <b> and write characters instead of entities such as &amp;.',
    );
  }
  const control = allowLineBreaks ? value.replace(/\n/g, '') : value;
  if (CONTROL.test(control)) {
    addCellIssue(
      ctx,
      value,
      'control-character',
      'The text contains a control character (a tab, line break or invisible code).',
      'Remove the invisible character; write the text on one line.',
    );
  }
}

interface ColumnOptions<R extends boolean = boolean> {
  /** false: an empty cell is allowed and read as null. Default true: an empty cell is a missing-value issue. */
  required?: R;
}

/** Longest text of a text column without its own `maxLength` (the data dictionary shows each limit). */
export const TEXT_MAX_LENGTH = 1000;

/**
 * What a column yields once its row has passed the validator: `T` for a required column (a row with an
 * empty or invalid required cell is never kept, see src/lib/data/validate-rows.ts), `T | null` for an
 * optional one. `R = boolean` (required not known statically) gives `T | null`.
 */
export type CellValue<T, R extends boolean> = R extends false ? T | null : T;

/** A column schema: the raw CSV cell (a string) in, the typed value out. */
export type Column<T, R extends boolean = true> = z.ZodPipe<z.ZodString, z.ZodTransform<CellValue<T, R>, string>>;

/**
 * Registers the column's metadata and narrows its type. A transform returns null both for an empty
 * optional cell and after reporting an issue; in the second case the parse fails and the value is
 * never seen, so a required column's output is `T`.
 */
function register<T, R extends boolean>(schema: z.ZodPipe<z.ZodString, z.ZodTransform<T | null, string>>, meta: ColumnMeta): Column<T, R> {
  columnRegistry.add(schema, meta);
  return schema as unknown as Column<T, R>;
}

/** Turns an empty cell into null for optional columns, or reports it for required ones. */
function emptyCheck(value: string, ctx: Ctx, required: boolean): boolean {
  if (value !== '') return true;
  if (required)
    addCellIssue(
      ctx,
      value,
      'missing-value',
      'This column needs a value; the cell is empty.',
      'Fill in the cell. If the value is not known, this table cannot hold the row yet.',
    );
  return false;
}

/** Free text in Vietnamese or English: NFC, trimmed, no markup, no formula start. */
export function text<R extends boolean = true>(
  description: string,
  options: ColumnOptions<R> & { multiline?: boolean; maxLength?: number } = {},
): Column<string, R> {
  const required = options.required ?? true;
  const maxLength = options.maxLength ?? TEXT_MAX_LENGTH;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    checkText(value, ctx, options.multiline ?? false, maxLength);
    return value;
  });
  return register(schema, { type: 'string', required, description, maxLength });
}

/** An identifier or code: must match `pattern` exactly, no surrounding spaces. */
export function key<R extends boolean = true>(
  description: string,
  pattern: RegExp,
  options: ColumnOptions<R> & { example?: string } = {},
): Column<string, R> {
  const required = options.required ?? true;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (value.normalize('NFC') !== value) {
      addCellIssue(
        ctx,
        value,
        'not-nfc',
        'The identifier is not in Unicode NFC form.',
        'Re-type the identifier with composed characters (NFC).',
      );
      return null;
    }
    if (!pattern.test(value)) {
      const example = options.example ? ` such as ${options.example}` : '';
      addCellIssue(
        ctx,
        value,
        'pattern-error',
        `The value does not have the form of this column${example}.`,
        `Write it in the form ${pattern.source}${example}.`,
      );
      return null;
    }
    return value;
  });
  return register(schema, { type: 'string', required, description, pattern: pattern.source });
}

/** One of a fixed list of values. */
export function oneOf<const T extends readonly [string, ...string[]], R extends boolean = true>(
  values: T,
  description: string,
  options: ColumnOptions<R> = {},
): Column<T[number], R> {
  const required = options.required ?? true;
  const allowed = new Set<string>(values);
  const schema = z.string().transform((value, ctx): T[number] | null => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (!allowed.has(value)) {
      addCellIssue(ctx, value, 'not-allowed-value', `"${value}" is not one of the allowed values.`, `Use one of: ${values.join(', ')}.`);
      return null;
    }
    return value;
  });
  return register(schema, { type: 'string', required, description, enum: values });
}

const STRICT_NUMBER = /^-?\d+(\.\d+)?$/;

/** A number written with a decimal point and no grouping, unit or sign other than a leading minus. */
export function number<R extends boolean = true>(
  description: string,
  options: ColumnOptions<R> & { integer?: boolean } = {},
): Column<number, R> {
  const required = options.required ?? true;
  const integer = options.integer ?? false;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (/^-?\d+,\d+$/.test(value)) {
      addCellIssue(
        ctx,
        value,
        'decimal-comma',
        'The number uses a decimal comma (Vietnamese style).',
        `Write a decimal point: ${value.replace(',', '.')}.`,
      );
      return null;
    }
    if (value.includes('%')) {
      addCellIssue(
        ctx,
        value,
        'percent-sign',
        'The number carries a percent sign.',
        `Write the number alone (${value.replace(/\s*%\s*/g, '')}); the unit belongs to the indicator.`,
      );
      return null;
    }
    if (!STRICT_NUMBER.test(value) || (integer && value.includes('.'))) {
      addCellIssue(
        ctx,
        value,
        'type-error',
        `"${value}" is not ${integer ? 'a whole number' : 'a number'}.`,
        integer
          ? 'Write digits only, e.g. 34.'
          : 'Write digits with an optional decimal point, e.g. 0.8241; no spaces, units or thousands separators.',
      );
      return null;
    }
    const parsed = Number(value);
    if (addProblem(ctx, value, findOverflow(value, parsed))) return null;
    return parsed;
  });
  return register(schema, { type: integer ? 'integer' : 'number', required, description });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDateCheck = z.iso.date();

/** A calendar date written YYYY-MM-DD; kept as that string (no time zone ever enters). */
export function date<R extends boolean = true>(description: string, options: ColumnOptions<R> = {}): Column<string, R> {
  const required = options.required ?? true;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value)) {
      const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
      const suggestion = m ? ` (${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')} if the day comes first)` : '';
      addCellIssue(ctx, value, 'date-format', 'The date is written day/month/year.', `Write dates as YYYY-MM-DD${suggestion}.`);
      return null;
    }
    if (/^\d{5}(\.\d+)?$/.test(value)) {
      addCellIssue(
        ctx,
        value,
        'excel-serial-date',
        'The date is a spreadsheet serial number, not a date.',
        'Format the column as text in the spreadsheet and write the date as YYYY-MM-DD.',
      );
      return null;
    }
    if (!ISO_DATE.test(value)) {
      addCellIssue(
        ctx,
        value,
        'date-format',
        `"${value}" is not a date in the form YYYY-MM-DD.`,
        'Write dates as YYYY-MM-DD, e.g. 2025-10-13.',
      );
      return null;
    }
    if (!isoDateCheck.safeParse(value).success) {
      addCellIssue(ctx, value, 'invalid-date', `${value} does not exist in the calendar.`, 'Check the day and month.');
      return null;
    }
    return value;
  });
  return register(schema, { type: 'date', required, description, format: 'YYYY-MM-DD' });
}

export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** A reporting period: a year (2024), a quarter (2025-Q3) or a month (2025-10). */
export function period(description: string): Column<string> {
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, true)) return null;
    if (!checkBare(value, ctx)) return null;
    if (!PERIOD_PATTERN.test(value)) {
      addCellIssue(
        ctx,
        value,
        'period-format',
        `"${value}" is not a period.`,
        'Write YYYY for a year, YYYY-Qn for a quarter (2025-Q3) or YYYY-MM for a month (2025-10).',
      );
      return null;
    }
    return value;
  });
  return register(schema, {
    type: 'string',
    required: true,
    description,
    pattern: PERIOD_PATTERN.source,
    format: 'YYYY | YYYY-Qn | YYYY-MM',
  });
}

/** True for the only URL schemes a page may link to. */
export function isSafeUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An absolute http(s) link. Anything else (javascript:, data:, relative) is refused. */
export function url<R extends boolean = true>(description: string, options: ColumnOptions<R> = {}): Column<string, R> {
  const required = options.required ?? true;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (!isSafeUrl(value)) {
      addCellIssue(
        ctx,
        value,
        'unsafe-url',
        'The link is not an absolute http(s) address.',
        'Write the full address starting with https:// (javascript:, data: and relative links are not allowed).',
      );
      return null;
    }
    if (addProblem(ctx, value, findUrlCredentials(value) ?? findHiddenCharacter(value))) return null;
    return value;
  });
  return register(schema, { type: 'string', required, description, format: 'uri' });
}

/** true or false. */
export function boolean<R extends boolean = true>(description: string, options: ColumnOptions<R> = {}): Column<boolean, R> {
  const required = options.required ?? true;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (value !== 'true' && value !== 'false') {
      addCellIssue(ctx, value, 'not-allowed-value', `"${value}" is not true or false.`, 'Write true or false in lower case.');
      return null;
    }
    return value === 'true';
  });
  return register(schema, { type: 'boolean', required, description, enum: ['true', 'false'] });
}

/**
 * A source: the id of a row in documents.csv, or an absolute http(s) URL.
 * Whether a document id exists is checked across tables.
 */
export function sourceRef<R extends boolean = true>(description: string, options: ColumnOptions<R> = {}): Column<string, R> {
  const required = options.required ?? true;
  const schema = z.string().transform((value, ctx) => {
    if (!emptyCheck(value, ctx, required)) return null;
    if (!checkBare(value, ctx)) return null;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !isSafeUrl(value)) {
      addCellIssue(
        ctx,
        value,
        'unsafe-url',
        'The source is a link that is not an absolute http(s) address.',
        'Give a document id from documents.csv or a full https:// address.',
      );
      return null;
    }
    if (addProblem(ctx, value, findUrlCredentials(value) ?? findHiddenCharacter(value))) return null;
    return value;
  });
  return register(schema, { type: 'string', required, description });
}
