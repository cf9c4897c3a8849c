/** The Atom feeds: RFC 4287's rules on every feed of the published data, stable output, dates from the data. */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  agencyFeed,
  entryId,
  FEED_ENTRY_LIMIT,
  indicatorFeed,
  provinceFeed,
  releaseFeed,
  taskFeed,
  type FeedContext,
} from '../../../src/lib/feeds/build.ts';
import { feedPath } from '../../../src/lib/feeds/paths.ts';
import type { Lang } from '../../../src/lib/i18n/index.ts';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, getModel } from '../../../src/lib/model/index.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';
import { readCorrections } from '../../../src/lib/release/corrections.ts';
import { buildReleaseHistory } from '../../../src/lib/release/history.ts';
import { buildAtomFeed } from '../../../src/lib/release/metadata.ts';
import { atomProblems, isAbsoluteIri, parseAtom, textOf } from './atom-rules.ts';

const DATA = join(import.meta.dirname, '../../../data');
const BASE = 'https://nq57.example.org';

const context = (lang: Lang): FeedContext => ({
  model: getModel(DATA),
  history: buildReleaseHistory(DATA),
  corrections: readCorrections(DATA),
  base: BASE,
  lang,
});

/** Every feed the site publishes, by its path, in one language. */
function allFeeds(lang: Lang): Map<string, string> {
  const ctx = context(lang);
  const out = new Map<string, string>();
  for (const p of ctx.model.provinces) out.set(feedPath('province', p.code), buildAtomFeed(provinceFeed(ctx, p.code)));
  for (const a of ctx.model.agencies) out.set(feedPath('agency', a.id), buildAtomFeed(agencyFeed(ctx, a.id)));
  for (const id of ctx.model.indicator.keys()) out.set(feedPath('indicator', id), buildAtomFeed(indicatorFeed(ctx, id)));
  for (const task of ctx.model.tasks) out.set(feedPath('task', task.id), buildAtomFeed(taskFeed(ctx, task.id)));
  for (const h of ctx.history) out.set(feedPath('release', h.release.version), buildAtomFeed(releaseFeed(ctx, h.release.version)));
  return out;
}

type Entry = { id: unknown[]; title: unknown[]; updated: unknown[]; summary: unknown[] };
const entriesOf = (xml: string) =>
  ((parseAtom(xml)['feed'] as { entry?: Entry[] }).entry ?? []).map((e) => ({
    id: textOf(e.id[0]),
    title: textOf(e.title[0]),
    updated: textOf(e.updated[0]),
    summary: textOf(e.summary[0]),
  }));

afterEach(() => {
  vi.useRealTimers();
});

