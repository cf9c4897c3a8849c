/**
 * The catalogue of the validator's codes: every code any check can report, with its title (what it
 * means), a hint (how to fix it), an example where one helps, and its severity. docs/validation-codes.md
 * is generated from it (npm run docs:codes) and a test fails when the two disagree.
 *
 * Codes are permanent once published (maintainers search for them): add codes, never rename or
 * reuse one. The messages and hints of each report name the row's own values; these are the general ones.
 */
import type { Severity } from './issues.ts';

export type CodeGroup = 'file' | 'cell' | 'table' | 'task' | 'release';

export interface CodeInfo {
  group: CodeGroup;
  severity: Severity;
  /** What the code means, in a line. */
  title: string;
  /** How to fix it, in a line. */
  hint: string;
  /** A value that gets this code, as written in the file (Markdown). */
  example?: string;
  /** Set when no check reports the code any more: why (a retired code is never reused). */
  retired?: string;
}

const error = (group: CodeGroup, title: string, hint: string, example?: string): CodeInfo => ({
  group,
  severity: 'error',
  title,
  hint,
  ...(example ? { example } : {}),
});
const warning = (group: CodeGroup, title: string, hint: string, example?: string): CodeInfo => ({
  ...error(group, title, hint, example),
  severity: 'warning',
});
const retired = (info: CodeInfo, why: string): CodeInfo => ({ ...info, retired: why });

