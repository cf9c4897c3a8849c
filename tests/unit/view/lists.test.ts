import { describe, expect, it } from 'vitest';
import { documentsPage, indicatorsPage } from '../../../src/lib/view/lists.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('lists on the published data', () => {
  it('indicators: top level only, components nested, values counted without gaps', () => {
    const v = indicatorsPage(model, 'en');
    const dti = v.items.find((i) => i.link.href === '/en/indicators/dti/')!;
    expect(dti.note).toBe(`(index; ${model.byIndicator.get('dti')!.filter((o) => o.value !== null).length} values)`);
    expect(dti.children.find((c) => c.link.href === '/en/indicators/dti-nhan-thuc-so/')?.count).toBe(39);
    expect(v.items.some((i) => i.link.href === '/en/indicators/dti-nhan-thuc-so/')).toBe(false);
  });

  it('documents: directing documents apart from articles and pages, newest first, every document once', () => {
    const v = documentsPage(model, 'vi');
    const [directing, sources] = v.sections;
    expect(directing!.rows.length + sources!.rows.length).toBe(model.tables.documents.length);
    expect(directing!.rows.find((r) => r.link.href === '/documents/57-nq-tw/')?.link.text).toMatch(/^57-NQ\/TW: Nghị quyết/);
    expect(sources!.rows.every((r) => r.kind === 'Bài báo' || r.kind === 'Trang web')).toBe(true);
  });
});
