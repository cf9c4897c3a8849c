import { describe, expect, it } from 'vitest';
import { provincePage } from '../../../src/lib/view/province.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('provincePage on the published data', () => {
  it('Hà Nội (01): its former province, its latest DTI and its rank as the data says', () => {
    const v = provincePage(model, '01', 'vi');
    expect(v.title).toBe('Thành phố Hà Nội');
    expect(v.titleEn).toBeNull();
    expect(v.formers).toEqual([{ text: 'Thành phố Hà Nội', href: '/former-provinces/01/', code: '01' }]);
    expect(v.mergedNote).toBeNull();
    // observations.csv: dti,province,01,2024,0.8241 — the highest of the 34 provinces in 2024.
    const dti = v.other.rows.find((r) => r.indicator.href === '/indicators/dti/')!;
    expect(dti).toMatchObject({ period: '2024', value: '0,8241', rank: '1/34', method: 'như công bố' });
    expect(dti.source.href).toBe('/documents/dti-gov-vn-xep-hang-2024/');
    // The DTI rank is itself a rank: it is not ranked again, it shows the published rank with its scope (rank_of).
    expect(v.other.rows.find((r) => r.indicator.href === '/indicators/dti-rank/')).toMatchObject({ value: '1', rank: '1/34' });
  });

  it('Gia Lai (52): a score known for only some provinces shows the rank its source publishes, never one computed from them', () => {
    const v = provincePage(model, '52', 'vi');
    // observations.csv: pii-rank,province,52,2025,21 (rank_of 34); only 6 provinces have a PII score in 2025.
    expect(v.other.rows.find((r) => r.indicator.href === '/indicators/pii/')).toMatchObject({
      period: '2025',
      value: '37,66',
      rank: '21/34',
    });
  });

  it('lists the eight main DTI indices in the profile, each with its bar', () => {
    const v = provincePage(model, '01', 'en');
    expect(v.dti.rows).toHaveLength(8);
    expect(v.dti.rankHeader).toBe('Rank among the 34 provinces');
    const awareness = v.dti.rows.find((r) => r.indicator.text === 'DTI – Digital awareness')!;
    expect(awareness).toMatchObject({ value: '1.0000', bar: { width: 60, barWidth: 60 } });
    expect(v.dti.rows.every((r) => r.indicator.href.startsWith('/en/indicators/dti-'))).toBe(true);
  });

  it("a merged province (31) names its two former provinces and says its DTI is the Ministry's mean", () => {
    const v = provincePage(model, '31', 'en');
    expect(v.formers.map((f) => f.code)).toEqual(['30', '31']);
    expect(v.mergedNote).toMatch(/mean of the former provinces/);
    expect(v.description).toMatch(/^Haiphong City: merged from Hải Dương, Hải Phòng; \d+ communes; tasks, DTI and sources\.$/);
    expect(v.other.rows.find((r) => r.indicator.href === '/en/indicators/dti/')).toMatchObject({ value: '0.7857', rank: '3 of 34' });
    expect(v.former?.links.map((l) => l.href)).toEqual(['/en/former-provinces/30/', '/en/former-provinces/31/']);
  });

  it("Hà Nội (01): its former province's values from the 63-province editions, labelled as the former province's, ranks of 63", () => {
    const v = provincePage(model, '01', 'en');
    const former = v.formerValues!.rows.map((r) => [r.former.text, r.indicator.href, r.period, r.value, r.rank]);
    // observations.csv: pci,former_province,01,2024,68.38 and pci-rank 24 (rank_of 63); par-index 01 is known for 2023 only.
    expect(former).toContainEqual(['Hà Nội (01)', '/en/indicators/pci/', '2024', '68.38', '24 of 63']);
    expect(former).toContainEqual(['Hà Nội (01)', '/en/indicators/par-index/', '2023', '91.43%', '3 of 63']);
    expect(former).toContainEqual(['Hà Nội (01)', '/en/indicators/pii/', '2024', '60.76', '1 of 63']);
    // None of them is shown as the current province's own value.
    expect(v.other.rows.map((r) => r.indicator.href)).not.toContain('/en/indicators/pci/');
    expect(v.formerValues!.rows.every((r) => r.former.href === '/en/former-provinces/01/')).toBe(true);
    expect(v.formerValues!.note).toMatch(/^Values of the former province before 1 July 2025, not of today’s province\./);
  });

  it('Đồng Nai (75): a snapshot of the 766 index shows its as-of date, and no rank the sources did not give for that snapshot', () => {
    const v = provincePage(model, '75', 'vi');
    const idx = v.other.rows.filter((r) => r.indicator.href.startsWith('/indicators/idx766'));
    // observations.csv: idx766 75 = 86.13 as of 2025-08-29 (no rank published for it); rank 3 of 34 for the end-of-August snapshot.
    expect(idx.map((r) => [r.indicator.href, r.value, r.asOf, r.rank])).toEqual([
      ['/indicators/idx766/', '86,13', 'tính đến 29/08/2025', '—'],
      ['/indicators/idx766-rank/', '3', 'tính đến 08/2025', '3/34'],
    ]);
    // Both former provinces (Bình Phước 70, Đồng Nai 75) have their DTI 2024 of the 63-province edition, each its own row.
    expect(v.formerValues!.rows.filter((r) => r.indicator.href === '/indicators/dti/').map((r) => r.former.text)).toEqual([
      'Bình Phước (70)',
      'Đồng Nai (75)',
    ]);
  });

  it('counts communes by type from communes.csv', () => {
    const v = provincePage(model, '01', 'vi');
    const communes = model.communesByProvince.get('01')!;
    expect(v.communes.count).toBe(String(communes.length));
    expect(v.communes.byType).toBe(
      `${communes.filter((c) => c.type === 'xa').length} xã, ${communes.filter((c) => c.type === 'phuong').length} phường, 0 đặc khu`,
    );
  });

  it('a type change links its document by the one slug function', () => {
    const v = provincePage(model, '75', 'vi');
    expect(v.typeChange).toEqual({
      text: 'từ 30/04/2026, trước đó: Tỉnh',
      document: { text: '30/2026/QH16', href: '/documents/30-2026-qh16/' },
    });
  });
});
