import { describe, expect, it } from 'vitest';
import { targetsPage } from '../../../src/lib/view/targets.ts';
import { realModel, withoutNational } from './real-model.ts';

const model = realModel();

describe('targetsPage on the published data', () => {
  it('groups the targets by document and horizon, every target once', () => {
    const v = targetsPage(model, 'vi');
    expect(v.groups.map((g) => g.id)).toEqual(expect.arrayContaining(['57-nq-tw-2030', '03-nq-cp-2030']));
    const listed = v.groups.flatMap((g) => g.rows.map((r) => r.id));
    expect(new Set(listed).size).toBe(listed.length);
    expect(v.groups[0]!.document).toEqual({ text: '57-NQ/TW', href: '/documents/57-nq-tw/' });
    expect(v.groups.find((g) => g.id === '57-nq-tw-2030')!.heading).toMatch(/^ — đến năm 2030 \(\d+\)$/);
  });

  it('a qualitative target says so; one measured by an indicator with a national value shows it and the gap', () => {
    const v = targetsPage(model, 'en');
    const rows = v.groups.flatMap((g) => g.rows);
    expect(rows.find((r) => r.id === 'nq57-2030-1-2')).toMatchObject({
      value: 'qualitative',
      latest: { link: { text: '71', href: '/en/indicators/egdi-rank/' }, after: ' (2024)' },
    });
    expect(rows.find((r) => r.id === 'nq03-2030-31')).toMatchObject({
      value: '≥ 70',
      owner: 'Bộ Thông tin và Truyền thông',
      // observations.csv: 27.7 as of 2025-05-12 (402-CV/VPĐU), the newest national value.
      latest: { link: { text: '27.7', href: '/en/indicators/chu-ky-so-nguoi-truong-thanh/' }, after: ' (2025); Gap 42.3' },
    });
    expect(rows.every((r) => r.textEn !== null)).toBe(true);
  });

  it('a target measured by an indicator without a national value links to it as a gap', () => {
    // SYNTHETIC: the published data without the national values of the signature indicator.
    const rows = targetsPage(withoutNational(model, 'chu-ky-so-nguoi-truong-thanh'), 'en').groups.flatMap((g) => g.rows);
    expect(rows.find((r) => r.id === 'nq03-2030-31')).toMatchObject({
      latest: { link: { text: 'no national value yet', href: '/en/indicators/chu-ky-so-nguoi-truong-thanh/' }, after: '' },
    });
  });
});
