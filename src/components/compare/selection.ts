/**
 * The comparison's choice in the page address, so it can be shared and survives a reload:
 * `?p=01,79,48` (current provinces) or `?level=former&p=02,03` (former provinces). Codes are kept in
 * the order chosen; unknown codes and repeats are dropped, and at most `max` are kept. Pure.
 */
export type SelectionLevel = 'province' | 'former_province';

export interface Selection {
  level: SelectionLevel;
  codes: string[];
}

const LEVEL_PARAM: Record<SelectionLevel, string | null> = { province: null, former_province: 'former' };

/** The choice a query string holds, against the codes that exist at each level. */
export function parseSelection(search: string, known: (level: SelectionLevel) => ReadonlySet<string>, max: number): Selection {
  const params = new URLSearchParams(search);
  const level: SelectionLevel = params.get('level') === 'former' ? 'former_province' : 'province';
  const valid = known(level);
  const codes: string[] = [];
  for (const code of (params.get('p') ?? '').split(',').map((c) => c.trim())) {
    if (codes.length < max && valid.has(code) && !codes.includes(code)) codes.push(code);
  }
  return { level, codes };
}

/** The query string of a choice ("" for none): codes are digits, written as they are, commas unescaped. */
export function selectionSearch({ level, codes }: Selection): string {
  const parts: string[] = [];
  const levelParam = LEVEL_PARAM[level];
  if (levelParam !== null) parts.push(`level=${levelParam}`);
  if (codes.length > 0) parts.push(`p=${codes.map(encodeURIComponent).join(',')}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The choice after a reader ticks or clears `code`: added at the end (refused beyond `max`), or removed. */
export function toggleCode(selection: Selection, code: string, max: number): Selection {
  if (selection.codes.includes(code)) return { ...selection, codes: selection.codes.filter((c) => c !== code) };
  if (selection.codes.length >= max) return selection;
  return { ...selection, codes: [...selection.codes, code] };
}