export const CODES = {
  // --- the file ---------------------------------------------------------------------------------------
  'missing-file': error('file', 'a table of the dataset (or `dataset.json`) is missing', 'create it with the header row of data/README.md'),
  'empty-file': error('file', 'the file has no content at all', 'write at least the header row'),
  'encoding-error': error(
    'file',
    'the bytes are not UTF-8 (Windows-1258, TCVN3, UTF-16, or a spreadsheet saved as .csv); the line of the first bad byte is given',
    'save as "CSV UTF-8"',
  ),
  bom: error('file', 'the file starts with a byte-order mark', 'save as UTF-8 without BOM'),
  'wrong-delimiter': error('file', 'the header is separated by `;` or tabs', 'export comma-separated CSV'),
  'mixed-line-endings': error(
    'file',
    "CRLF and LF lines mixed (the line given is the first whose ending differs from line 1's), or a bare CR",
    'save with one kind of line ending',
  ),
  'csv-syntax': error(
    'file',
    'a quote is not closed, or the CSV cannot be read',
    'wrap cells with commas, quotes or line breaks in `"…"`, double inner quotes',
  ),
  'stray-quote': error(
    'file',
    'a `"` inside a cell that is not quoted (`Nghị quyết "57"`) — accepted silently by many parsers, so checked here',
    'write `"Nghị quyết ""57"""`',
  ),
  'blank-header': error('file', 'a column without a name', 'delete the empty column'),
  'duplicate-header': error('file', 'the same column twice', 'delete or rename one'),
  'missing-header': error('file', 'a column of the table is missing', 'add it (empty cells are allowed in optional columns)'),
  'unknown-header': error(
    'file',
    'a column that is not part of the table (often a typo or a `;`-separated file)',
    'rename or remove it; new columns are added to the schema first',
  ),
  'blank-row': error('file', 'an empty line, or a line of only commas', 'delete it'),
  'extra-cell': error(
    'file',
    'a row has more cells than the header (often an unquoted comma, or a decimal comma)',
    'quote the cell, or write decimals with a point',
  ),
  'missing-cell': error(
    'file',
    'a row has fewer cells than the header',
    'add the missing cells (an empty cell is nothing between two commas)',
  ),
  'empty-table': error(
    'file',
    'a table that must hold rows (provinces, former provinces, communes, documents, indicators, observations) has only its header',
    'restore the rows (git shows what was there); the table cannot be published empty',
  ),
  'json-syntax': error('file', '`dataset.json` cannot be read as JSON', 'fix the JSON syntax as the message says'),
  'metadata-error': error(
    'file',
    '`dataset.json` lacks a field, or names an unknown table or source',
    'see the description of dataset.json in data/README.md',
  ),

  // --- a cell -----------------------------------------------------------------------------------------
  'missing-value': error('cell', 'a required cell is empty', 'fill it in', '`name_vi` empty'),
  'type-error': error('cell', 'not a number', 'digits and a decimal point only', '`12 %`, `1.234,5`, `0x10`'),
  'decimal-comma': error('cell', 'a Vietnamese decimal comma', '`12.5`', '`12,5`'),
  'percent-sign': error('cell', 'a percent sign in a number', '`50` (the unit belongs to the indicator)', '`50%`'),
  'number-overflow': error(
    'cell',
    'a number too large to be represented (it would be read as Infinity), in any numeric column',
    'check the cell: a figure of hundreds of digits is a paste or export error',
    'a 400-digit value',
  ),
  'date-format': error('cell', 'not `YYYY-MM-DD` (day/month/year, text)', '`2025-10-13`', '`13/10/2025`'),
  'excel-serial-date': error('cell', 'a spreadsheet date serial number', 'format the column as text, write `YYYY-MM-DD`', '`45943`'),
  'invalid-date': error('cell', 'a date that does not exist', 'check day and month', '`2025-02-30`'),
  'period-format': error('cell', 'not `YYYY`, `YYYY-Qn` or `YYYY-MM`', '`2024-Q4`', '`Q4/2024`'),
  'not-allowed-value': error('cell', "a value outside the column's list", 'one of the listed values', 'status `ongoing`'),
  'pattern-error': error('cell', 'a code or id of the wrong form', '`96`', 'province `096`'),
  'surrounding-whitespace': error('cell', 'spaces before or after a value (also a stray CR)', 'delete them', '` 96`'),
  'not-nfc': error('cell', 'text not in Unicode NFC (letters and tone marks stored apart)', 're-save as NFC'),
  'formula-injection': error(
    'cell',
    'text starting with `=`, `+`, `-`, `@`, tab, also after spaces or tabs: a spreadsheet would run it',
    'reword',
    '`=HYPERLINK(…)`, `- item`, `\\t=1+1`',
  ),
  'html-in-text': error('cell', 'HTML tags or entities in text', 'plain text only', '`<b>`, `&amp;`'),
  'control-character': error('cell', 'invisible characters or a line break inside a cell', 'one line of plain text'),
  'bidi-control': error(
    'cell',
    'a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069): it reorders how the text is shown',
    'delete it; in VS Code turn on "Render Control Characters" or search with the regular expression `[\\u202A-\\u202E\\u2066-\\u2069]`',
    'U+202E in a title',
  ),
  'invisible-character': error(
    'cell',
    'a zero-width or other invisible format character (U+200B–U+200F, U+2060–U+2064, U+FEFF)',
    'delete it; in VS Code turn on "Render Control Characters" or search with the regular expression `[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]`',
    'a zero-width space inside a name',
  ),
  'text-too-long': error(
    'cell',
    'text longer than its column allows (the limit of each column is in the data dictionary)',
    'shorten it; a very long cell is usually a paste of a whole document',
  ),
  'unsafe-url': error('cell', 'a link that is not absolute http(s)', '`https://…`', '`javascript:…`, `www.x.vn`'),
  'url-credentials': error(
    'cell',
    'a link that carries a user name or password',
    'remove the `user:password@` part; published links never carry credentials',
    '`https://user:pass@example.org/`',
  ),

  // --- across rows and tables -------------------------------------------------------------------------------
  'duplicate-key': error('table', 'two rows with the same key (the message names the first line)', 'merge or correct'),
  'unknown-reference': error(
    'table',
    'a reference to a row that does not exist (document, indicator, province, …)',
    'add that row first, or correct the id',
  ),
  'unknown-area': error(
    'table',
    'an area code that does not exist at its `area_level`',
    'use a code of provinces.csv, former_provinces.csv or communes.csv',
  ),
  'former-code-as-current': error(
    'table',
    "a former province's code where a current province is required; the message names the successor",
    "use `area_level = former_province` for pre-merger data, or the successor's code",
  ),
  'area-mismatch': error('table', 'a national row whose area is not `VN` (observations) or not empty (tasks)', 'as the hint says'),
  'unknown-source': error('table', '`source_id` is neither a documents.csv id nor an http(s) link', 'add the document, or give the URL'),
  'completed-without-done': error(
    'table',
    '`completed_on` set on a progress report that does not say done',
    'empty it, or check the status word of the report',
  ),
  'done-without-date': retired(
    warning('table', 'status `done` without `completed_on`', 'add the date if the source gives it'),
    'tasks.csv has no status or completion date since 1.1.0; a report states its completion date only when it gives one',
  ),
  'completed-before-assigned': retired(
    error('table', 'completion before assignment', 'check both dates'),
    'tasks.csv has no completion date since 1.1.0; a report older than its task is `report-before-assigned`',
  ),
  'deadline-before-assigned': retired(
    error('table', 'deadline before assignment', 'check both dates'),
    'tasks.csv has no deadline since 1.1.0; 71/NQ-CP (issued 1 April 2025) really assigns tasks due in March 2025',
  ),
  'completed-before-issued': warning(
    'table',
    "a report's completion date before the issue date of the task's assigning document, or of the task it revises (checked also when `assigned_on` is empty)",
    'check both dates against the sources; a document can list a task already done (71/NQ-CP lists 66/NQ-CP of 26 March 2025): then the note says so',
  ),
  'deadline-before-issued': retired(
    error(
      'table',
      "a task's deadline before the issue date of its assigning document (checked also when `assigned_on` is empty)",
      'check both dates against the sources',
    ),
    'tasks.csv has no deadline since 1.1.0, and 71/NQ-CP (issued 1 April 2025) really assigns tasks due in March 2025',
  ),
  'date-after-as-of': error('table', "a date after the dataset's as-of date", 'correct it, or move `as_of` forward'),
  'invalid-range': error('table', "an indicator's `min` is above its `max`", 'swap or correct'),
  'value-out-of-range': error('table', "a value outside the indicator's min–max (e.g. 0.5 written for 50%)", 'check the value and unit'),
  'not-whole-number': error(
    'table',
    'a fraction in an indicator counted in whole units (`unit` count or rank)',
    'check the value against the source',
  ),
  'percent-as-fraction': warning(
    'table',
    'every value of a percent indicator lies in 0–1: fractions instead of percent?',
    'percentages are written 0–100 (50 for 50%); if the values really are below 1%, leave them',
  ),
  'period-mismatch': error(
    'table',
    "the period form does not match the indicator's `period_type`",
    'e.g. `2024-Q4` for a quarterly indicator',
  ),
  'target-value-mismatch': error(
    'table',
    'comparator and values disagree (`between` needs two values, `qualitative` none)',
    'as the hint says',
  ),
  'unit-change-mismatch': error('table', 'the latest dated type change of a unit disagrees with its current type', 'make them agree'),
  'rank-without-scope': error(
    'table',
    'a rank (an indicator with unit `rank`) without `rank_of`',
    "write how many units were ranked: 34, 63, or the source's number",
  ),
  'rank-of-on-score': error(
    'table',
    '`rank_of` on an indicator that is not a rank',
    'put the rank under the rank indicator (`pci-rank`), empty `rank_of` on the score',
  ),
  'rank-beyond-scope': error('table', 'a rank below 1 or above its `rank_of`', 'check both against the source'),
  'as-of-after-published': warning('table', 'a snapshot date (`as_of`) after the date its source published the value', 'check both dates'),
  'document-area-incomplete': error(
    'table',
    'a document with `area_level` but no `area_code`, or the reverse',
    "fill both (a province's own document) or neither",
  ),
  'merge-crosses-provinces': warning(
    'table',
    'a former commune mapped to a commune of a province its former province did not become part of',
    'check it against the Standing Committee resolution; keep the pair with a `note` saying it is doubtful, or correct it',
  ),
  'unit-name-mismatch': error(
    'table',
    "a current province's `name_vi` or `full_name_vi` differs from its official name in data/reference/provinces.csv (e.g. its former name); the placement of a tone mark (Hoà/Hòa) is tolerated",
    'write the official name the message gives',
  ),
  'duplicate-slug': error('table', 'two document ids give the same web address (`57-NQ/TW` and `57-nq-tw`)', 'make the ids differ'),
  'table-dimensions': warning('table', 'not 34 provinces or not 63 former provinces', 'check for missing rows'),

  // --- published releases ------------------------------------------------------------------------------------
  'release-index-error': error(
    'release',
    '`data/releases/index.json` cannot be read or does not have the expected form',
    'restore it from git; releases are written only by `npm run release`',
  ),
  'duplicate-release': error(
    'release',
    '`data/releases/index.json` lists a version twice',
    'restore the index from git; each version is released once',
  ),
  'release-file-missing': error(
    'release',
    'a file (or `release.json`) of a published release is missing or unreadable',
    'restore it from git: a published file is never removed',
  ),
  'release-modified': error(
    'release',
    'a file of a published release differs from its recorded checksum',
    'restore it from git and put the correction in data/, then cut a new release',
  ),
  'published-rows-lost': error(
    'release',
    'a table has fewer rows than in the latest release, and the removals are not declared in `removals.csv`',
    'restore the rows, or declare each removed key with its reason in data/removals.csv (data/README.md)',
  ),
  'published-key-missing': error(
    'release',
    'a row of the latest release is gone (its key is not in the table any more) and its removal is not declared',
    'restore the row (a correction changes a value, it never removes the row), or declare the removal in data/removals.csv',
  ),
  'removals-error': error(
    'release',
    'a row of `data/removals.csv` cannot be used (unknown table, empty reason, key not in the latest release, wrong header)',
    'see "Removing published rows" in data/README.md',
  ),
  // --- data/corrections.csv (release/corrections.ts; docs/feeds.md) ---------------------------------------------
  'corrections-error': error(
    'release',
    'a row of `data/corrections.csv` cannot be used (wrong header, empty reason, duplicate line, or no such changed cell or removed row in that release)',
    'give each line the release, table, key and column of a value the changelog shows as changed (data/README.md, "Reasons for corrections")',
  ),
  'release-unchanged': error(
    'release',
    '`npm run release` refuses a release whose files are byte for byte those of the latest release',
    'change the data first; a release without changes is not cut',
  ),
  // --- tasks, progress reports and agencies (validate-tasks.ts; status rules: docs/status-rules.md) ------------
  'unknown-agency': error(
    'task',
    'an id of `owner_ids` is not in agencies.csv',
    'add the body (name as written) to agencies.csv, or correct the id',
  ),
  'due-period-mismatch': error(
    'task',
    '`due_period` / `recurrence` disagree with the completion time as written (`6/2025` is `2025-06`, `Thường xuyên` is `ongoing`)',
    'write the normalized form the message gives, or correct `due_text`',
  ),
  'due-text-unrecognized': warning(
    'task',
    'the completion time is worded in a way the validator cannot read, so the normalized form was not checked',
    'check it by hand; the note says how it was read',
  ),
  'revises-itself': error('task', 'a task names itself in `revises`', 'give the earlier task, or empty the cell'),
  'unknown-status-word': error(
    'task',
    'the status word of a report is not in the vocabulary (`Hoàn thành`, `Đang thực hiện`, `Quá hạn`, …)',
    "copy the report's word; a new word is added to `STATUS_WORDS` (src/schemas/progress-reports.ts) with its meaning first",
  ),
  'status-word-mismatch': error(
    'task',
    'the normalized `status` does not follow the word (an upgrade or a downgrade)',
    'write the value the word stands for',
  ),
  'done-without-evidence': error(
    'task',
    'a report says done but gives neither the result in words nor the document that did it',
    'copy the result or the document number; without either the row cannot say done',
  ),
  'describes-after-reported': error('task', 'a report describes a date after its own date', 'check both dates'),
  'report-before-assigned': error('task', 'a report is older than the task it is about', 'check the task id and the dates'),
  'report-out-of-order': error(
    'task',
    'a report of a task comes after a later report of the same task (the table is append-only, in the order reports were made)',
    'move the row',
  ),
  'agency-two-provinces': error('task', 'a body has both a current and a former province', 'keep one'),
  'succession-cycle': error(
    'task',
    'agency successions go round in a circle (a body succeeding itself, directly or through others)',
    'correct the successor or remove the row',
  ),
  'agency-report-undated': error(
    'task',
    'a reported count about an agency (agency_reports.csv) has neither the date it describes (`as_of`) nor the date of its source (`published_on`)',
    'give the date the source states; an undated count stays out of the data, with its reason, in scripts/import/curated/task-progress-pending.csv',
  ),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export function isCode(value: string): value is Code {
  return Object.hasOwn(CODES, value);
}
