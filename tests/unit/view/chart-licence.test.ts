import { describe, expect, it } from 'vitest';
import { areaChartSpec } from '../../../src/lib/charts/specs.ts';
import { realModel } from './real-model.ts';

describe('a chart carries the licence of dataset.json, in the page language', () => {
  it('names the licence and the portal in each language', () => {
    const model = realModel();
    expect(areaChartSpec(model, 'vi', 'ranking', 'dti').licence).toBe('CC BY 4.0 — Theo dõi Nghị quyết 57 (nguồn giữ điều khoản riêng)');
    expect(areaChartSpec(model, 'en', 'ranking', 'dti').licence).toBe(
      'CC BY 4.0 — Resolution 57 Tracker (the sources keep their own terms)',
    );
  });

  it('follows a change of the licence in dataset.json instead of a text in the code', () => {
    const model = realModel();
    const relicensed = { ...model, meta: { ...model.meta, licence: 'CC-BY-SA-4.0' } };
    expect(areaChartSpec(relicensed, 'en', 'ranking', 'dti').licence).toContain('CC BY-SA 4.0');
  });
});
