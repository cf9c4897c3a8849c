/**
 * The Atom feeds of the site (docs/feeds.md): per province, agency, indicator and task, and one per
 * release ("what changed in release V") from the cell-level diffs. Pure: the model, the release
 * history and the corrections come in; buildAtomFeed (release/metadata.ts) writes the XML.
 *
 * Stable across rebuilds: every id is a tag URI (RFC 4151) made of the data's own keys, and every
 * date comes from the data (assignment, report, publication or release date), never from the clock.
 */
import { TABLES, type ObservationRow } from '../../schemas/index.ts';
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import { areaKey } from '../model/keys.ts';
import type { Correction } from '../release/corrections.ts';
import { joinKey, type Row } from '../release/diff.ts';
import type { ReleaseHistoryEntry } from '../release/history.ts';
import type { Feed, FeedEntry } from '../release/metadata.ts';
import { correctionIndicator, correctionProvince, correctionSubject } from '../view/corrections.ts';
import { href, indicatorPath, taskPath } from '../view/links.ts';
import { sourceRef } from '../view/source.ts';
import { feedPath, followedPath, type FeedKind } from './paths.ts';

/**
 * The date in every entry id: the date of the first release (2026-11-22), when the portal's ids were
 * first published under its domain (a tag URI names an authority and a date it held the name).
 */
export const TAG_DATE = '2026-11-22';

export interface FeedContext {
  model: Model;
  history: readonly ReleaseHistoryEntry[];
  corrections: readonly Correction[];
  /** The site's URL without a trailing slash ("https://nq57.example.org"). */
  base: string;
  lang: Lang;
  /** Most entries in one feed (default FEED_ENTRY_LIMIT). */
  entryLimit?: number;
}

/**
 * Most entries one feed holds: the newest. An Atom feed is a sliding window unless it says it is
 * complete (RFC 5005, section 2); the full history is in the downloads and on the pages. The largest
 * feed of the real data holds 324 entries (release 1.1.0), so none of them is cut; at benchmark scale
 * M50 an indicator's feed would hold 27,665 entries (12 MB) and every province's over 1,200.
 */
export const FEED_ENTRY_LIMIT = 500;

/** The release that first published each row, by table and key (as the changelog writes keys). */
type FirstSeen = Map<string, Map<string, { version: string; date: string }>>;

const firstSeenCache = new WeakMap<readonly ReleaseHistoryEntry[], FirstSeen>();

function firstSeen(history: readonly ReleaseHistoryEntry[]): FirstSeen {
  const hit = firstSeenCache.get(history);
  if (hit) return hit;
  const seen: FirstSeen = new Map();
  for (const h of history)
    for (const c of h.changes) {
      const def = TABLES.find((d) => d.name === c.table);
      if (!def) continue;
      const keys = seen.get(c.table) ?? new Map();
      for (const row of c.added) {
        const k = rowKey(def.primaryKey, row);
        if (!keys.has(k)) keys.set(k, { version: h.release.version, date: h.release.released_on });
      }
      seen.set(c.table, keys);
    }
  firstSeenCache.set(history, seen);
  return seen;
}

const rowKey = (primaryKey: readonly string[], row: Row) => joinKey(primaryKey.map((k) => row[k] ?? ''));

const hosts = new Map<string, string>();

