/**
 * The former-commune mapping against the province mapping: a former commune of a former province
 * normally lies in a commune of that province's successor. A pair that crosses provinces is not
 * impossible (a resolution may move a commune), but in the assisted mapping it is more likely an
 * error, so it is a warning to be checked against the resolution, not an error. Pure.
 */
import type { Tables } from '../../schemas/index.ts';
import { issue, type Issue } from './issues.ts';

export function validateMerges(data: {
  tables: Pick<Tables, 'commune_merges' | 'communes' | 'former_provinces'>;
  lines: { commune_merges: number[] };
}): Issue[] {
  const { tables, lines } = data;
  const successor = new Map(tables.former_provinces.map((f) => [f.code, f.successor_code]));
  const provinceOf = new Map(tables.communes.map((c) => [c.code, c.province_code]));
  const issues: Issue[] = [];
  tables.commune_merges.forEach((m, i) => {
    const to = m.commune_code === null ? undefined : provinceOf.get(m.commune_code);
    const from = m.former_province_code === null ? undefined : successor.get(m.former_province_code);
    if (to === undefined || from === undefined || to === from) return;
    issues.push(
      issue({
        severity: 'warning',
        code: 'merge-crosses-provinces',
        file: 'commune_merges.csv',
        row: lines.commune_merges[i] ?? null,
        column: 'former_province_code',
        value: m.former_province_code,
        message: `Former commune ${m.former_code} (former province ${m.former_province_code}, now part of ${from}) is mapped to commune ${m.commune_code} of province ${to}.`,
        hint: m.note
          ? 'The note already flags the pair as doubtful; check it against the Standing Committee resolution and correct or confirm it.'
          : 'Check the pair against the Standing Committee resolution; if it stays, say in the note why it is doubtful or confirmed.',
      }),
    );
  });
  return issues;
}
