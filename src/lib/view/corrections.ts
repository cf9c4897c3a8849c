/**
 * The corrections page (/data/corrections/): every value a release corrected, old and new side by
 * side with the reason, grouped by province and by indicator so that a reader filters with links
 * (anchors), without JavaScript. The corrections come from lib/release/corrections.ts.
 */
import { formatDate } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import type { Correction } from '../release/corrections.ts';
import { slugify } from '../text.ts';
import { feedPath } from '../feeds/paths.ts';
import { href, indicatorPath, taskPath, type Link } from './links.ts';

/** The current province a corrected row is about (a former province counts under its successor), or null. */
export function correctionProvince(model: Pick<Model, 'province' | 'formerProvince' | 'commune'>, c: Correction): string | null {
  const level = c.row['area_level'] ?? '';
  const code = c.row['area_code'] ?? '';
  if (level === 'province' && model.province.has(code)) return code;
  if (level === 'former_province') return model.formerProvince.get(code)?.successor_code ?? null;
  if (level === 'commune') return model.commune.get(code)?.province_code ?? null;
  const own = c.row['province_code'] ?? '';
  return model.province.has(own) ? own : null;
}

/** The indicator a corrected row is about, or null (tasks, documents). */
export function correctionIndicator(model: Pick<Model, 'indicator'>, c: Correction): string | null {
  const id = c.row['indicator_id'] ?? '';
  return model.indicator.has(id) ? id : null;
}

/** What a corrected row is, in words, and the page it is shown on. */
export function correctionSubject(
  model: Pick<Model, 'task' | 'indicator' | 'province' | 'formerProvince'>,
  c: Correction,
  lang: Lang,
): Link {
  const path = `/data/${c.table}/changes/`;
  if (c.table === 'tasks') {
    const task = model.task.get(c.row['id'] ?? '');
    return task ? { text: textIn(lang, task, 'title'), href: href(lang, taskPath(task.id)) } : { text: c.key, href: href(lang, path) };
  }
  if (c.table === 'observations') {
    const indicator = model.indicator.get(c.row['indicator_id'] ?? '');
    const level = c.row['area_level'] ?? '';
    const code = c.row['area_code'] ?? '';
    const area = level === 'province' ? model.province.get(code) : level === 'former_province' ? model.formerProvince.get(code) : undefined;
    const areaName = area ? textIn(lang, area, 'name') : level === 'national' ? t(lang, 'national') : code;
    const name = indicator ? textIn(lang, indicator, 'name') : (c.row['indicator_id'] ?? '');
    return {
      text: `${name}, ${areaName}, ${c.row['period'] ?? ''}${c.row['as_of'] ? ` (${c.row['as_of']})` : ''}`,
      href: href(lang, indicator ? indicatorPath(indicator.id) : path),
    };
  }
  if (c.table === 'targets') return { text: `${t(lang, 'navTargets')} ${c.key}`, href: href(lang, '/targets/') };
  return { text: `${c.table} ${c.key}`, href: href(lang, path) };
}

export interface CorrectionView {
  subject: Link;
  table: string;
  key: string;
  /** The corrected column, or the "row removed" words. */
  column: string;
  before: string;
  after: string;
}

/** Corrections of one release that share a reason: the reason is said once above its rows. */
export interface ReasonGroup {
  release: string;
  heading: string;
  /** The reason as recorded (quoted from the English release notes), or the page's "no reason recorded" words. */
  reason: string;
  /** The language of `reason` when it is not the page's: "en" for a quoted reason on the Vietnamese page. */
  reasonLang: Lang | null;
  /** On the Vietnamese page, the reason in Vietnamese when a source gives it (corrections.csv `reason_vi`). */
  reasonVi: string | null;
  rows: CorrectionView[];
}

export interface CorrectionSection {
  /** Anchor of the section ("province-96", "indicator-dti", "national", "other"). */
  id: string;
  title: string;
  count: number;
  groups: ReasonGroup[];
}