describe('the RFC 4287 checks', () => {
  it('find what a broken feed breaks', () => {
    const broken = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>not an iri</id><title>a</title><title>b</title><updated>2026-12-02</updated>
<entry><id>tag:e.org,2026:x</id><title>x</title><updated>2026-12-02T00:00:00Z</updated></entry>
<entry><id>tag:e.org,2026:x</id><title>y</title><updated>2026-13-02T00:00:00Z</updated><link href="/relative"/></entry></feed>`;
    expect(atomProblems(broken)).toEqual([
      'feed: id "not an iri" is not an absolute IRI',
      'feed: 2 atom:title elements, exactly one required',
      'feed updated: "2026-12-02" is not an RFC 3339 date-time',
      'entry 1: neither an alternate link nor content (RFC 4287 4.1.2)',
      'entry 1: no author, and the feed has none (RFC 4287 4.1.1)',
      'entry 2: id "tag:e.org,2026:x" is used twice',
      'entry 2 updated: "2026-13-02T00:00:00Z" is not an RFC 3339 date-time',
      'entry 2: link href "/relative" is not an absolute IRI',
      'entry 2: no author, and the feed has none (RFC 4287 4.1.1)',
    ]);
    expect(atomProblems('<feed><id>x</feed>')[0]).toMatch(/^document: not well-formed XML/);
    expect(isAbsoluteIri('tag:nq57.example.org,2026-11-22:vi/task/a')).toBe(true);
    expect(isAbsoluteIri('tag:nq57.example.org:vi/task/a')).toBe(false);
  });
});

describe('buildAtomFeed', () => {
  it('escapes Vietnamese text with &, < and > so that it parses back to the same characters', () => {
    const title = 'Hà Nội & Đà Nẵng <b>“0,8241”</b> "quote"';
    const xml = buildAtomFeed({
      id: `${BASE}/x.atom`,
      title,
      link: `${BASE}/?a=1&b=2`,
      updated: '2026-12-02',
      author: 'Cổng dữ liệu <NQ57>',
      lang: 'vi',
      entries: [{ id: 'tag:nq57.example.org,2026-11-22:vi/x', title, updated: '2025-05-25', link: `${BASE}/`, summary: 'a < b \u0007' }],
    });
    expect(xml).toContain('Hà Nội &amp; Đà Nẵng &lt;b&gt;“0,8241”&lt;/b&gt; &quot;quote&quot;');
    expect(xml).not.toContain('<b>');
    expect(atomProblems(xml)).toEqual([]);
    const [entry] = entriesOf(xml);
    expect(entry).toEqual({ id: 'tag:nq57.example.org,2026-11-22:vi/x', title, updated: '2025-05-25T00:00:00Z', summary: 'a < b ' });
    expect(entry!.title.normalize('NFC')).toBe(entry!.title);
  });
});

describe('the feeds of the published data', () => {
  const feeds = { vi: allFeeds('vi'), en: allFeeds('en') };

  it('one feed per province, agency, indicator, task and release, in each language', () => {
    const model = getModel(DATA);
    const count =
      model.provinces.length + model.agencies.length + model.indicator.size + model.tasks.length + buildReleaseHistory(DATA).length;
    expect(feeds.vi.size).toBe(count);
    expect(feeds.en.size).toBe(count);
  });

  it('every feed keeps the rules of RFC 4287', () => {
    const problems = (['vi', 'en'] as const).flatMap((lang) =>
      [...feeds[lang]].flatMap(([path, xml]) => atomProblems(xml).map((p) => `${lang} ${path} ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('is the same, byte for byte, when built again on another day: nothing reads the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T12:00:00Z'));
    const again = allFeeds('vi');
    expect([...again.keys()]).toEqual([...feeds.vi.keys()]);
    for (const [path, xml] of again) expect(xml, path).toBe(feeds.vi.get(path));
  });

  it('dates every entry from the data: a report by its date, a task by its assignment, a correction by its release', () => {
    const model = getModel(DATA);
    const task = model.tasks.find((x) => x.reports.length > 0 && x.assigned_on)!;
    const entries = entriesOf(feeds.en.get(feedPath('task', task.id))!);
    const report = task.reports[0]!;
    expect(
      entries.find((e) => e.id === entryId({ base: BASE, lang: 'en' }, 'task', task.id, 'report', report.reported_on, report.source_id))
        ?.updated,
    ).toBe(`${report.reported_on}T00:00:00Z`);
    expect(entries.find((e) => e.id === entryId({ base: BASE, lang: 'en' }, 'task', task.id))?.updated).toBe(
      `${task.assigned_on}T00:00:00Z`,
    );
    const camau = entriesOf(feeds.en.get(feedPath('task', 'camau-ai-thi-diem'))!);
    expect(camau.filter((e) => e.title.startsWith('Correction:')).map((e) => e.updated)).toEqual([
      '2026-12-02T00:00:00Z',
      '2026-12-02T00:00:00Z',
    ]);
  });

  it('the feed of release 1.1.0 lists its new tasks and reports, new figures by indicator, and each correction with old and new value', () => {
    const entries = entriesOf(feeds.en.get(feedPath('release', '1.1.0'))!);
    const changes = buildReleaseHistory(DATA)[1]!.changes;
    const added = (table: string) => changes.find((c) => c.table === table)!.counts.added;
    expect(entries.filter((e) => e.id.includes('/release/1.1.0/tasks/')).length).toBe(added('tasks'));
    expect(entries.filter((e) => e.id.includes('/release/1.1.0/progress_reports/')).length).toBe(added('progress_reports'));
    expect(entries.filter((e) => e.id.includes('/correction/1.1.0/')).length).toBe(readCorrections(DATA).length);
    const target = entries.find((e) => e.id.endsWith('/correction/1.1.0/targets/nq03-2030-11-2/comparator'))!;
    expect(target.summary).toContain('Release 1.1.0: “=” → “>=”.');
    expect(target.summary).toContain('Reason: 22 targets of 03/NQ-CP Appendix I written as a bare number');
    const removed = entries.find((e) => e.id.includes('/correction/1.1.0/observations/dti%20%7C%20national%20%7C%20VN%20%7C%202024/'))!;
    expect(removed.summary).toContain('“0.6961” → “Row removed”');
    expect(entries.some((e) => e.id.endsWith('/release/1.1.0/observations/pci'))).toBe(true);
  });

  it('the same entries in both languages, with the language in the id', () => {
    const vi = entriesOf(feeds.vi.get(feedPath('province', '96'))!).map((e) => e.id.replace(':vi/', ':*/'));
    const en = entriesOf(feeds.en.get(feedPath('province', '96'))!).map((e) => e.id.replace(':en/', ':*/'));
    expect(vi.length).toBeGreaterThan(0);
    expect(vi).toEqual(en);
  });

  it('a province feed holds its figures and the corrections about it', () => {
    const entries = entriesOf(feeds.vi.get(feedPath('province', '01'))!);
    expect(entries.some((e) => e.id.endsWith('/figure/dti/province/01/2024/'))).toBe(true);
    const camau = entriesOf(feeds.en.get(feedPath('province', '96'))!);
    expect(camau.filter((e) => e.id.includes('/correction/1.1.0/tasks/camau-')).length).toBe(12);
  });

  it('no feed of the published data reaches the entry limit: none is cut', () => {
    const counts = [...feeds.vi.values(), ...feeds.en.values()].map((xml) => entriesOf(xml).length);
    expect(Math.max(...counts)).toBeLessThan(FEED_ENTRY_LIMIT);
  });

  it('a feed over the limit keeps its newest entries, in the same order, and its date', () => {
    const whole = provinceFeed(context('vi'), '86');
    const limit = Math.floor(whole.entries.length / 3);
    const cut = provinceFeed({ ...context('vi'), entryLimit: limit }, '86');
    expect(whole.entries.length).toBeGreaterThan(limit);
    expect(cut.entries).toEqual(whole.entries.slice(0, limit));
    expect(cut.updated).toBe(whole.updated);
    expect(atomProblems(buildAtomFeed(cut))).toEqual([]);
  });
});

