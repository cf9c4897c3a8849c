/**
 * Area names as sources print them → codes, through the one reviewed table data/area_aliases.csv.
 * Pure: the caller reads the file. A name is matched exactly (after NFC), at one level; a name
 * without a row is an error, never a guess (no folding of case, diacritics or punctuation).
 */
import { AreaAliasRowSchema, type AreaAliasRow } from '../../schemas/area-aliases.ts';

export type AliasLevel = NonNullable<AreaAliasRow['level']>;

export interface AliasProblem {
  /** 1-based line of data/area_aliases.csv (header = 1), or null for a look-up. */
  line: number | null;
  code: 'alias-invalid-row' | 'alias-duplicate' | 'alias-unknown-code' | 'unknown-area-name';
  message: string;
}

export interface AliasIndex {
  byKey: Map<string, AreaAliasRow>;
}

const keyOf = (name: string, level: string) => `${level}|${name.normalize('NFC')}`;

/** Parses the rows of the alias table; every invalid row, duplicate (name, level) and unknown code is reported. */
export function parseAliases(
  records: readonly Record<string, string>[],
  known: { province: ReadonlySet<string>; former_province: ReadonlySet<string> },
): { index: AliasIndex; problems: AliasProblem[] } {
  const byKey = new Map<string, AreaAliasRow>();
  const problems: AliasProblem[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    const parsed = AreaAliasRowSchema.safeParse(record);
    if (!parsed.success) {
      problems.push({
        line,
        code: 'alias-invalid-row',
        message: `Row ${JSON.stringify(record)}: ${parsed.error.issues.map((x) => x.message).join('; ')}`,
      });
      return;
    }
    const row = parsed.data;
    const k = keyOf(row.name, row.level);
    if (byKey.has(k)) {
      problems.push({ line, code: 'alias-duplicate', message: `"${row.name}" at level ${row.level} is listed twice.` });
      return;
    }
    const exists = row.level === 'national' ? row.code === 'VN' : known[row.level].has(row.code);
    if (!exists) {
      problems.push({ line, code: 'alias-unknown-code', message: `"${row.name}" → ${row.code}: no such ${row.level} code.` });
      return;
    }
    byKey.set(k, row);
  });
  return { index: { byKey }, problems };
}

/** The code a printed name means at a level, or a problem: an unknown name is never guessed. */
export function resolveArea(index: AliasIndex, name: string, level: AliasLevel): { code: string } | { problem: AliasProblem } {
  const row = index.byKey.get(keyOf(name, level));
  if (row) return { code: row.code };
  return {
    problem: {
      line: null,
      code: 'unknown-area-name',
      message: `"${name}" (${level}) is not in data/area_aliases.csv; add a reviewed row for it (name as printed, level, code, note).`,
    },
  };
}
