/**
 * Checks of hostile or broken text that the column builders (cells.ts) call one line each: characters
 * that hide or reorder text, credentials in links, formulas behind spaces, numbers that overflow.
 * Each returns the problem (a code of the validator's catalogue, a message, a hint) or null. Pure; imports nothing.
 */
export interface TextProblem {
  code: 'bidi-control' | 'invisible-character' | 'url-credentials' | 'formula-injection' | 'text-too-long' | 'number-overflow';
  message: string;
  hint: string;
}

// Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder how a
// line is shown, so a cell can read differently from what it holds ("Trojan Source", CVE-2021-42574).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// Zero-width space, non-joiner, joiner, LRM, RLM (U+200B–U+200F), word joiner and invisible operators
// (U+2060–U+2064), and U+FEFF inside text: nothing shows, yet two equal-looking names differ.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first bidirectional control or invisible format character of `value`, as a problem. */
export function findHiddenCharacter(value: string): TextProblem | null {
  const bidi = BIDI.exec(value);
  if (bidi) {
    return {
      code: 'bidi-control',
      message: `The text contains the bidirectional control ${codePoint(bidi[0])} at character ${bidi.index + 1}: it changes the order in which the text is shown.`,
      hint: 'Delete it. To see it: in VS Code turn on "Render Control Characters", or search with the regular expression [\\u202A-\\u202E\\u2066-\\u2069].',
    };
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    return {
      code: 'invisible-character',
      message: `The text contains the invisible character ${codePoint(invisible[0])} at character ${invisible.index + 1}.`,
      hint: 'Delete it. To see it: in VS Code turn on "Render Control Characters", or search with the regular expression [\\u200B-\\u200F\\u2060-\\u2064\\uFEFF].',
    };
  }
  return null;
}

/** A user name or password in an absolute link (`https://user:pass@host/`). */
export function findUrlCredentials(value: string): TextProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username === '' && url.password === '') return null;
  return {
    code: 'url-credentials',
    message: 'The link carries a user name or password (user:password@ before the host).',
    hint: 'Remove the part before @: a published link never carries credentials.',
  };
}

// OWASP CSV injection: a formula start (= + - @) after leading spaces or tabs still runs in some spreadsheets.
const FORMULA_AFTER_SPACE = /^[ \t\r\n]+[=+\-@]/;

/** A formula start hidden behind leading whitespace (a formula at the very start is cells.ts's own check). */
export function findFormulaAfterSpace(value: string): TextProblem | null {
  if (!FORMULA_AFTER_SPACE.test(value)) return null;
  return {
    code: 'formula-injection',
    message: 'The text starts, after spaces or a tab, with =, +, -, or @, which spreadsheets run as a formula.',
    hint: 'Delete the leading spaces and reword the text so it does not start with one of these characters.',
  };
}

/** Text longer than `max` characters (UTF-16 code units: every Vietnamese letter is one). */
export function findTooLong(value: string, max: number): TextProblem | null {
  if (value.length <= max) return null;
  return {
    code: 'text-too-long',
    message: `The text has ${value.length.toLocaleString('en')} characters; this column allows at most ${max.toLocaleString('en')}.`,
    hint: 'Shorten it (a very long cell is usually a paste of a whole document); the limit of each column is in the data dictionary (data/README.md).',
  };
}

/** A number written in digits that is too large for a double (Number() gives Infinity). */
export function findOverflow(value: string, parsed: number): TextProblem | null {
  if (Number.isFinite(parsed)) return null;
  return {
    code: 'number-overflow',
    message: `The number has ${value.replace(/\D/g, '').length} digits: it is too large to be represented (it would be read as infinity).`,
    hint: 'Check the cell against the source: a figure this long is a paste or export error.',
  };
}
