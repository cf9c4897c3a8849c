import { describe, expect, it } from 'vitest';
import { coveragePage, dataIndexPage, dataTablePage } from '../../../src/lib/view/data.ts';
import { realModel } from './real-model.ts';
import { treeWith } from '../data/helpers.ts';
import { LARGE_TABLE_BYTES } from '../../../src/lib/release/partition.ts';

const model = realModel();

describe('data pages on the published data', () => {
  it('the list of tables counts the rows of each and takes the licence from dataset.json', () => {
    const v = dataIndexPage(model, 'en');
    expect(model.meta.licence).toBe('CC-BY-4.0');
    expect(v.lead).toContain('Licence CC BY 4.0;');
    const provinces = v.tables.find((r) => r.name.href === '/en/data/provinces/')!;
    expect(provinces).toMatchObject({ rows: '34', csv: '/data/latest/provinces.csv', json: '/data/latest/provinces.json' });
    expect(v.sources.find((s) => s.title.startsWith('dvhcvn'))?.caveat).toBe(
      model.meta.sources.find((s) => s.id === 'dvhcvn-20250701')!.caveat_en,
    );
  });

  it('a table published in parts links the Data Package that lists its parts, not a whole CSV that is not there', () => {
    expect(dataIndexPage(model, 'vi').tables.filter((r) => r.inParts)).toEqual([]);
    // SYNTHETIC: an observations.csv over the threshold (only its size is read here).
    const header = 'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note,as_of,rank_of,quote\n';
    const big =
      header + 'x,province,01,2024,1,https://example.org/s,,as_published,SYNTHETIC,,,\n'.repeat(Math.ceil(LARGE_TABLE_BYTES / 60));
    const v = dataIndexPage({ ...model, dataDir: treeWith({ 'observations.csv': big }) }, 'en');
    expect(v.tables.filter((r) => r.inParts).map((r) => [r.name.href, r.inParts!.href])).toEqual([
      ['/en/data/observations/', '/data/latest/datapackage.json'],
    ]);
    const split = dataTablePage({ ...model, dataDir: treeWith({ 'observations.csv': big }) }, 'observations', 'en');
    expect(split.inParts?.href).toBe('/data/latest/datapackage.json');
    // Its JSON is the partitions' rows: the schema linked is theirs, not the whole table's records'.
    expect(split.schema).toBe('/data/schemas/observations.rows.schema.json');
    expect(dataTablePage(model, 'observations', 'en').inParts).toBeUndefined();
    expect(dataTablePage(model, 'observations', 'en').schema).toBe('/data/schemas/observations.schema.json');
  });

  it('a table page lists its columns and its references', () => {
    const v = dataTablePage(model, 'communes', 'vi');
    expect(v.rows).toBe(new Intl.NumberFormat('vi-VN').format(model.tables.communes.length));
    expect(v.columns.map((c) => c.name)).toContain('province_code');
    expect(v.references).toContainEqual({ fields: 'province_code', table: { text: 'provinces', href: '/data/provinces/' } });
  });

  it('coverage: the number of provinces and former provinces in the headings comes from the data', () => {
    const v = coveragePage(model, 'vi');
    expect(v.levels).toEqual(['Toàn quốc', 'Tỉnh (34)', 'Tỉnh cũ (63)']);
    const dti = v.rows.find((r) => r.indicator.href === '/indicators/dti/')!;
    expect(dti.levels[1]).toBe('2024: 34/34');
    // The national averages of 2023 and 2024 are the mean of the provinces, under their own indicator (issue #14).
    expect(dti.levels[0]).toBeNull();
    expect(v.rows.find((r) => r.indicator.href === '/indicators/dti-trung-binh-tinh/')!.levels[0]).toBe('2023: 1 · 2024: 1');
  });
});
