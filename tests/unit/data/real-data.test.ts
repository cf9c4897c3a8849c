import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';

const data = validateDataset(join(import.meta.dirname, '../../../data'));

describe('the published data in data/', () => {
  it('passes the validator with no error, and only the three warnings its notes explain', () => {
    // The one commune pair that crosses provinces, kept as the assisted mapping gives it and flagged in its note.
    // 71/NQ-CP (1 Apr 2025) lists a task done by 66/NQ-CP of 26 Mar 2025: the report's note says so.
    // "hoàn thành trong tháng 12" (PM's 5th meeting, Nov 2025) gives no year: its note says how it was read.
    expect(data.issues.map((i) => [i.severity, i.file, i.column, i.code, i.value])).toEqual([
      ['warning', 'commune_merges.csv', 'former_province_code', 'merge-crosses-provinces', '89'],
      ['warning', 'progress_reports.csv', 'completed_on', 'completed-before-issued', '2025-03-26'],
      ['warning', 'tasks.csv', 'due_text', 'due-text-unrecognized', 'hoàn thành trong tháng 12'],
    ]);
  });

  it('holds the 140 tasks of 03/NQ-CP Appendix II and the 37 of 71/NQ-CP, 21 of them linked to the task they revise', () => {
    expect(data.tables.tasks.filter((t) => t.document_id === '03/NQ-CP')).toHaveLength(140);
    expect(data.tables.tasks.filter((t) => t.document_id === '71/NQ-CP')).toHaveLength(37);
    expect(data.tables.tasks.filter((t) => t.revises !== null)).toHaveLength(21);
  });

  it('keeps each reported word of the draft report: 21 Hoàn thành, 14 Đang thực hiện, 2 Quá hạn, as of 24/05/2025', () => {
    const words = data.tables.progress_reports.reduce<Record<string, number>>(
      (acc, r) => ((acc[r.status_word!] = (acc[r.status_word!] ?? 0) + 1), acc),
      {},
    );
    expect(words).toEqual({ 'Hoàn thành': 21, 'Đang thực hiện': 14, 'Quá hạn': 2 });
    expect(new Set(data.tables.progress_reports.map((r) => r.describes_on))).toEqual(new Set(['2025-05-24']));
  });

  it('claims no status for a task without a report (the seed articles report none)', () => {
    const reported = new Set(data.tables.progress_reports.map((r) => r.task_id));
    expect(data.tables.tasks.filter((t) => reported.has(t.id)).every((t) => t.document_id === '71/NQ-CP')).toBe(true);
  });

  it('has the 34 provinces (27 tinh, 7 thanh_pho since 30 Apr 2026), 63 former provinces and 3,321 communes', () => {
    const count = <T extends { type: string | null }>(rows: T[]) =>
      rows.reduce<Record<string, number>>((acc, r) => ((acc[r.type!] = (acc[r.type!] ?? 0) + 1), acc), {});
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
    const dti = (code: string) =>
      data.tables.observations.find(
        (o) => o.indicator_id === 'dti' && o.area_level === 'province' && o.area_code === code && o.period === '2024',
      );
    expect(dti('01')?.method).toBe('as_published');
    expect(dti('86')?.method).toBe('ministry_mean_of_former_units');
  });

  it('marks every target as an unverified transcription until checked against the official text', () => {
    expect(new Set(data.tables.targets.map((t) => t.text_status))).toEqual(new Set(['unverified_transcription']));
  });
});