describe("an indicator's feed over the limit (SYNTHETIC figures over the valid fixture)", () => {
  const dir = join(import.meta.dirname, '../../fixtures/valid');
  const data = validateDataset(dir);
  // SYNTHETIC: 40 monthly figures of DTI for each of two provinces, published on dates out of the periods' order.
  const synthetic = Array.from({ length: 80 }, (_, i): ObservationRow => {
    const m = i % 40;
    return {
      indicator_id: 'dti',
      area_level: 'province',
      area_code: i < 40 ? '01' : '79',
      period: `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
      value: i / 100,
      source_id: 'fixture-article',
      published_on: `2025-${String(((m * 7) % 12) + 1).padStart(2, '0')}-${String((m % 28) + 1).padStart(2, '0')}`,
      method: 'as_published',
      note: 'SYNTHETIC',
    } as ObservationRow;
  });
  const model = buildModel({ ...data.tables, observations: [...data.tables.observations, ...synthetic] }, data.meta!, dir);
  const ctx: FeedContext = { model, history: [], corrections: [], base: BASE, lang: 'en' };

  it('writes out only its newest figure groups: the same entries as cutting the whole feed', () => {
    const whole = indicatorFeed(ctx, 'dti');
    expect(whole.entries.length).toBeGreaterThanOrEqual(40);
    for (const limit of [1, 7, 25]) {
      const cut = indicatorFeed({ ...ctx, entryLimit: limit }, 'dti');
      expect(cut.entries).toEqual(whole.entries.slice(0, limit));
      expect(cut.updated).toBe(whole.updated);
    }
  });

  it('makes one entry per period, as-of date, level and source, dated by its newest publication or, undated, by the data’s date', () => {
    // SYNTHETIC: a second source beside fixture-article in the same periods, and figures without a publication date.
    const more = synthetic.slice(0, 12).map((o, i): ObservationRow => ({
      ...o,
      area_code: '79',
      source_id: i % 2 === 0 ? '118/2025/NĐ-CP' : o.source_id,
      published_on: i % 3 === 0 ? null : o.published_on,
    }));
    const rows = [...data.tables.observations, ...synthetic.slice(40), ...more];
    const m = buildModel({ ...data.tables, observations: rows }, data.meta!, dir);
    const feed = indicatorFeed({ ...ctx, model: m }, 'dti');
    // The groups worked out from the rows themselves.
    const expected = new Map<string, { count: number; updated: string }>();
    for (const o of rows.filter((r) => r.indicator_id === 'dti')) {
      const id = entryId(ctx, 'figures', o.indicator_id, o.period, o.as_of ?? '', o.area_level, o.source_id);
      const date = o.published_on ?? m.asOf;
      const g = expected.get(id) ?? { count: 0, updated: '' };
      expected.set(id, { count: g.count + 1, updated: date > g.updated ? date : g.updated });
    }
    expect(feed.entries.length).toBe(expected.size);
    expect(feed.entries.filter((e) => e.id.endsWith(`/${encodeURIComponent('118/2025/NĐ-CP')}`)).length).toBe(6);
    for (const e of feed.entries) {
      const g = expected.get(e.id);
      expect(g, e.id).toBeDefined();
      expect(e.updated.slice(0, 10)).toBe(g!.updated);
      expect(e.title).toContain(String(g!.count));
    }
  });

  it('is the same in one language whether or not the other language’s feed was built first (its figure groups are worked out once for both)', () => {
    const fresh = () => buildModel({ ...data.tables, observations: [...data.tables.observations, ...synthetic] }, data.meta!, dir);
    for (const [first, second] of [
      ['en', 'vi'],
      ['vi', 'en'],
    ] as const) {
      const alone = indicatorFeed({ ...ctx, model: fresh(), lang: second, entryLimit: 7 }, 'dti');
      const model = fresh();
      indicatorFeed({ ...ctx, model, lang: first, entryLimit: 7 }, 'dti');
      const after = indicatorFeed({ ...ctx, model, lang: second, entryLimit: 7 }, 'dti');
      expect(after.entries.length).toBe(7);
      expect(after).toEqual(alone);
    }
    // A feed cut shorter first (a smaller limit) leaves the whole feed whole.
    const model = fresh();
    indicatorFeed({ ...ctx, model, entryLimit: 1 }, 'dti');
    expect(indicatorFeed({ ...ctx, model }, 'dti')).toEqual(indicatorFeed({ ...ctx, model: fresh() }, 'dti'));
  });
});

describe('the reason of a correction in a feed', () => {
  it('is the English reason in both languages, or the Vietnamese wording on the Vietnamese feed when corrections.csv gives one', () => {
    const base = context('vi');
    const first = base.corrections.find((c) => c.table === 'tasks' && c.row['id']?.startsWith('camau-'))!;
    const summaryOf = (lang: Lang, reasonVi: string | null) => {
      const ctx = { ...context(lang), corrections: [{ ...first, reasonVi }] };
      return taskFeed(ctx, first.row['id']!).entries.find((e) => e.id.includes('/correction/'))!.summary;
    };
    expect(summaryOf('vi', null)).toContain(first.reason!);
    // SYNTHETIC wording, as a Vietnamese source would give it.
    expect(summaryOf('vi', 'SYNTHETIC: lý do bằng tiếng Việt.')).toContain('SYNTHETIC: lý do bằng tiếng Việt.');
    expect(summaryOf('vi', 'SYNTHETIC: lý do bằng tiếng Việt.')).not.toContain(first.reason!);
    expect(summaryOf('en', 'SYNTHETIC: lý do bằng tiếng Việt.')).toContain(first.reason!);
  });
});
