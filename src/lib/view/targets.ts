/**
 * The targets page (/targets/): the targets of Resolution 57-NQ/TW and Appendix I of Resolution
 * 03/NQ-CP, grouped by document and horizon, quoted, with the latest national value of the
 * indicator that measures each (values.ts gap rule) and the gap to the target.
 */
import { formatComparator, formatNumber, formatPeriod } from '../format.ts';
import { t, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { gapToTarget } from '../model/indicators.ts';
import type { TargetRow } from '../../schemas/index.ts';
import { slugify } from '../text.ts';
import { documentPath, href, indicatorPath, type Link } from './links.ts';
import { latestOf } from './values.ts';

/** The documents and horizons the page groups targets by, in this order. */
const DOCUMENTS = ['57-NQ/TW', '03/NQ-CP'] as const;
const HORIZONS = ['2030', '2045'] as const;

export interface TargetLine {
  id: string;
  item: string;
  text: string;
  /** The English translation, on English pages only. */
  textEn: string | null;
  value: string;
  unit: string | null;
  owner: string;
  /** The latest national value (a link to its indicator) and what follows it; null when no indicator measures the target. */
  latest: { link: Link; after: string } | null;
}

export interface TargetsPage {
  lang: Lang;
  description: string;
  groups: { id: string; document: Link; heading: string; caption: string; label: string; rows: TargetLine[] }[];
}

function valueText(x: TargetRow, lang: Lang): string {
  if (x.comparator === 'qualitative') return t(lang, 'qualitative');
  if (x.comparator === 'between') return `${formatNumber(x.value!, lang)}–${formatNumber(x.value_max!, lang)}`;
  return `${formatComparator(x.comparator)} ${formatNumber(x.value!, lang)}`;
}

export function targetsPage(model: Model, lang: Lang): TargetsPage {
  const line = (x: TargetRow): TargetLine => {
    const ind = x.indicator_id ? model.indicator.get(x.indicator_id) : undefined;
    let latest: TargetLine['latest'] = null;
    if (ind) {
      const value = latestOf(model, ind.id, 'national', 'VN');
      const link = href(lang, indicatorPath(ind.id));
      if (value) {
        const gap = gapToTarget(value.value, x);
        const after =
          gap.kind === 'gap' ? `; ${t(lang, 'gap')} ${formatNumber(gap.gap, lang)}` : gap.kind === 'met' ? `; ${t(lang, 'met')}` : '';
        latest = { link: { text: formatNumber(value.value, lang), href: link }, after: ` (${formatPeriod(value.period, lang)})${after}` };
      } else latest = { link: { text: t(lang, 'noNationalFigureYet'), href: link }, after: '' };
    }
    return {
      id: x.id,
      item: x.item ?? '',
      text: x.text_vi,
      textEn: lang === 'en' ? x.text_en : null,
      value: valueText(x, lang),
      unit: x.unit_vi,
      owner: x.owner || '—',
      latest,
    };
  };
  const byHorizon = DOCUMENTS.flatMap((doc) =>
    HORIZONS.map((year) => ({
      doc,
      year: year,
      targets: model.tables.targets.filter((x) => x.document_id === doc && (x.deadline ?? '').startsWith(year)),
    })),
  );
  // Targets set elsewhere (e.g. the Prime Minister's conclusions), one group per document, dated or not.
  const others = [...new Set(model.tables.targets.map((x) => x.document_id))]
    .filter((doc) => !(DOCUMENTS as readonly string[]).includes(doc))
    .map((doc) => ({ doc, year: null, targets: model.tables.targets.filter((x) => x.document_id === doc) }));
  const groups = [...byHorizon, ...others]
    .filter((g) => g.targets.length > 0)
    .map(({ doc, year, targets }) => ({
      id: year ? `${slugify(doc)}-${year}` : slugify(doc),
      document: { text: doc, href: href(lang, documentPath(doc)) },
      heading: `${year ? ` — ${t(lang, 'byYear', { year })}` : ''} (${targets.length})`,
      caption: year ? `${doc} — ${year}` : doc,
      label: year ? `${doc} ${year}` : doc,
      rows: targets.map(line),
    }));
  return { lang, description: t(lang, 'targetsDescription'), groups };
}
