/** The corrections page's view model: grouped by province and by indicator (anchors, no JS), old and new side by side, the reason once per group. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/model/index.ts';
import { readCorrections } from '../../../src/lib/release/corrections.ts';
import { releaseVersions } from '../../../src/lib/release/publish.ts';
import { correctionProvince, correctionsPage } from '../../../src/lib/view/corrections.ts';

const DATA = join(import.meta.dirname, '../../../data');
const model = getModel(DATA);
const corrections = readCorrections(DATA);

describe('corrections page', () => {
  const en = correctionsPage(model, corrections, releaseVersions(DATA), 'en');
  const vi = correctionsPage(model, corrections, releaseVersions(DATA), 'vi');

  it('lists every correction once by province and every correction about an indicator once by indicator', () => {
    const total = (sections: typeof en.byProvince) => sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.rows.length, 0), 0);
    expect(total(en.byProvince)).toBe(corrections.length);
    expect(total(en.byIndicator)).toBe(corrections.filter((c) => c.row['indicator_id']).length);
    expect(en.count).toBe(`${corrections.length} corrected values`);
  });

  it("files a province's tasks under it (Trà Vinh's under Vĩnh Long), the national rows and the targets under national, with unique anchors", () => {
    expect(en.byProvince.map((s) => [s.id, s.title, s.count])).toEqual([
      ['province-86', 'Vinh Long', 7],
      ['province-96', 'Ca Mau', 12],
      ['national', 'National and not tied to a province', corrections.length - 19],
    ]);
    const ids = [...en.byProvince, ...en.byIndicator].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(vi.byProvince[1]?.title).toBe('Cà Mau');
  });

  it('shows old and new side by side, the reason once for the rows that share it', () => {
    const camau = en.byProvince[1]!;
    expect(camau.groups.map((g) => [g.release, g.rows.length, g.reason.slice(0, 30)])).toEqual([
      ['1.1.0', 6, "Cà Mau's tasks are recorded as"],
      ['1.1.0', 6, "Every status of 1.0.0's 24 tas"],
    ]);
    expect(camau.groups[0]!.rows[0]).toMatchObject({
      column: 'document_id',
      before: '9521/VPCP-KGVX',
      after: 'camau-trien-khai-9521-45-46-tb-tgv',
    });
    expect(camau.groups[1]!.rows[0]).toMatchObject({ column: 'status', before: 'not_started', after: '(empty)' });
    expect(camau.groups[1]!.rows[0]!.subject.href).toMatch(/^\/en\/tasks\/camau-/);
    expect(camau.groups[0]!.heading).toBe('Release 1.1.0 (2 Dec 2026), against 1.0.0');
  });

  it('marks the quoted English reason lang="en" on the Vietnamese page, and shows a Vietnamese wording only when corrections.csv gives one', () => {
    const groups = (page: typeof en) => page.byProvince.flatMap((s) => s.groups);
    expect(new Set(groups(vi).map((g) => g.reasonLang))).toEqual(new Set(['en']));
    expect(new Set(groups(en).map((g) => g.reasonLang))).toEqual(new Set([null]));
    expect(groups(vi).every((g) => g.reasonVi === null)).toBe(true);
    const worded = [{ ...corrections[0]!, reasonVi: 'SYNTHETIC: lý do bằng tiếng Việt.' }];
    expect(correctionsPage(model, worded, [], 'vi').byProvince[0]!.groups[0]).toMatchObject({
      reason: corrections[0]!.reason,
      reasonLang: 'en',
      reasonVi: 'SYNTHETIC: lý do bằng tiếng Việt.',
    });
    expect(correctionsPage(model, worded, [], 'en').byProvince[0]!.groups[0]).toMatchObject({ reasonLang: null, reasonVi: null });
    const unexplained = [{ ...corrections[0]!, reason: null }];
    expect(correctionsPage(model, unexplained, [], 'vi').byProvince[0]!.groups[0]).toMatchObject({
      reason: 'Không ghi lý do; xem ghi chú phát hành.',
      reasonLang: null,
    });
  });

  it('a removed row shows its old value and "Row removed", under its indicator', () => {
    const dti = en.byIndicator.find((s) => s.id === 'indicator-dti')!;
    expect(dti.groups[0]!.rows.map((r) => [r.subject.text, r.column, r.before, r.after])).toEqual([
      ['Provincial Digital Transformation Index (DTI), National, 2023', 'Row removed', '0.6783', 'Row removed'],
      ['Provincial Digital Transformation Index (DTI), National, 2024', 'Row removed', '0.6961', 'Row removed'],
    ]);
  });

  it('a former province counts under the province it merged into', () => {
    const c = { ...corrections[0]!, row: { area_level: 'former_province', area_code: '95' } };
    expect(correctionProvince(model, c)).toBe(model.formerProvince.get('95')!.successor_code);
  });

  it('links the feed of each release, newest first', () => {
    const versions = releaseVersions(DATA).reverse();
    expect(versions.slice(-2)).toEqual(['1.1.0', '1.0.0']);
    expect(vi.releaseFeeds).toEqual(versions.map((v) => ({ version: v, href: `/data/releases/${v}/feed.atom` })));
    expect(en.releaseFeeds[0]?.href).toBe(`/en/data/releases/${versions[0]}/feed.atom`);
  });
});
