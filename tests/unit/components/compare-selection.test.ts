import { describe, expect, it } from 'vitest';
import { parseSelection, selectionSearch, toggleCode, type SelectionLevel } from '../../../src/components/compare/selection.ts';

const known = (level: SelectionLevel) => new Set(level === 'province' ? ['01', '48', '79', '22', '19', '31'] : ['01', '02', '49']);

describe('the comparison choice in the address', () => {
  it('reads ?p= as current provinces, in the order given', () => {
    expect(parseSelection('?p=01,79,48', known, 5)).toEqual({ level: 'province', codes: ['01', '79', '48'] });
  });

  it('reads level=former as former provinces, against their own codes', () => {
    expect(parseSelection('?level=former&p=02,49,48', known, 5)).toEqual({ level: 'former_province', codes: ['02', '49'] });
  });

  it('drops unknown codes and repeats, and keeps at most the maximum', () => {
    expect(parseSelection('?p=01,01,99,<script>,79', known, 5).codes).toEqual(['01', '79']);
    expect(parseSelection('?p=01,48,79,22,19,31', known, 5).codes).toEqual(['01', '48', '79', '22', '19']);
    expect(parseSelection('', known, 5)).toEqual({ level: 'province', codes: [] });
  });

  it('writes a choice back the way it reads it', () => {
    expect(selectionSearch({ level: 'province', codes: ['01', '79', '48'] })).toBe('?p=01,79,48');
    expect(selectionSearch({ level: 'former_province', codes: ['02'] })).toBe('?level=former&p=02');
    expect(selectionSearch({ level: 'province', codes: [] })).toBe('');
    const round = { level: 'former_province' as const, codes: ['49', '01'] };
    expect(parseSelection(selectionSearch(round), known, 5)).toEqual(round);
  });

  it('ticking adds at the end up to the maximum; clearing removes', () => {
    const s = { level: 'province' as const, codes: ['01', '79'] };
    expect(toggleCode(s, '48', 3).codes).toEqual(['01', '79', '48']);
    expect(toggleCode(s, '01', 3).codes).toEqual(['79']);
    expect(toggleCode({ ...s, codes: ['01', '79', '48'] }, '22', 3).codes).toEqual(['01', '79', '48']);
  });
});
