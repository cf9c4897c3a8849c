/**
 * The page of a current province (/provinces/{code}/): everything the route shows, already in the
 * page's language. Numbers are the latest value of each series (values.ts gap rule), ranked among
 * the provinces of the same period only when every province has a value; otherwise the rank the
 * sources publish (with the number of units it is among), or none.
 */
import { layoutInlineBar, type InlineBar } from '../charts/inline-bar.ts';
import { areaChartSpec, chartableIndicators, provinceHistoryIndicators, provinceHistorySpec, timelineSpec } from '../charts/specs.ts';
import type { AreaChartSpec, HistorySpec, TimelineSpec } from '../charts/types.ts';
import { formatDate, formatNumber, formatPeriod, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import { tasksAddressedTo, typeOnDate, type Model, type TaskView } from '../model/index.ts';
import { areaKey, crossKey } from '../model/keys.ts';
import { scoresRankable } from '../model/rankings.ts';
import type { IndicatorRow } from '../../schemas/index.ts';
import { documentPath, formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { observationCite, type FigureCite } from './cite.ts';
import { sourceRef, type SourceView } from './source.ts';
import { asOfText, latestOf, latestValue, rankAmong, seriesOf, type ValuedObservation } from './values.ts';
import { groupTasksByProgramme, type TaskGroup } from './task.ts';

export interface ProvinceIndicatorRow {
  indicator: Link;
  period: string;
  /** The snapshot date of the value ("tính đến …"), null for a value of the whole period. */
  asOf: string | null;
  value: string;
  /** "3/34" / "3 of 34" (the units it is among: 34 provinces or 63 former ones), or "—" when no rank is known. */
  rank: string;
  method: string;
  source: SourceView;
  /** Only for the DTI profile: the value drawn to scale. */
  bar: InlineBar;
  /** "Cite this" and "report a problem" for the figure (cite.ts). */
  cite: FigureCite;
}

export interface ProvincePage {
  lang: Lang;
  path: string;
  title: string;
  /** The English name shown after the Vietnamese one, on English pages only. */
  titleEn: string | null;
  description: string;
  searchName: string;
  provinceName: string;
  breadcrumbs: [string, string][];
  code: string;
  typeLabel: string;
  /** The dated change of type, with the document that made it. */
  typeChange: { text: string; document: Link } | null;
  formers: (Link & { code: string })[];
  communes: { count: string; href: string; byType: string };
  tasks: TaskView[];
  tasksCaption: string;
  /** The tasks addressed to the province itself (listed first, in full), and the national ones addressed to every locality, by programme. */
  ownTasks: TaskView[];
  nationalGroups: TaskGroup[];
  timeline: TimelineSpec | null;
  /** Said when the province was merged: its DTI is the Ministry's mean of the former provinces. */
  mergedNote: string | null;
  ranking: AreaChartSpec | null;
  history: HistorySpec | null;
  historyNote: string;
  /** The DTI profile; `rankHeader` names how many provinces the rank is among. */
  dti: { caption: string; rankHeader: string; rows: ProvinceIndicatorRow[] };
  other: { caption: string; note: string; rows: ProvinceIndicatorRow[] };
  /** The latest value of every indicator for each former province merged into this one, labelled as the former province's. */
  formerValues: { heading: string; caption: string; note: string; rows: (ProvinceIndicatorRow & { former: Link })[] } | null;
  former: { text: string; links: Link[] } | null;
}

interface Latest {
  ind: IndicatorRow;
  obs: ValuedObservation;
}

/** The eight main DTI indices (not the pillars, not the rank), drawn as the profile. */
const isDtiProfile = (ind: IndicatorRow) => ind.parent_id === 'dti' && ind.unit === 'index' && !ind.id.startsWith('dti-tru-cot');

export function provincePage(model: Model, code: string, lang: Lang): ProvincePage {
  const p = model.province.get(code);
  if (!p) throw new Error(`No province with code ${code}.`);
  const formers = model.formerBySuccessor.get(code) ?? [];
  const communes = model.communesByProvince.get(code) ?? [];
  // The province's own tasks first, then those addressed to every locality; each group by deadline.
  const own = new Set(tasksAddressedTo(model, code));
  const tasks = [...(model.tasksByArea.get(areaKey('province', code)) ?? [])].sort(
    (a, b) => Number(own.has(b)) - Number(own.has(a)) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
  );
  const typeChange = model.unitChanges.find((c) => c.level === 'province' && c.code === code && c.change === 'type');
  const typeOn1July = typeOnDate(model, 'province', code, p.type, '2025-07-01');

  const latest = model.tables.indicators
    .map((ind) => ({ ind, obs: latestOf(model, ind.id, 'province', code) }))
    .filter((r): r is Latest => r.obs !== null);
  const rankWords = (rank: number, of: number | null) =>
    of === null ? t(lang, 'rankOfUnstated', { rank }) : t(lang, 'rankOf', { rank, of });
  // A rank from the scores only when every unit of the level has one; otherwise the rank the sources publish, or none.
  const rankText = ({ ind, obs }: Latest): string => {
    const level = obs.area_level;
    const units = level === 'province' ? model.provinces.length : model.tables.former_provinces.length;
    if (ind.unit === 'rank') return rankWords(obs.value, obs.rank_of);
    if (scoresRankable(model.cross.get(crossKey(ind.id, level, obs.period)) ?? [], units)) {
      const rank = rankAmong(model, ind, level, obs.period, obs.area_code);
      return rank ? rankWords(rank.rank, rank.of) : '—';
    }
    const rankInd = (model.indicatorChildren.get(ind.id) ?? []).find((c) => c.unit === 'rank');
    const published = rankInd
      ? latestValue(seriesOf(model, rankInd.id, level, obs.area_code).filter((o) => o.period === obs.period && o.as_of === obs.as_of))
      : null;
    return published ? rankWords(published.value, published.rank_of) : '—';
  };
  const row = (latestRow: Latest): ProvinceIndicatorRow => {
    const { ind, obs } = latestRow;
    return {
      indicator: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
      period: formatPeriod(obs.period, lang),
      asOf: obs.as_of ? asOfText(obs.as_of, lang) : null,
      value: isDtiProfile(ind) ? formatNumber(obs.value, lang, ind.decimals) : formatValue(obs.value, ind, lang, t(lang, 'notAvailable')),
      rank: rankText(latestRow),
      method: label(lang, obs.method),
      source: sourceRef(model, lang, obs.source_id, obs.published_on),
      bar: layoutInlineBar(obs.value, [ind.min ?? 0, ind.max ?? 1]),
      cite: observationCite(model, lang, obs, formatValue(obs.value, ind, lang, t(lang, 'notAvailable')), provincePath(code)),
    };
  };
  const dtiRows = latest.filter((r) => isDtiProfile(r.ind));
  const otherRows = latest.filter((r) => !isDtiProfile(r.ind));
  const hasDti = latest.some((r) => r.ind.id === 'dti');
  // Former provinces' values stay theirs (63-province editions, values before the merger): one row per indicator and former province.
  const formerRows = model.tables.indicators.flatMap((ind) =>
    formers.flatMap((f) => {
      const obs = latestOf(model, ind.id, 'former_province', f.code);
      return obs
        ? [{ ...row({ ind, obs }), former: { text: `${f.name_vi} (${f.code})`, href: href(lang, formerProvincePath(f.code)) } }]
        : [];
    }),
  );
  const name = textIn(lang, p, 'full_name');
  const merged = formers.length > 1 ? t(lang, 'provinceMergedFrom', { names: formers.map((f) => f.name_vi).join(', ') }) : '';

  return {
    lang,
    path: provincePath(code),
    title: p.full_name_vi,
    titleEn: lang === 'en' ? p.full_name_en : null,
    description: t(lang, 'provinceDescription', { name, merged, communes: communes.length }),
    searchName: `${p.full_name_vi} ${p.name_en}`,
    provinceName: p.name_vi,
    breadcrumbs: [[t(lang, 'provinces'), '/provinces/']],
    code,
    typeLabel: label(lang, p.type),
    typeChange: typeChange
      ? {
          text: t(lang, 'typeSince', { date: formatDate(typeChange.date, lang), before: label(lang, typeOn1July) }),
          document: { text: typeChange.document_id, href: href(lang, documentPath(typeChange.document_id)) },
        }
      : null,
    formers: formers.map((f) => ({ text: f.full_name_vi, href: href(lang, formerProvincePath(f.code)), code: f.code })),
    communes: {
      count: formatNumber(communes.length, lang, 0),
      href: href(lang, `/provinces/${code}/communes/`),
      byType: ['xa', 'phuong', 'dac_khu']
        .map((ty) => `${communes.filter((c) => c.type === ty).length} ${label(lang, ty).toLowerCase()}`)
        .join(', '),
    },
    tasks,
    tasksCaption: `${t(lang, 'tasks')} — ${p.name_vi}`,
    ownTasks: tasks.filter((x) => own.has(x)),
    nationalGroups: groupTasksByProgramme(
      tasks.filter((x) => !own.has(x)),
      lang,
    ),
    // The timeline shows only its own tasks: those addressed to every locality would repeat the national one 34 times.
    timeline: own.size > 0 ? timelineSpec(model, lang, `timeline/province-${code}`, [...own]) : null,
    mergedNote: formers.length > 1 ? t(lang, 'ministryMean') : null,
    ranking:
      chartableIndicators(model, 'province').includes('dti') && hasDti
        ? areaChartSpec(model, lang, 'ranking', 'dti', { id: 'chart-ranking', highlight: code })
        : null,
    history: provinceHistoryIndicators(model, code).includes('dti') ? provinceHistorySpec(model, lang, 'dti', code) : null,
    historyNote: t(lang, 'formerSeriesNote'),
    dti: {
      caption: `${t(lang, 'dtiProfile')} — ${p.name_vi}`,
      rankHeader: t(lang, 'rankAmong', { count: model.provinces.length }),
      rows: dtiRows.map(row),
    },
    other: { caption: `${t(lang, 'indicators')} — ${p.name_vi}`, note: t(lang, 'provinceIndicatorsNote'), rows: otherRows.map(row) },
    formerValues:
      formerRows.length > 0
        ? {
            heading: t(lang, 'provinceFormerValues'),
            caption: `${t(lang, 'provinceFormerValues')} — ${p.name_vi}`,
            note: `${t(lang, 'formerValueNote')} ${t(lang, 'provinceFormerValuesNote')}`,
            rows: formerRows,
          }
        : null,
    former:
      formers.length > 0
        ? {
            text: `${t(lang, 'formerValueNote')} ${t(lang, 'seeEachFormer')}`,
            links: formers.map((f) => ({ text: f.name_vi, href: href(lang, formerProvincePath(f.code)) })),
          }
        : null,
  };
}
