import { describe, expect, it } from 'vitest';
import { homePage } from '../../../src/lib/view/home.ts';
import { realModel, withoutNational } from './real-model.ts';

const model = realModel();

describe('homePage on the published data', () => {
  it('counts tasks, targets, figures and provinces from the data (no literal 34)', () => {
    const v = homePage(model, 'en');
    expect(v.counts).toBe(
      `${model.tasks.length} tasks, ${model.tables.targets.length} targets, ${model.tables.observations.length} figures, ${model.provinces.length} provinces.`,
    );
    expect(v.counts).toContain(' 34 provinces.');
    expect(v.dueSoonTitle).toBe('Due within 30 days');
  });

  it('headline figures: national DTI 2024 0.7955, provincial average 0.6961 (its own indicator), EGDI rank 71', () => {
    const v = homePage(model, 'vi');
    expect(v.figures.map((c) => [c.title.href, c.value, c.note])).toEqual([
      ['/indicators/dti-quoc-gia/', '0,7955', '2024'],
      ['/indicators/dti-trung-binh-tinh/', '0,6961', '2024 · trung bình các tỉnh'],
      ['/indicators/egdi-rank/', '71/193', '2024 · mục tiêu 2030: top 50 thế giới'],
    ]);
  });

  it('a numeric target shows the latest national value with its period, snapshot date and source', () => {
    const v = homePage(model, 'en');
    const signature = v.targets.find((c) => c.title.href === '/en/indicators/chu-ky-so-nguoi-truong-thanh/')!;
    // observations.csv: 27.7 as of 2025-05-12 (402-CV/VPĐU), after 26.08 as of 2025-04 in the same period.
    expect(signature).toMatchObject({
      target: 'Target: ≥ 70% (2030, 03/NQ-CP)',
      value: '27.70%',
      period: '2025 (as of 12 May 2025)',
      gap: 'Gap: 42.3 percentage points',
    });
    expect(signature.source?.id).toBe('402-CV/VPĐU');
  });

  it('a numeric target without a national value is shown as a gap, not a number', () => {
    // SYNTHETIC: the published data without the national values of the signature indicator.
    const v = homePage(withoutNational(model, 'chu-ky-so-nguoi-truong-thanh'), 'en');
    const signature = v.targets.find((c) => c.title.href === '/en/indicators/chu-ky-so-nguoi-truong-thanh/')!;
    expect(signature).toEqual({
      title: signature.title,
      target: 'Target: ≥ 70% (2030, 03/NQ-CP)',
      value: null,
      period: null,
      source: null,
      gap: null,
      history: null,
      progress: null,
    });
  });

  it('a target with national values over time lists them oldest first and links its progress page', () => {
    const v = homePage(model, 'vi');
    const signature = v.targets.find((c) => c.title.href === '/indicators/chu-ky-so-nguoi-truong-thanh/')!;
    // observations.csv: 13.5 (07/2024), 26.08 (04/2025), 27.7 (12/05/2025), national.
    expect(signature.history).toBe('07/2024: 13,50% · 04/2025: 26,08% · 12/05/2025: 27,70%');
    expect(signature.progress).toEqual({ text: 'Tiến độ so với mục tiêu', href: '/targets/nq03-2030-31/' });
  });

  it('lists tasks reported overdue and due-soon tasks by deadline; past-deadline tasks only counted and linked', () => {
    const v = homePage(model, 'vi');
    expect(v.overdue.every((x) => x.computed === 'overdue_reported')).toBe(true);
    expect(v.overdue.map((x) => x.deadline)).toEqual([...v.overdue.map((x) => x.deadline)].sort());
    expect(v.overdue.length + v.dueSoon.length).toBe(
      model.tasks.filter((x) => x.computed === 'overdue_reported' || x.computed === 'due_soon').length,
    );
    const past = model.tasks.filter((x) => x.computed === 'past_deadline').length;
    expect(past).toBeGreaterThan(0);
    expect(v.pastDeadline.href).toBe('/tasks/status/past_deadline/');
    expect(v.pastDeadline.text).toMatch(new RegExp(`^${past} nhiệm vụ đã qua hạn`));
  });
});
