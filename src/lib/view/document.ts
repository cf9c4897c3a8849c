/**
 * The page of a document or source (/documents/{slugify(id)}/): what it is, where to read it, the
 * tasks it assigns or reports, the targets it sets, the figures that cite it and the changes of
 * administrative units it decided.
 */
import { timelineSpec } from '../charts/specs.ts';
import type { TimelineSpec } from '../charts/types.ts';
import { formatDate, formatNumber, formatPeriod } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import { areaName } from '../model/areas.ts';
import type { Model, TaskView } from '../model/index.ts';
import type { ObservationRow } from '../../schemas/index.ts';
import { isSafeUrl } from '../../schemas/cells.ts';
import { slugify } from '../text.ts';
import { communePath, documentPath, href, indicatorPath, provincePath, type Link } from './links.ts';

export interface DocumentPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  /** The document number ("57-NQ/TW") shown above the title; null for articles and pages without one. */
  number: string | null;
  name: string;
  kind: string;
  issuer: string;
  issuedOn: { date: string; text: string } | null;
  /** The public copy, when its address is safe to link. */
  url: string | null;
  /** The Vietnamese title, on English pages only. */
  titleVi: string | null;
  note: string | null;
  assigned: { heading: string; caption: string; tasks: TaskView[]; timeline: TimelineSpec } | null;
  reported: { heading: string; caption: string; tasks: TaskView[] } | null;
  targets: { heading: string; items: { link: Link; text: string }[] } | null;
  figures: { heading: string; items: { indicator: Link; text: string }[] } | null;
  changes: { heading: string; items: { area: Link; text: string }[] } | null;
}

export function documentPage(model: Model, slug: string, lang: Lang): DocumentPage {
  const d = model.documentBySlug.get(slug);
  if (!d) throw new Error(`No document with slug ${slug}.`);
  const id = d.id;
  const tasks = model.tasksByDocument.get(id) ?? [];
  const reported = model.tasks.filter((x) => x.source_id === id && x.document_id !== id);
  const targets = model.targetsByDocument.get(id) ?? [];
  const figures = model.observationsBySource.get(id) ?? [];
  const changes = model.unitChanges.filter((u) => u.document_id === id);
  const title = textIn(lang, d, 'title');
  const hasNumber = id.includes('/');
  // One pass over the figures citing the document (160,000 per document at scale L): per indicator,
  // how many, which periods, and the first few, listed when there are no more than four.
  const byIndicator = new Map<string, { first: ObservationRow[]; count: number; periods: Set<string> }>();
  for (const o of figures) {
    let group = byIndicator.get(o.indicator_id);
    if (!group) byIndicator.set(o.indicator_id, (group = { first: [], count: 0, periods: new Set() }));
    group.count++;
    group.periods.add(o.period);
    if (group.first.length < 4) group.first.push(o);
  }
  const figureText = ({ first, count, periods }: { first: ObservationRow[]; count: number; periods: Set<string> }) =>
    count <= 4
      ? first
          .map(
            (o) =>
              `${areaName(model, lang, o.area_level, o.area_code)} ${formatPeriod(o.period, lang)} = ${o.value === null ? t(lang, 'notAvailable') : formatNumber(o.value, lang)}`,
          )
          .join('; ')
      : `${count} ${t(lang, 'valuesWord')} (${[...periods].join(', ')})`;

  return {
    lang,
    path: documentPath(id),
    title: hasNumber ? `${id} — ${title}` : title,
    description: `${label(lang, d.kind)} · ${textIn(lang, d, 'issuer')}${d.issued_on ? ` · ${formatDate(d.issued_on, lang)}` : ''}`,
    number: hasNumber ? id : null,
    name: title,
    kind: label(lang, d.kind),
    issuer: textIn(lang, d, 'issuer'),
    issuedOn: d.issued_on ? { date: d.issued_on, text: formatDate(d.issued_on, lang) } : null,
    url: d.url && isSafeUrl(d.url) ? d.url : null,
    titleVi: lang === 'en' ? d.title_vi : null,
    note: d.note,
    assigned:
      tasks.length > 0
        ? {
            heading: `${t(lang, 'tasksAssigned')} (${tasks.length})`,
            caption: t(lang, 'tasksAssigned'),
            tasks,
            timeline: timelineSpec(model, lang, `timeline/document-${slugify(id)}`, tasks),
          }
        : null,
    reported:
      reported.length > 0
        ? { heading: `${t(lang, 'tasksReportedBy')} (${reported.length})`, caption: t(lang, 'tasksReported'), tasks: reported }
        : null,
    targets:
      targets.length > 0
        ? {
            heading: `${t(lang, 'targets')} (${targets.length})`,
            items: targets.map((x) => ({ link: { text: x.item ?? '', href: href(lang, `/targets/#${x.id}`) }, text: x.text_vi ?? '' })),
          }
        : null,
    figures:
      figures.length > 0
        ? {
            heading: `${t(lang, 'figures')} (${figures.length})`,
            items: [...byIndicator].map(([indicatorId, group]) => ({
              indicator: { text: textIn(lang, model.indicator.get(indicatorId)!, 'name'), href: href(lang, indicatorPath(indicatorId)) },
              text: figureText(group),
            })),
          }
        : null,
    changes:
      changes.length > 0
        ? {
            heading: `${t(lang, 'unitChanges')} (${changes.length})`,
            items: changes.map((u) => ({
              area:
                u.level === 'province'
                  ? { text: model.province.get(u.code)?.full_name_vi ?? '', href: href(lang, provincePath(u.code)) }
                  : { text: model.commune.get(u.code)?.full_name_vi ?? '', href: href(lang, communePath(u.code)) },
              text: `: ${label(lang, u.from)} → ${label(lang, u.to)} (${formatDate(u.date, lang)})`,
            })),
          }
        : null,
  };
}
