import { formatGap } from '../../../src/lib/view/values.ts';
import { describe, expect, it } from 'vitest';
import { ownerText, targetPage, targetsPage, targetsWithProgress } from '../../../src/lib/view/targets.ts';
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
      owner: 'Bộ Thông tin và Truyền thông (now carried by Ministry of Science and Technology)',
      // observations.csv: 27.7 as of 2025-05-12 (402-CV/VPĐU), the newest national value.
      latest: {
        link: { text: '27.70%', href: '/en/indicators/chu-ky-so-nguoi-truong-thanh/' },
        after: ' (2025, as of 12 May 2025); Gap 42.3 percentage points',
      },
      progress: { text: 'Progress towards the target', href: '/en/targets/nq03-2030-31/' },
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

describe('targetPage: values over time against the target, the gap and the steady path', () => {
  it('has a page only for numeric national targets whose indicator has a national value', () => {
    // targets.csv: nq03-2030-31 (signatures, >= 70), nq03-2030-23-4 (5G coverage, >= 99) and bc402-2025-ho-so-toan-trinh
    // (full-online dossiers, >= 80 in 2025, as the draft report cites it); egdi-rank's targets are qualitative.
    const ids = (m: typeof model) =>
      targetsWithProgress(m)
        .map((x) => x.id)
        .sort();
    expect(ids(model)).toEqual(['bc402-2025-ho-so-toan-trinh', 'nq03-2030-23-4', 'nq03-2030-31']);
    expect(ids(withoutNational(model, 'chu-ky-so-nguoi-truong-thanh'))).toEqual(['bc402-2025-ho-so-toan-trinh', 'nq03-2030-23-4']);
    expect(ids(withoutNational(model, 'ho-so-toan-trinh'))).toEqual(['nq03-2030-23-4', 'nq03-2030-31']);
    expect(targetsPage(model, 'vi').asOf).toBe(`Dữ liệu tính đến ${model.asOf.split('-').reverse().join('/')}`);
  });

  it('digital signatures: the three published national values, each with its date, gap and source; the rates as sentences', () => {
    const v = targetPage(model, 'nq03-2030-31', 'en');
    expect(v.rows.map((r) => [r.date, r.value, r.gap, r.source.id])).toEqual([
      ['Jul 2024', '13.50%', '56.5 percentage points', 'congnghevadoisong-d63949'],
      ['Apr 2025', '26.08%', '43.92 percentage points', '402-CV/VPĐU'],
      ['12 May 2025', '27.70%', '42.3 percentage points', '402-CV/VPĐU'],
    ]);
    expect(v.value).toBe('≥ 70%');
    expect(v.deadline).toBe('31 Dec 2030');
    // (70 - 27.7) / (2030-12-31 - 2025-05-12 in years) = 7.5 points a year.
    expect(v.summary).toEqual([
      'Latest value: 27.70% (12 May 2025); target ≥ 70%; gap: 42.3 percentage points.',
      'To reach ≥ 70% by 31 Dec 2030, the value must rise by 7.5 percentage points a year from the latest value (the steady path in the chart).',
      expect.stringMatching(
        /^Between the published values 13\.50% \(Jul 2024\) and 27\.70% \(12 May 2025\), the average change was 1\d\.\d percentage points a year/,
      ),
    ]);
    // The chart draws this target; the steady path is not one of its series.
    expect(v.chart?.target).toMatchObject({ value: 70, deadline: '2030-12-31' });
    expect(v.chart?.series.map((s) => s.key)).toEqual(['national']);
    expect(v.pathNote).toMatch(/reference line .* neither data nor a forecast/);
  });

  it('a target without national values has no page', () => {
    expect(() => targetPage(model, 'nq57-2030-1-2', 'vi')).toThrow(/No target with national values/);
  });

  it('past its deadline, a target page asks for no rate: it says the deadline has passed and no value at it is known', () => {
    // bc402-2025-ho-so-toan-trinh is due 31/12/2025, before the data's as-of date; nq03-2030-31 is due in 2030.
    expect(model.asOf > '2025-12-31').toBe(true);
    const past = targetPage(model, 'bc402-2025-ho-so-toan-trinh', 'en').summary.join(' ');
    expect(past).toContain('The deadline, 31 Dec 2025, has passed');
    expect(past).not.toContain('must rise by');
    expect(targetPage(model, 'nq03-2030-31', 'en').summary.join(' ')).toContain('must rise by');
  });
});

describe('formatGap', () => {
  it('a gap between shares is in percentage points, in both languages; other units keep their tick', () => {
    expect(formatGap(40.02, { unit: 'percent' }, 'vi')).toBe('40,02 điểm %');
    expect(formatGap(40.02, { unit: 'percent' }, 'en')).toBe('40.02 percentage points');
    expect(formatGap(0.125, { unit: 'index' }, 'vi')).toBe('0,125');
  });
});

describe('ownerText: the body a target names, and who carries its work now', () => {
  const model = realModel();
  it('names the Ministry of Science and Technology after the Ministry of Information and Communications it absorbed', () => {
    expect(ownerText(model, 'Bộ Thông tin và Truyền thông', 'vi')).toBe(
      'Bộ Thông tin và Truyền thông (nay do Bộ Khoa học và Công nghệ đảm nhiệm)',
    );
    expect(ownerText(model, 'Bộ Thông tin và Truyền thông', 'en')).toBe(
      'Bộ Thông tin và Truyền thông (now carried by Ministry of Science and Technology)',
    );
  });
  it('leaves a body that was not succeeded as written, and a missing one as a dash', () => {
    expect(ownerText(model, 'Bộ Công an', 'en')).toBe('Bộ Công an');
    expect(ownerText(model, null, 'en')).toBe('—');
  });
});
