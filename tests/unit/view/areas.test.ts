import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel } from '../../../src/lib/model/index.ts';
import { formerProvincePage, formerProvincesPage, provinceCommunesPage, provincesPage } from '../../../src/lib/view/areas.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('area lists on the published data', () => {
  it('the provinces page takes 34 and 63 from the data', () => {
    const v = provincesPage(model, 'en');
    expect(v.title).toBe('The 34 provinces and cities');
    expect(v.lead).toMatch(/^On 1 July 2025 the 63 provinces were merged into 34 units/);
    expect(v.rows).toHaveLength(34);
    expect(v.rows.find((r) => r.code === '31')?.formers.map((f) => f.href)).toEqual([
      '/en/former-provinces/30/',
      '/en/former-provinces/31/',
    ]);
    expect(v.formerLink.text).toBe('Former provinces (before the merger) (63) →');
  });

  it('the communes of a province are grouped by type, wards first', () => {
    const v = provinceCommunesPage(model, '01', 'vi');
    const communes = model.communesByProvince.get('01')!;
    expect(v.groups.map((g) => g.heading)).toEqual([
      `Phường (${communes.filter((c) => c.type === 'phuong').length})`,
      `Xã (${communes.filter((c) => c.type === 'xa').length})`,
    ]);
    expect(v.groups.flatMap((g) => g.communes)).toHaveLength(communes.length);
  });

  it('former provinces: 63, each with its successor', () => {
    const v = formerProvincesPage(model, 'vi');
    expect(v.rows).toHaveLength(63);
    expect(v.description).toBe('63 tỉnh, thành phố trước 01/07/2025 và tỉnh kế thừa.');
  });

  it('a former province whose code its own successor took has no note (24 Bắc Giang → 24 Bắc Ninh)', () => {
    const v = formerProvincePage(model, '24', 'vi');
    expect(v).toMatchObject({ name: 'Tỉnh Bắc Giang', codeNote: null, successor: { code: '24', href: '/provinces/24/' } });
  });

  it('a former province whose code now belongs to another province says so (SYNTHETIC row)', () => {
    const data = validateDataset(join(import.meta.dirname, '../../fixtures/valid'));
    const former95 = data.tables.former_provinces.find((f) => f.code === '95')!;
    // SYNTHETIC: a former province coded 01 merged into 96, while 01 is today Hà Nội.
    const former = [...data.tables.former_provinces.filter((f) => f.code !== '01'), { ...former95, code: '01' }];
    const synthetic = buildModel(
      { ...data.tables, former_provinces: former },
      data.meta!,
      join(import.meta.dirname, '../../fixtures/valid'),
    );
    expect(formerProvincePage(synthetic, '01', 'en').codeNote).toBe('this code now belongs to Hà Nội, a different province');
  });
});
