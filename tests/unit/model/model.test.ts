import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, typeOnDate } from '../../../src/lib/model/index.ts';
import { computeCoverage } from '../../../src/lib/model/coverage.ts';
import { areaName } from '../../../src/lib/model/areas.ts';
import { seriesKey } from '../../../src/lib/model/keys.ts';

const data = validateDataset(join(import.meta.dirname, '../../fixtures/valid'));
const model = buildModel(data.tables, data.meta!, data.dir);

describe('model over the valid fixture', () => {
  it("indexes each area's series by indicator: the same arrays as series, every one of them", () => {
    let n = 0;
    for (const [area, byIndicator] of model.seriesByArea)
      for (const [indicator, rows] of byIndicator) {
        n++;
        const [level, code] = area.split('|') as [string, string];
        expect(model.series.get(seriesKey(indicator, level, code))).toBe(rows);
      }
    expect(n).toBe(model.series.size);
    expect(n).toBeGreaterThan(0);
  });
  it('names an area of every level, and an unknown code by the code', () => {
    expect(areaName(model, 'vi', 'national', 'VN')).toBe('Toàn quốc');
    expect(areaName(model, 'en', 'province', '01')).toBe('Hà Nội');
    expect(areaName(model, 'en', 'commune', '00004')).toBe('Phường Ba Đình');
    expect(areaName(model, 'vi', 'former_province', '95')).toBe('Bạc Liêu (tỉnh cũ)');
    expect(areaName(model, 'en', 'former_province', '95')).toBe('Bạc Liêu (former)');
    expect(areaName(model, 'vi', 'province', '99')).toBe('99');
  });

  it('computes the type of a unit on a date from its dated changes', () => {
    expect(typeOnDate(model, 'province', '75', 'thanh_pho', '2025-07-01')).toBe('tinh');
    expect(typeOnDate(model, 'province', '75', 'thanh_pho', '2026-04-30')).toBe('thanh_pho');
    expect(typeOnDate(model, 'province', '01', 'thanh_pho', '2025-07-01')).toBe('thanh_pho');
  });

  it('reaches former provinces only through successor_code', () => {
    expect(model.formerBySuccessor.get('96')?.map((f) => f.code)).toEqual(['95', '96']);
    // Former-province data is not filed under the current province with the same code.
    expect(model.byArea.get('province|96')?.every((o) => o.area_level === 'province')).toBe(true);
    expect(model.byArea.get('former_province|96')?.map((o) => o.indicator_id)).toEqual(['online-share']);
  });

  it('gives each task its computed status against the dataset as-of date', () => {
    expect(Object.fromEntries(model.tasks.map((t) => [t.id, t.computed]))).toEqual({
      't-centres': 'done_on_time',
      't-databases': 'past_deadline',
      't-commune': 'no_deadline',
      't-ongoing': 'ongoing',
      't-revised': 'overdue_reported',
    });
    expect(model.task.get('t-databases')?.revisedBy).toBe('t-revised');
    expect(model.task.get('t-revised')?.ownersNow).toEqual(['bo-khcn']);
  });

  it('lists on a province page the tasks addressed to it and those addressed to every locality', () => {
    expect(model.tasksForProvince.get('96')?.map((x) => [x.task.id, x.reason])).toEqual([
      ['t-centres', 'addressed'],
      ['t-ongoing', 'every_locality'],
    ]);
    // A ward's body belongs to its province: its task is listed there too.
    expect(model.tasksByArea.get('province|01')?.map((t) => t.id)).toEqual(['t-commune', 't-ongoing']);
    expect(model.tasksByCurrentOwner.get('ubnd-ca-mau')?.map((t) => t.id)).toEqual(['t-centres']);
  });

  it('reports coverage with gaps and the age of the newest value', () => {
    const dti = computeCoverage(model.tables.indicators, (id) => model.byIndicator.get(id) ?? [], 3, 5, model.asOf).find(
      (r) => r.indicator.id === 'dti',
    )!;
    expect(dti.levels.province.periods).toEqual([{ period: '2024', withValue: 2, missing: 1 }]);
    expect(dti.newestPublished).toBe('2025-10-21');
    expect(dti.ageDays).toBe(277);
  });
});
