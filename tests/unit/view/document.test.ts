import { describe, expect, it } from 'vitest';
import { documentPage } from '../../../src/lib/view/document.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('documentPage on the published data', () => {
  it('57-NQ/TW: numbered title, its targets, a link to each on the targets page', () => {
    const v = documentPage(model, '57-nq-tw', 'en');
    expect(v.number).toBe('57-NQ/TW');
    expect(v.title).toMatch(/^57-NQ\/TW — /);
    expect(v.path).toBe('/documents/57-nq-tw/');
    expect(v.targets?.items.length).toBe(model.targetsByDocument.get('57-NQ/TW')!.length);
    expect(v.targets?.items[0]!.link.href).toMatch(/^\/en\/targets\/#nq57-/);
    expect(v.titleVi).not.toBeNull();
  });

  it('30/2026/QH16: the change of type it decided, linked to the province', () => {
    const v = documentPage(model, '30-2026-qh16', 'vi');
    expect(v.changes?.items).toEqual([
      { area: { text: 'Thành phố Đồng Nai', href: '/provinces/75/' }, text: ': Tỉnh → Thành phố trực thuộc trung ương (30/04/2026)' },
    ]);
  });

  it('a source cited by figures lists them per indicator, a few values in full and many as a count', () => {
    const v = documentPage(model, 'dantri-20251021181803153', 'en');
    expect(v.number).toBeNull();
    expect(v.figures?.heading).toBe(`Figures (${model.observationsBySource.get('dantri-20251021181803153')!.length})`);
    const egdi = v.figures?.items.find((x) => x.indicator.href === '/en/indicators/egdi-rank/');
    expect(egdi?.text).toBe('National 2024 = 71');
  });
});
