import { describe, expect, it } from 'vitest';
import { agenciesPage, agencyPage } from '../../../src/lib/view/agency.ts';
import { realModel } from './real-model.ts';

const model = realModel();

describe('agencyPage over the published data', () => {
  it('Bộ Khoa học và Công nghệ takes over the tasks of Bộ Thông tin và Truyền thông since 1 March 2025', () => {
    const vi = agencyPage(model, 'bo-khcn', 'vi');
    expect(vi.title).toBe('Bộ Khoa học và Công nghệ');
    expect(vi.successions.map((s) => s.text)).toContain('Đảm nhận nhiệm vụ của Bộ Thông tin và Truyền thông từ ngày 01/03/2025');
    const en = agencyPage(model, 'bo-khcn', 'en');
    expect(en.successions[0]?.agency).toEqual({ text: 'Ministry of Information and Communications', href: '/en/agencies/bo-tttt/' });
  });

  it('the merged ministry says into whom and when, and carries no task today', () => {
    const v = agencyPage(model, 'bo-tttt', 'en');
    expect(v.successions.map((s) => s.text)).toEqual(['Merged into Ministry of Science and Technology on 1 Mar 2025']);
    expect(v.tasks).toEqual([]);
    expect(v.total).toBe(0);
  });

  it("its tasks are its own and its predecessor's, each keeping the owner as written", () => {
    const v = agencyPage(model, 'bo-khcn', 'vi');
    const own = model.tasksByOwner.get('bo-khcn') ?? [];
    const inherited = model.tasksByOwner.get('bo-tttt') ?? [];
    expect(inherited.length).toBeGreaterThan(0);
    expect(new Set(v.tasks.map((x) => x.id))).toEqual(new Set([...own, ...inherited].map((x) => x.id)));
    expect(v.tasks.some((x) => x.ownerIds.includes('bo-tttt') && !x.ownerIds.includes('bo-khcn'))).toBe(true);
  });

  it('the scorecard counts add up to the number of its tasks and equal the counts of their statuses', () => {
    const v = agencyPage(model, 'bo-khcn', 'en');
    expect(v.total).toBe(v.tasks.length);
    expect(v.scorecard.reduce((sum, row) => sum + row.count, 0)).toBe(v.tasks.length);
    const onTime = v.tasks.filter((x) => x.computed === 'done_on_time').length;
    expect(v.scorecard.find((row) => row.key === 'done_on_time')?.count ?? 0).toBe(onTime);
    const past = v.tasks.filter((x) => x.computed === 'past_deadline').length;
    expect(v.scorecard.find((row) => row.key === 'past_deadline_without_completion')?.count ?? 0).toBe(past);
    expect(v.scorecard.every((row) => row.count > 0)).toBe(true);
  });

  it('a succession line names the other body once, as the link inside the sentence (it was "X … (X)")', () => {
    for (const [id, lang] of [
      ['bo-tttt', 'en'],
      ['bo-khcn', 'vi'],
      ['vinhlong-ubnd', 'vi'],
    ] as const) {
      for (const s of agencyPage(model, id, lang).successions) {
        const shown = `${s.before}${s.agency.text}${s.after}`;
        expect(shown).toBe(s.text);
        expect(shown.split(s.agency.text)).toHaveLength(2);
      }
    }
    const mic = agencyPage(model, 'bo-tttt', 'en').successions[0];
    expect([mic?.before, mic?.agency.text, mic?.after]).toEqual(['Merged into ', 'Ministry of Science and Technology', ' on 1 Mar 2025']);
  });

  it('a dated count from a source shows with its date, its sentence and its source, and changes no task', () => {
    const v = agencyPage(model, 'bo-tc', 'en');
    expect(v.reports).toHaveLength(1);
    expect(v.reports[0]).toMatchObject({
      date: 'As of 31 Jul 2025',
      text: '4 late tasks not completed',
      quote: 'Ministry of Finance (4 tasks)',
      quoteLang: 'en',
    });
    expect(v.reports[0]!.source.label).toBe('Vietnam.vn (English)');
    const vi = agencyPage(model, 'danang-so-khcn', 'vi');
    expect(vi.reports.map((r) => [r.date, r.text])).toEqual([
      ['Theo nguồn ngày 11/03/2026', '139 nhiệm vụ đã hoàn thành'],
      ['Theo nguồn ngày 11/03/2026', '9 nhiệm vụ đang thực hiện'],
    ]);
    expect(vi.tasks).toEqual([]);
    expect(vi.total).toBe(0);
    expect(agencyPage(model, 'bo-tttt', 'vi').reports).toEqual([]);
  });

  it('an unknown agency is an error, not an empty page', () => {
    expect(() => agencyPage(model, 'no-such-agency', 'vi')).toThrow('No agency with id no-such-agency.');
  });
});

describe('agenciesPage', () => {
  it('lists every agency once, with the body that carries its work today', () => {
    const v = agenciesPage(model, 'vi');
    expect(v.agencies).toHaveLength(model.agencies.length);
    const mic = v.agencies.find((a) => a.link.href === '/agencies/bo-tttt/');
    expect(mic?.successor).toEqual({ text: 'Bộ Khoa học và Công nghệ', href: '/agencies/bo-khcn/' });
    expect(mic?.tasks).toBe(0);
  });
});
