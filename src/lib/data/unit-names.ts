/**
 * Vietnamese unit names compared as officials write them: two spellings are the same name when they
 * differ only in where a syllable's tone mark sits ("Hoà" / "Hòa", "Thuỷ" / "Thủy": the old and the
 * new placement rules both appear in official lists). Every other difference (letters, tones, case)
 * makes a different name. Pure.
 */

// The five tone marks of Vietnamese as combining characters (NFD): grave, acute, tilde, hook above, dot below.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A name with each syllable's tone taken off its letter and written after the syllable. */
export function tonePlacementKey(name: string): string {
  return name
    .normalize('NFD')
    .split(' ')
    .map((syllable) => {
      const tones = syllable.match(TONE)?.join('') ?? '';
      return `${syllable.replace(TONE, '').normalize('NFC')}${tones ? `\u0000${tones}` : ''}`;
    })
    .join(' ');
}

export function isSameUnitName(a: string, b: string): boolean {
  return a === b || tonePlacementKey(a) === tonePlacementKey(b);
}
