import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';

const data = validateDataset(join(import.meta.dirname, '../../../data'));

describe('the published data in data/', () => {
  it('passes the validator with no error, and warns only of the one commune pair that crosses provinces (flagged in its note)', () => {
    expect(data.issues.map((i) => [i.severity, i.code, i.file, i.row])).toEqual([['warning', 'merge-crosses-provinces', 'commune_merges.csv', 9849]]);
  });

  it('has the 34 provinces (27 tinh, 7 thanh_pho since 30 Apr 2026), 63 former provinces and 3,321 communes', () => {
    const count = <T extends { type: string | null }>(rows: T[]) => rows.reduce<Record<string, number>>((acc, r) => ((acc[r.type!] = (acc[r.type!] ?? 0) + 1), acc), {});
    expect(count(data.tables.provinces)).toEqual({ tinh: 27, thanh_pho: 7 });
    expect(data.tables.former_provinces).toHaveLength(63);
    expect(count(data.tables.communes)).toEqual({ xa: 2611, phuong: 697, dac_khu: 13 });
  });

  it('keeps former-province data on former provinces (codes reused for other territories)', () => {
    const bacGiang = data.tables.former_provinces.find((f) => f.code === '24');
    expect(bacGiang?.name_vi).toBe('Bắc Giang');
    expect(data.tables.provinces.find((p) => p.code === '24')?.name_vi).toBe('Bắc Ninh');
    const dti2022 = data.tables.observations.filter((o) => o.indicator_id === 'dti' && o.period === '2022');
    expect(dti2022.every((o) => o.area_level === 'former_province')).toBe(true);
  });

  it('cites a source and a method for every value', () => {
    for (const o of data.tables.observations) {
      expect(o.source_id).toBeTruthy();
      expect(o.method).toBeTruthy();
    }
    // The Ministry's averaging is recorded for merged provinces, not for unchanged ones (Hà Nội).
    const dti = (code: string) => data.tables.observations.find((o) => o.indicator_id === 'dti' && o.area_level === 'province' && o.area_code === code && o.period === '2024');
    expect(dti('01')?.method).toBe('as_published');
    expect(dti('86')?.method).toBe('ministry_mean_of_former_units');
  });

  it('marks every target as an unverified transcription until checked against the official text', () => {
    expect(new Set(data.tables.targets.map((t) => t.text_status))).toEqual(new Set(['unverified_transcription']));
  });
});
