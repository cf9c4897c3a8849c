/**
 * Vietnamese text helpers shared by search, URLs and sorting.
 */

/**
 * Folds Vietnamese to plain ASCII-like letters for matching text typed without diacritics:
 * tone and vowel marks are dropped (NFD + remove combining marks) and đ/Đ, which Unicode does not
 * decompose, become d/D. "Đắk Lắk" → "Dak Lak".
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** A URL-safe slug: "118/2025/NĐ-CP" → "118-2025-nd-cp". */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sorts Vietnamese names in dictionary order (Ă after A, Đ after D). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
