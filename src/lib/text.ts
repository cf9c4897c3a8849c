/**
 * Vietnamese text helpers shared by search, URLs and sorting.
 */

/**
 * Folds Vietnamese to plain ASCII-like letters for matching text typed without diacritics:
 * tone and vowel marks are dropped (NFD + remove combining marks) and đ/Đ, which Unicode does not
 * decompose, become d/D. "Đắk Lắk" → "Dak Lak".
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

const slugs = new Map<string, string>();

/** A URL-safe slug: "118/2025/NĐ-CP" → "118-2025-nd-cp". Remembered: pages ask for the same few ids many times. */
export function slugify(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = slugOf(text);
    if (slugs.size < 100_000) slugs.set(text, slug);
  }
  return slug;
}

/**
 * slugify without remembering: for a text slugged once per row (an observation's key, which its caller
 * remembers per row), so that rows do not fill slugify's memory and leave the ids out of it.
 */
export function slugOf(text: string): string {
  // ASCII has no diacritics to fold (most keys are ASCII: ids, codes, periods).
  return (/^[\x00-\x7f]*$/.test(text) ? text : foldDiacritics(text))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sorts Vietnamese names in dictionary order (Ă after A, Đ after D). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * A copy of `text` that does not keep the string it was cut from alive. V8 represents a substring
 * of 13 or more characters as a slice of its parent: a cell papaparse cut from a 133 MB file would
 * hold the whole file in memory for as long as the cell's value is kept. (The concatenation is
 * flattened into a new string of the cell's length; the slice is then of that.)
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}