/** A tag URI for an entry: the site's host, TAG_DATE, the language, then the data's own keys (percent-encoded). */
export function entryId(ctx: Pick<FeedContext, 'base' | 'lang'>, ...parts: string[]): string {
  // The host once per base: an indicator's feed makes ≈ 27,000 ids at bench scale M50.
  let host = hosts.get(ctx.base);
  if (host === undefined) hosts.set(ctx.base, (host = new URL(ctx.base || 'https://nq57.example.org').hostname));
  return `tag:${host},${TAG_DATE}:${ctx.lang}/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
}

const url = (ctx: FeedContext, path: string) => `${ctx.base}${href(ctx.lang, path)}`;

/** Newest first; entries of the same date by id, so the order never depends on the input's. */
function sortEntries(entries: FeedEntry[]): FeedEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))).sort(newestFirst);
}

/**
 * Newest `updated` first, then by id. Every `updated` is an ISO date from the data (validated), so code-unit
 * order is date order; localeCompare gave the same order at 20× the cost (an indicator's feed sorts ≈ 27,000
 * groups at bench scale M50).
 */
function newestFirst(a: Pick<FeedEntry, 'id' | 'updated'>, b: Pick<FeedEntry, 'id' | 'updated'>): number {
  return a.updated > b.updated ? -1 : a.updated < b.updated ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function taskEntries(ctx: FeedContext, task: TaskView): FeedEntry[] {
  const { model, lang } = ctx;
  const title = textIn(lang, task, 'title');
  const first = firstSeen(ctx.history).get('tasks')?.get(task.id);
  const link = url(ctx, taskPath(task.id));
  const entries: FeedEntry[] = [
    {
      id: entryId(ctx, 'task', task.id),
      title: t(lang, 'feedTaskNew', { title }),
      updated: task.assigned_on ?? first?.date ?? model.asOf,
      link,
      summary: t(lang, 'feedTaskSummary', {
        document: task.document_id,
        owner: textIn(lang, task, 'owner'),
        due: task.due_text ?? t(lang, 'none'),
      }),
    },
  ];
  for (const r of task.reports) {
    const source = sourceRef(model, lang, r.source_id, r.reported_on);
    entries.push({
      id: entryId(ctx, 'task', task.id, 'report', r.reported_on, r.source_id),
      title: t(lang, 'feedReport', { title, word: r.status_word }),
      updated: r.reported_on,
      link,
      summary: [
        t(lang, 'feedReportSummary', {
          reported: formatDate(r.reported_on, lang),
          describes: formatDate(r.describes_on, lang),
          source: source.label,
          word: r.status_word,
          status: label(lang, r.status),
        }),
        r.evidence_vi ?? '',
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  for (const h of ctx.history)
    for (const s of h.statusChanges)
      if (s.id === task.id)
        entries.push({
          id: entryId(ctx, 'task', task.id, 'status', h.release.version),
          title: t(lang, 'feedStatusChange', { title, before: label(lang, s.before), after: label(lang, s.after) }),
          updated: h.release.released_on,
          link,
          summary: t(lang, 'feedStatusChangeSummary', { version: h.release.version, date: formatDate(h.release.released_on, lang) }),
        });
  return entries;
}

function correctionEntry(ctx: FeedContext, c: Correction): FeedEntry {
  const { model, lang } = ctx;
  const subject = correctionSubject(model, c, lang).text;
  const after = c.after === null ? t(lang, 'correctionsRemoved') : c.after === '' ? t(lang, 'correctionsEmpty') : c.after;
  return {
    id: entryId(ctx, 'correction', c.release, c.table, c.key, c.column ?? 'row-removed'),
    title: c.column === null ? t(lang, 'feedCorrectionRemoved', { subject }) : t(lang, 'feedCorrection', { subject, column: c.column }),
    updated: c.releasedOn,
    link: url(ctx, '/data/corrections/'),
    summary: [
      t(lang, 'feedCorrectionSummary', { version: c.release, before: c.before, after }),
      c.reason ? t(lang, 'feedReason', { reason: (lang === 'vi' ? c.reasonVi : null) ?? c.reason }) : t(lang, 'feedNoReason'),
    ].join(' '),
  };
}

function areaName(model: Model, level: string, code: string, lang: Lang): string {
  if (level === 'province') {
    const p = model.province.get(code);
    if (p) return textIn(lang, p, 'name');
  }
  if (level === 'former_province') {
    const p = model.formerProvince.get(code);
    if (p) return textIn(lang, p, 'name');
  }
  if (level === 'national') return t(lang, 'national');
  return code;
}

function figureEntry(ctx: FeedContext, o: ObservationRow): FeedEntry {
  const { model, lang } = ctx;
  const indicator = model.indicator.get(o.indicator_id)!;
  const first = firstSeen(ctx.history)
    .get('observations')
    ?.get(joinKey([o.indicator_id, o.area_level, o.area_code, o.period, o.as_of ?? '']));
  const source = sourceRef(model, lang, o.source_id, o.published_on);
  return {
    id: entryId(ctx, 'figure', o.indicator_id, o.area_level, o.area_code, o.period, o.as_of ?? ''),
    title: t(lang, 'feedFigure', {
      name: textIn(lang, indicator, 'name'),
      area: areaName(model, o.area_level, o.area_code, lang),
      period: formatPeriod(o.period, lang),
      value: formatValue(o.value, indicator, lang, t(lang, 'noData')),
    }),
    updated: o.published_on ?? first?.date ?? model.asOf,
    link: url(ctx, indicatorPath(o.indicator_id)),
    summary: [t(lang, 'feedFigureSummary', { source: source.label, date: source.dateText }), o.quote ? `“${o.quote}”` : '']
      .filter(Boolean)
      .join(' '),
  };
}

/** A figure group a feed holds: its observations as row numbers of the model's observations table, and its date. */
interface FigureGroup {
  rows: Uint32Array;
  updated: string;
}

/** The groups each indicator's feed holds, by release history, model, indicator and entry limit: the same for both languages. */
const heldGroups = new WeakMap<readonly ReleaseHistoryEntry[], WeakMap<Model, Map<string, FigureGroup[]>>>();

/**
 * The figure groups of an indicator's feed, newest first, cut at the feed's limit: its figures grouped
 * by publication (period, as-of date, level, source), in row order. Only the groups a feed can hold are
 * kept: the others would fall past the feed's limit whatever else it holds (feedOf keeps the newest by
 * the same order, and no other entry shares a group's id). At bench scale M50 an indicator has ≈ 27,000
 * groups of up to 3,321 figures each, and writing all their summaries took 0.14 s per feed.
 *
 * Worked out once for both languages' feeds: an entry id differs between languages only in its prefix,
 * so the order is the same. Kept as row numbers, not rows: the model makes an indicator's 79,000 rows
 * (M50) each time they are asked for, and holding every indicator's rows until the second language's
 * feeds would hold every observation.
 */
function figureGroups(ctx: FeedContext, indicatorId: string): FigureGroup[] {
  const { model } = ctx;
  const limit = ctx.entryLimit ?? FEED_ENTRY_LIMIT;
  let byModel = heldGroups.get(ctx.history);
  if (!byModel) heldGroups.set(ctx.history, (byModel = new WeakMap()));
  let known = byModel.get(model);
  if (!known) byModel.set(model, (known = new Map()));
  const memoKey = `${indicatorId}\u0000${limit}`;
  const hit = known.get(memoKey);
  if (hit) return hit;
  // Grouped on the store's dictionary codes, not on rows: no row is made but a group's first (its entry
  // id), and a group's key is four small integers instead of a period, dates and a source URL.
  const numbers = model.byIndicator.rowNumbers(indicatorId);
  const table = model.tables.observations;
  const period = table.codes('period');
  const asOf = table.codes('as_of');
  const level = table.codes('area_level');
  const source = table.codes('source_id');
  const published = table.codes('published_on');
  const groups = new Map<string, number[]>();
  for (const i of numbers) {
    const k = `${period.codes[i]},${asOf.codes[i]},${level.codes[i]},${source.codes[i]}`;
    // Pushed in place: copying the group on every row was quadratic (0.7 s per indicator feed at bench scale M50).
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  }
  const seen = firstSeen(ctx.history).get('observations');
  const held = [...groups.values()]
    .map((list) => {
      let updated = '';
      for (const i of list) {
        let date = published.dict[published.codes[i]!] as string | null;
        if (date === null) {
          const x = table.row(i);
          date = seen?.get(joinKey([x.indicator_id, x.area_level, x.area_code, x.period, x.as_of ?? '']))?.date ?? model.asOf;
        }
        if (date > updated) updated = date;
      }
      const o = table.row(list[0]!);
      return { list, updated, id: entryId(ctx, 'figures', o.indicator_id, o.period, o.as_of ?? '', o.area_level, o.source_id) };
    })
    .sort(newestFirst)
    .slice(0, limit)
    .map(({ list, updated }) => ({ rows: Uint32Array.from(list), updated }));
  known.set(memoKey, held);
  return held;
}

/** An indicator's figures, one entry per publication: same period, as-of date, source and level (figureGroups). */
function figureGroupEntries(ctx: FeedContext, indicatorId: string): FeedEntry[] {
  const { model, lang } = ctx;
  return figureGroups(ctx, indicatorId).map(({ rows, updated }) => {
    const list = Array.from(rows, (i) => model.tables.observations.row(i));
    const o = list[0]!;
    const id = entryId(ctx, 'figures', o.indicator_id, o.period, o.as_of ?? '', o.area_level, o.source_id);
    const indicator = model.indicator.get(o.indicator_id)!;
    const source = sourceRef(model, lang, o.source_id, o.published_on);
    return {
      id,
      title: t(lang, 'feedFigures', { name: textIn(lang, indicator, 'name'), period: formatPeriod(o.period, lang), count: list.length }),
      updated,
      link: url(ctx, indicatorPath(o.indicator_id)),
      summary: [
        t(lang, 'feedFigureSummary', { source: source.label, date: source.dateText }),
        list
          .map((x) => `${areaName(model, x.area_level, x.area_code, lang)}: ${formatValue(x.value, indicator, lang, t(lang, 'noData'))}`)
          .join('; '),
      ].join(' '),
    };
  });
}

/** The feed's date: its newest entry or the latest release, whichever is later (both from the data). */
function feedOf(ctx: FeedContext, kind: FeedKind, id: string, title: string, entries: FeedEntry[]): Feed {
  const sorted = sortEntries(entries);
  const released = ctx.history.at(-1)?.release.released_on ?? ctx.model.asOf;
  const newest = sorted[0]?.updated ?? released;
  return {
    id: url(ctx, feedPath(kind, id)),
    title,
    subtitle: t(ctx.lang, 'feedSubtitle'),
    link: url(ctx, followedPath(kind, id)),
    self: url(ctx, feedPath(kind, id)),
    updated: newest > released ? newest : released,
    lang: ctx.lang,
    author: ctx.model.meta.publisher,
    entries: sorted.slice(0, ctx.entryLimit ?? FEED_ENTRY_LIMIT),
  };
}

export function provinceFeed(ctx: FeedContext, code: string): Feed {
  const { model, lang } = ctx;
  const province = model.province.get(code);
  if (!province) throw new Error(`No province with code ${code}.`);
  const tasks = (model.tasksForProvince.get(code) ?? []).map((x) => x.task);
  // The figures of the former provinces merged into it too: their history is the province's.
  const figures = [
    ...(model.byArea.get(areaKey('province', code)) ?? []),
    ...(model.formerBySuccessor.get(code) ?? []).flatMap((f) => model.byArea.get(areaKey('former_province', f.code)) ?? []),
  ];
  return feedOf(ctx, 'province', code, t(lang, 'feedProvince', { name: textIn(lang, province, 'name') }), [
    ...tasks.flatMap((task) => taskEntries(ctx, task)),
    ...figures.map((o) => figureEntry(ctx, o)),
    ...ctx.corrections.filter((c) => correctionProvince(model, c) === code).map((c) => correctionEntry(ctx, c)),
  ]);
}

export function agencyFeed(ctx: FeedContext, id: string): Feed {
  const { model, lang } = ctx;
  const agency = model.agency.get(id);
  if (!agency) throw new Error(`No agency with id ${id}.`);
  const tasks = model.tasksByCurrentOwner.get(id) ?? [];
  const ids = new Set(tasks.map((x) => x.id));
  return feedOf(ctx, 'agency', id, t(lang, 'feedAgency', { name: textIn(lang, agency, 'name') }), [
    ...tasks.flatMap((task) => taskEntries(ctx, task)),
    ...ctx.corrections.filter((c) => c.table === 'tasks' && ids.has(c.row['id'] ?? '')).map((c) => correctionEntry(ctx, c)),
  ]);
}

export function indicatorFeed(ctx: FeedContext, id: string): Feed {
  const { model, lang } = ctx;
  const indicator = model.indicator.get(id);
  if (!indicator) throw new Error(`No indicator with id ${id}.`);
  return feedOf(ctx, 'indicator', id, t(lang, 'feedIndicator', { name: textIn(lang, indicator, 'name') }), [
    ...figureGroupEntries(ctx, id),
    ...ctx.corrections.filter((c) => correctionIndicator(model, c) === id).map((c) => correctionEntry(ctx, c)),
  ]);
}

export function taskFeed(ctx: FeedContext, id: string): Feed {
  const task = ctx.model.task.get(id);
  if (!task) throw new Error(`No task with id ${id}.`);
  return feedOf(ctx, 'task', id, t(ctx.lang, 'feedTask', { id }), [
    ...taskEntries(ctx, task),
    ...ctx.corrections.filter((c) => c.table === 'tasks' && c.row['id'] === id).map((c) => correctionEntry(ctx, c)),
  ]);
}

/**
 * What changed in a release, from its cell-level diff against the one before: the release itself,
 * each new task and progress report, the new figures (one entry per indicator), the rows added to
 * other tables (one entry per table), and each correction with its old and new value.
 */
export function releaseFeed(ctx: FeedContext, version: string): Feed {
  const { model, lang } = ctx;
  const h = ctx.history.find((x) => x.release.version === version);
  if (!h) throw new Error(`No release ${version}.`);
  const date = h.release.released_on;
  const entry = (parts: string[], title: string, path: string, summary: string): FeedEntry => ({
    id: entryId(ctx, 'release', version, ...parts),
    title,
    updated: date,
    link: url(ctx, path),
    summary,
  });
  const entries: FeedEntry[] = [
    entry(
      [],
      t(lang, 'feedReleaseEntry', { version, date: formatDate(date, lang) }),
      followedPath('release', version),
      [
        h.previous
          ? t(lang, 'feedReleaseSummary', {
              added: String(h.totals.added),
              removed: String(h.totals.removed),
              changed: String(h.totals.changed),
              previous: h.previous,
            })
          : '',
        h.release.notes.slice(0, 1000),
      ]
        .filter(Boolean)
        .join(' '),
    ),
  ];
  for (const c of h.changes) {
    if (c.counts.added === 0) continue;
    const def = TABLES.find((d) => d.name === c.table)!;
    const tableTitle = lang === 'vi' ? def.title_vi : def.title_en;
    if (c.table === 'tasks') {
      for (const row of c.added) {
        const task = model.task.get(row['id'] ?? '');
        const title = task ? textIn(lang, task, 'title') : (row['title_vi'] ?? row['id'] ?? '');
        entries.push(
          entry(
            ['tasks', row['id'] ?? ''],
            t(lang, 'feedTaskNew', { title }),
            taskPath(row['id'] ?? ''),
            t(lang, 'feedTaskSummary', {
              document: row['document_id'] ?? '',
              owner: task ? textIn(lang, task, 'owner') : (row['owner'] ?? ''),
              due: row['due_text'] || row['deadline'] || t(lang, 'none'),
            }),
          ),
        );
      }
    } else if (c.table === 'progress_reports') {
      for (const row of c.added) {
        const task = model.task.get(row['task_id'] ?? '');
        const title = task ? textIn(lang, task, 'title') : (row['task_id'] ?? '');
        entries.push(
          entry(
            ['progress_reports', rowKey(def.primaryKey, row)],
            t(lang, 'feedReport', { title, word: row['status_word'] ?? '' }),
            taskPath(row['task_id'] ?? ''),
            [
              t(lang, 'feedReportSummary', {
                reported: formatDate(row['reported_on'] ?? '', lang),
                describes: formatDate(row['describes_on'] ?? '', lang),
                source: sourceRef(model, lang, row['source_id'] ?? '', null).label,
                word: row['status_word'] ?? '',
                status: label(lang, row['status'] ?? ''),
              }),
              row['evidence_vi'] ?? '',
            ]
              .filter(Boolean)
              .join(' '),
          ),
        );
      }
    } else if (c.table === 'observations') {
      const byIndicator = new Map<string, Row[]>();
      for (const row of c.added) {
        const list = byIndicator.get(row['indicator_id'] ?? '');
        if (list) list.push(row);
        else byIndicator.set(row['indicator_id'] ?? '', [row]);
      }
      for (const [id, rows] of byIndicator) {
        const indicator = model.indicator.get(id);
        const name = indicator ? textIn(lang, indicator, 'name') : id;
        const periods = [...new Set(rows.map((r) => r['period'] ?? ''))].sort();
        entries.push(
          entry(
            ['observations', id],
            t(lang, 'feedFigures', { name, period: periods.map((p) => formatPeriod(p, lang)).join(', '), count: rows.length }),
            indicator ? indicatorPath(id) : `/data/observations/changes/`,
            rows
              .map((r) => {
                const value = r['value'] ? Number(r['value']) : null;
                return `${areaName(model, r['area_level'] ?? '', r['area_code'] ?? '', lang)} ${formatPeriod(r['period'] ?? '', lang)}: ${
                  indicator ? formatValue(value, indicator, lang, t(lang, 'noData')) : (r['value'] ?? '')
                }`;
              })
              .join('; '),
          ),
        );
      }
    } else {
      entries.push(
        entry(
          ['added', c.table],
          t(lang, 'feedAdded', { table: tableTitle, count: c.counts.added }),
          `/data/${c.table}/changes/`,
          tableTitle,
        ),
      );
    }
  }
  for (const c of ctx.corrections) if (c.release === version) entries.push(correctionEntry(ctx, c));
  return feedOf(ctx, 'release', version, t(lang, 'feedRelease', { version }), entries);
}
