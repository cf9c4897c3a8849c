/** Coverage of the issue-#14 indicators on the published data: snapshot and 63-province editions, counted by area. */
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/lib/model/coverage.ts';
import { realModel } from '../view/real-model.ts';

const model = realModel();
const rows = computeCoverage(model.tables.indicators, (id) => model.byIndicator.get(id) ?? [], model.provinces.length, 63, model.asOf);
const of = (id: string) => rows.find((r) => r.indicator.id === id)!;

describe('computeCoverage on the published data', () => {
  it('a snapshot index counts areas, not readings: Đồng Nai has two 766-index snapshots in 2025 and counts once', () => {
    // observations.csv: idx766 for 19, 38, 42, 44, 75 (75 twice: end of August and 29/08/2025).
    expect(of('idx766').levels.province.periods).toEqual([{ period: '2025', withValue: 5, missing: 29 }]);
  });

  it('a 63-province edition is counted against the 63 former provinces, and shows most of them have no value', () => {
    // observations.csv: pci for 15 former provinces in 2024 (the last 63-province edition).
    expect(of('pci').levels.former_province.periods).toEqual([{ period: '2024', withValue: 15, missing: 48 }]);
    expect(of('pci').levels.province.periods).toEqual([]);
    expect(of('pii').levels.province.periods).toEqual([{ period: '2025', withValue: 6, missing: 28 }]);
  });
});
