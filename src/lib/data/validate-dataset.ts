/**
 * The whole check of a data directory: files and cells (read-dataset.ts), then rules across
 * tables (validate-relations.ts). Used by the CLI, the build and the tests alike.
 */
import { sortIssues, type Issue } from './issues.ts';
import { formatTextReport } from './format-report.ts';
import { readDataset, rowsBetween, type RawDataset, type ReadOptions } from './read-dataset.ts';
import { folderHash, hashBytes } from '../cache/index.ts';
import { crossKey, loadCrossIssues, loadPieceRules, pieceRulesKey, prunePieceRules, saveCrossIssues, savePieceRules } from './store.ts';
import { observationChecker, observationContext, validateRelations, type ObservationChecks } from './validate-relations.ts';
import { figureChecker, validateFigures } from './validate-figures.ts';
import { validateMerges } from './validate-merges.ts';
import { validateReleases } from './validate-releases.ts';
import { validateTasks } from './validate-tasks.ts';

export interface ValidatedDataset extends RawDataset {
  /** Every problem found, in a stable order (file, row, column, code). */
  issues: Issue[];
  valid: boolean;
}

/**
 * With `cacheDir`, through the validated store (store.ts): a table file whose bytes and code are
 * unchanged is not read again, and the rules across tables, which depend on every file of the
 * directory, are not run again while none of them changed; when one did, the rules of each
 * observation row are run again only on the pieces of observations.csv that changed, or on all of
 * them when what they read of the other tables changed (observationChecksByPiece). The result is the
 * same with or without.
 */
export function validateDataset(dir: string, options: ReadOptions = {}): ValidatedDataset {
  const cacheDir = options.cacheDir ?? null;
  const raw = readDataset(dir, { cacheDir, pieceBytes: options.pieceBytes });
  const key = cacheDir === null ? null : crossKey(folderHash(dir));
  let across = cacheDir !== null && key !== null ? loadCrossIssues(cacheDir, key) : null;
  if (across === null) {
    const observed = cacheDir === null ? null : observationChecksByPiece(raw, cacheDir);
    // Published releases are part of the data tree: any byte changed in one is an error.
    across = [
      ...validateRelations(raw, observed?.relations),
      ...validateMerges(raw),
      ...validateFigures(raw, observed?.figures),
      ...validateTasks(raw),
      ...validateReleases(dir),
    ];
    if (cacheDir !== null && key !== null) saveCrossIssues(cacheDir, key, across);
  }
  const issues = sortIssues([...raw.issues, ...across]);
  return { ...raw, issues, valid: !issues.some((i) => i.severity === 'error') };
}

/** What the rules of each observation row found in one piece, its rows counted from the piece's first line (0) and its first row (0). */
interface PieceChecks {
  relations: ObservationChecks;
  figures: Issue[];
}

/**
 * The rules of each observation row (validate-relations.ts' observationChecker, validate-figures.ts'
 * figureChecker) over observations.csv read in pieces, piece by piece: a piece's result is stored
 * under its piece's key (its bytes, the header, the code) and the hash of the context they read (the
 * other tables' keys and rows they look at, the as-of date), so that a changed cell runs them on one
 * piece. Each row's issues depend only on the row and the context, so the pieces' results one after
 * the other are those of the whole table. Null when the table was not read in pieces.
 */
function observationChecksByPiece(raw: RawDataset, cacheDir: string): { relations: ObservationChecks; figures: Issue[] } | null {
  const spans = raw.pieces.observations;
  if (spans === undefined) return null;
  const lines = raw.lines.observations;
  if (spans.reduce((n, s) => n + s.rows, 0) !== lines.length) return null;
  const context = observationContext(raw);
  // As JSON, not v8.serialize: a number decoded from the store's Float64Array and the same number
  // just parsed are serialized apart (a double, a small integer), and the context would never match.
  const contextHash = hashBytes(JSON.stringify(context));
  let checkRows: ReturnType<typeof observationChecker> | null = null;
  let checkFigures: ReturnType<typeof figureChecker> | null = null;
  const relations: ObservationChecks = { issues: [], percent: new Map() };
  const figures: Issue[] = [];
  const keep = new Set<string>();
  let offset = 0;
  for (const span of spans) {
    const key = pieceRulesKey('observations', span.key, contextHash);
    if (key === null) return null;
    keep.add(key);
    let part = loadPieceRules<PieceChecks>(cacheDir, 'observations', key);
    if (part === null) {
      const rows = rowsBetween(raw, 'observations', offset, offset + span.rows);
      const relative = lines.slice(offset, offset + span.rows).map((l) => l - span.line);
      checkRows ??= observationChecker(context);
      checkFigures ??= figureChecker(context);
      part = { relations: checkRows(rows, relative), figures: checkFigures(rows, relative) };
      savePieceRules(cacheDir, 'observations', key, part);
    }
    const rebase = (i: Issue): Issue => ({ ...i, row: i.row === null ? null : i.row + span.line });
    for (const i of part.relations.issues) relations.issues.push(rebase(i));
    for (const i of part.figures) figures.push(rebase(i));
    for (const [id, seen] of part.relations.percent) {
      const before = relations.percent.get(id);
      if (before === undefined) relations.percent.set(id, { first: seen.first + offset, above: seen.above });
      else before.above ||= seen.above;
    }
    offset += span.rows;
  }
  prunePieceRules(cacheDir, 'observations', keep);
  return { relations, figures };
}

/** For the site build: the validated dataset, or an Error whose message is the validator's text report. */
export function loadValidDataset(dir: string, options: ReadOptions = {}): ValidatedDataset {
  const data = validateDataset(dir, options);
  if (!data.valid) throw new Error(`The data in ${dir} is not valid:\n\n${formatTextReport(data.issues)}`);
  return data;
}
