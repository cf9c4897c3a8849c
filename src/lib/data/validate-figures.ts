/**
 * Rules for the context of a figure that the row schemas cannot see: a rank says among how many
 * units it was given (rank_of) and stays within it; a snapshot date is not after the date its
 * source published it; a province's document names a province that exists at its level. Pure.
 */
import type { IndicatorRow, ObservationRow, Tables } from '../../schemas/index.ts';
import type { Code } from './codes.ts';
import { issue, rowReporter, type Issue } from './issues.ts';

type Data = {
  tables: Pick<Tables, 'observations' | 'indicators' | 'documents' | 'provinces' | 'former_provinces'>;
  lines: { observations: number[]; documents: number[] };
  meta: { as_of: string } | null;
};

/** What the rules of an observation row read besides the row (part of validate-relations.ts' ObservationContext). */
export interface FigureContext {
  indicators: readonly Pick<IndicatorRow, 'id' | 'unit'>[];
  asOf: string | null;
}

/**
 * The rules of each observation row (rank and its scope, snapshot dates), as a function of rows and
 * their file lines: the rows may be a part of the table (each row's issues depend on the row and the
 * context alone).
 */
export function figureChecker(ctx: FigureContext): (rows: readonly ObservationRow[], lines: readonly number[]) => Issue[] {
  const unitOf = new Map(ctx.indicators.map((i) => [i.id, i.unit]));
  const { asOf } = ctx;
  return (rows, lines) => {
    const issues: Issue[] = [];
    const obs = rowReporter(issues, 'observations.csv', lines);
    rows.forEach((o, i) => {
      const unit = o.indicator_id === null ? undefined : unitOf.get(o.indicator_id);
      if (unit === 'rank' && o.value !== null && o.rank_of === null) {
        obs(
          i,
          'rank_of',
          'rank-without-scope',
          null,
          `A rank of ${o.indicator_id} without the number of units ranked.`,
          'Write rank_of: 34 (current provinces), 63 (former provinces) or the number the source gives.',
        );
      }
      if (unit !== undefined && unit !== 'rank' && o.rank_of !== null) {
        obs(
          i,
          'rank_of',
          'rank-of-on-score',
          o.rank_of,
          `rank_of is set on ${o.indicator_id}, which is not a rank.`,
          'Record the rank under the rank indicator (e.g. pci-rank) and empty rank_of here.',
        );
      }
      if (unit === 'rank' && o.value !== null && o.rank_of !== null && (o.value < 1 || o.value > o.rank_of)) {
        obs(
          i,
          'value',
          'rank-beyond-scope',
          o.value,
          `Rank ${o.value} is outside 1–${o.rank_of}.`,
          'Check the rank and rank_of against the source.',
        );
      }
      if (o.as_of !== null && o.published_on !== null && o.as_of > o.published_on && !o.published_on.startsWith(o.as_of)) {
        obs(
          i,
          'as_of',
          'as-of-after-published',
          o.as_of,
          `The snapshot date ${o.as_of} is after the date the source published it (${o.published_on}).`,
          'Check both dates against the source.',
          'warning',
        );
      }
      if (asOf !== null && o.as_of !== null && o.as_of > asOf) {
        obs(
          i,
          'as_of',
          'date-after-as-of',
          o.as_of,
          `${o.as_of} is after the dataset's as-of date (${asOf}).`,
          'Correct the date, or move as_of in dataset.json forward.',
        );
      }
    });
    return issues;
  };
}

/** With `observations`, the issues of figureChecker over every observation row, already found (validate-dataset.ts). */
export function validateFigures(data: Data, observations?: readonly Issue[]): Issue[] {
  const { tables, lines, meta } = data;
  const issues: Issue[] = [
    ...(observations ??
      figureChecker({ indicators: tables.indicators, asOf: meta?.as_of ?? null })(tables.observations, lines.observations)),
  ];

  const codes = {
    province: new Set(tables.provinces.map((p) => p.code)),
    former_province: new Set(tables.former_provinces.map((p) => p.code)),
  };
  tables.documents.forEach((d, i) => {
    const doc = (column: string, code: Code, value: string | null, message: string, hint: string) =>
      issues.push(issue({ code, file: 'documents.csv', row: lines.documents[i] ?? null, column, value, message, hint }));
    if ((d.area_level === null) !== (d.area_code === null)) {
      doc(
        d.area_level === null ? 'area_level' : 'area_code',
        'document-area-incomplete',
        d.area_level ?? d.area_code,
        'area_level and area_code go together.',
        "Fill both (a province's own document) or neither (a national document or a press page).",
      );
    } else if (d.area_level !== null && d.area_code !== null && !codes[d.area_level].has(d.area_code)) {
      doc(
        'area_code',
        'unknown-area',
        d.area_code,
        `${d.area_code} is not a ${d.area_level} code.`,
        `Use a code of ${d.area_level === 'province' ? 'provinces.csv' : 'former_provinces.csv'}.`,
      );
    }
  });
  return issues;
}
