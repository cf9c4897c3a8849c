import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel } from '../../../src/lib/model/index.ts';
import { communePage } from '../../../src/lib/view/commune.ts';
import { communeFigure } from './synthetic.ts';
import { realModel } from './real-model.ts';

describe('communePage on the published data', () => {
  it('Phường Lộc Ninh (25270): its type change, its province and its merged former communes', () => {
    const model = realModel();
    const v = communePage(model, '25270', 'vi');
    expect(v.title).toBe('Phường Lộc Ninh, Đồng Nai');
    expect(v.typeChange).toBe('từ 30/04/2026, trước đó: Xã, 237/NQ-UBTVQH16');
    expect(v.province.href).toBe('/provinces/75/');
    expect(v.merges).toHaveLength(3);
    expect(v.nameEn).toBeNull();
    expect(v.noTasks?.link.href).toBe('/provinces/75/#tasks');
    expect(v.figures).toBeNull();
  });
});

describe('communePage: figures (SYNTHETIC observations over the valid fixture)', () => {
  const dir = join(import.meta.dirname, '../../fixtures/valid');
  const data = validateDataset(dir);
  // SYNTHETIC: two periods of DTI for ward 00004, the newer one a gap; a gap-only series of two periods.
  const obs = (indicator_id: string, period: string, value: number | null) => communeFigure('00004', indicator_id, period, value);
  const synthetic = [obs('dti', '2023', 0.5), obs('dti', '2024', null), obs('dti-rank', '2023', null), obs('dti-rank', '2024', null)];
  const model = buildModel({ ...data.tables, observations: [...data.tables.observations, ...synthetic] }, data.meta!, dir);

  it('shows the latest value with a value, not a newer gap, and counts every period', () => {
    const v = communePage(model, '00004', 'en');
    const dti = v.figures!.rows.find((r) => r.indicator.href === '/en/indicators/dti/')!;
    expect(dti).toMatchObject({ period: '2023', value: '0.5000', count: '2 (2023 – 2024)' });
  });

  it('lists a series of gaps only as a gap in its newest period', () => {
    const v = communePage(model, '00004', 'vi');
    expect(v.figures!.rows.find((r) => r.indicator.href === '/indicators/dti-rank/')).toMatchObject({
      period: '2024',
      value: 'không có số liệu',
      count: '2 (2023 – 2024)',
    });
    expect(v.figures!.note.before).toBe('Cả 4 số liệu của Phường Ba Đình, kể cả các kỳ trước và kỳ không có số liệu, có trong tệp ');
    expect(v.tasks.map((x) => x.id)).toEqual(['t-commune']);
    expect(v.noTasks).toBeNull();
  });
});