export interface CorrectionsPage {
  lang: Lang;
  title: string;
  description: string;
  lead: string;
  count: string;
  byProvince: CorrectionSection[];
  byIndicator: CorrectionSection[];
  /** The "what changed in release V" feeds, newest first. */
  releaseFeeds: { version: string; href: string }[];
}

function viewOf(model: Model, c: Correction, lang: Lang): CorrectionView {
  return {
    subject: correctionSubject(model, c, lang),
    table: c.table,
    key: c.key,
    column: c.column ?? t(lang, 'correctionsRemoved'),
    before: c.before === '' ? t(lang, 'correctionsEmpty') : c.before,
    after: c.after === null ? t(lang, 'correctionsRemoved') : c.after === '' ? t(lang, 'correctionsEmpty') : c.after,
  };
}

/** Groups by release (newest first), then by reason in order of first appearance. */
function groupsOf(model: Model, list: readonly Correction[], lang: Lang): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  const sorted = [...list].sort((a, b) => b.releasedOn.localeCompare(a.releasedOn) || b.release.localeCompare(a.release));
  for (const c of sorted) {
    const reason = c.reason ?? t(lang, 'feedNoReason');
    const k = `${c.release}\u0000${reason}\u0000${c.reasonVi ?? ''}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        release: c.release,
        heading: t(lang, 'correctionsRelease', { version: c.release, date: formatDate(c.releasedOn, lang), previous: c.previous }),
        reason,
        reasonLang: c.reason !== null && lang !== 'en' ? 'en' : null,
        reasonVi: lang === 'vi' ? c.reasonVi : null,
        rows: [],
      };
      groups.set(k, g);
    }
    g.rows.push(viewOf(model, c, lang));
  }
  return [...groups.values()];
}

function sectionsBy(
  model: Model,
  corrections: readonly Correction[],
  lang: Lang,
  keyOf: (c: Correction) => string | null,
  named: (key: string) => { id: string; title: string },
  rest: { id: string; title: string },
  order: (a: string, b: string) => number,
): CorrectionSection[] {
  const by = new Map<string | null, Correction[]>();
  for (const c of corrections) {
    const k = keyOf(c);
    by.set(k, [...(by.get(k) ?? []), c]);
  }
  const keys = [...by.keys()].filter((k): k is string => k !== null).sort(order);
  const sections = keys.map((k) => ({ ...named(k), count: by.get(k)!.length, groups: groupsOf(model, by.get(k)!, lang) }));
  const others = by.get(null);
  if (others) sections.push({ ...rest, count: others.length, groups: groupsOf(model, others, lang) });
  return sections;
}

export function correctionsPage(
  model: Model,
  corrections: readonly Correction[],
  versions: readonly string[],
  lang: Lang,
): CorrectionsPage {
  const provinceName = (code: string) => {
    const p = model.province.get(code);
    return p ? textIn(lang, p, 'name') : code;
  };
  const indicatorName = (id: string) => {
    const i = model.indicator.get(id);
    return i ? textIn(lang, i, 'name') : id;
  };
  return {
    lang,
    title: t(lang, 'corrections'),
    description: t(lang, 'correctionsDescription'),
    lead: t(lang, 'correctionsLead'),
    count: corrections.length > 0 ? t(lang, 'correctionsCount', { count: corrections.length }) : t(lang, 'correctionsNone'),
    byProvince: sectionsBy(
      model,
      corrections,
      lang,
      (c) => correctionProvince(model, c),
      (code) => ({ id: `province-${code}`, title: provinceName(code) }),
      { id: 'national', title: t(lang, 'correctionsNational') },
      (a, b) => a.localeCompare(b),
    ),
    byIndicator: sectionsBy(
      model,
      corrections.filter((c) => correctionIndicator(model, c) !== null),
      lang,
      (c) => correctionIndicator(model, c),
      (id) => ({ id: `indicator-${slugify(id)}`, title: indicatorName(id) }),
      { id: 'other', title: t(lang, 'correctionsNoIndicator') },
      (a, b) => a.localeCompare(b),
    ),
    releaseFeeds: [...versions].reverse().map((v) => ({ version: v, href: href(lang, feedPath('release', v)) })),
  };
}
