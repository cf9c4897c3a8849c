/**
 * The page of an indicator (/indicators/{id}/): its definition, the latest national value against its
 * targets, the ranking of the provinces in the latest period with values, the national series and the
 * former provinces' values. Latest values follow the one gap rule of values.ts. Ranks are drawn from
 * the scores only when every province has one; otherwise the page lists the published values with
 * the ranks the sources publish (or —) and says which ranks are known (rankings.ts).
 */
import { areaChartSpec, chartableIndicators, nationalHistoryIndicators, nationalHistorySpec } from '../charts/specs.ts';
import type { AreaChartSpec, HistorySpec } from '../charts/types.ts';
import { formatNumber, formatPeriod, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import type { ObservationRow } from '../../schemas/index.ts';
import { crossKey, indicatorLevelKey } from '../model/keys.ts';
import { gapToTarget, latestPeriod, rankObservations } from '../model/indicators.ts';
import { formatRankRanges, partialRanking, scoresRankable } from '../model/rankings.ts';
import { compareInTime, snapshotsInOrder } from '../model/snapshots.ts';
import { formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { observationCite, type FigureCite } from './cite.ts';
import { asOfText, formatGap, latestValue, seriesOf } from './values.ts';

export interface IndicatorPage {
  lang: Lang;
  path: string;
  name: string;
  description: string;
  breadcrumbs: [string, string][];
  unit: string;
  betterWhen: string;
  aggregation: string;
  /** `period` names the snapshot date too when the value has one ("2025, tính đến 29/08/2025"). */
  latestNational: { value: string; period: string; method: string; source: SourceView } | null;
  components: Link[];
  /** Each target quoted, with how far the latest national value is from it. */
  targets: { text: string; reference: string; status: string }[];
  ranking: {
    heading: string;
    /** Said when not every province has a value: which ranks are published, or that none are. */
    partialNote: string | null;
    /** Said when some values are the Ministry's means of former provinces. */
    mergedNote: string | null;
    charts: { ranking: AreaChartSpec; tilegrid: AreaChartSpec; tilegridNote: string; map: Link } | null;
    /** The ranking as a table, when it is not charted. */
    table: {
      caption: string;
      /** `rank` is "—" when no rank is known; `asOf` the snapshot date of the value. */
      rows: { rank: string; area: Link; value: string; asOf: string | null; method: string; source: SourceView; cite: FigureCite }[];
    } | null;
    missing: string | null;
  } | null;
  national: {
    history: HistorySpec | null;
    table: {
      caption: string;
      rows: { period: string; asOf: string | null; value: string; method: string; source: SourceView; cite: FigureCite }[];
    } | null;
  } | null;
  /**
   * Every figure of the ranking (charted or as a table) and of the national series, for the citations
   * page. The former provinces' values are cited on each former province's citations page.
   */
  figures: FigureCite[];
  former: {
    map: Link | null;
    caption: string;
    periods: string[];
    rows: { area: Link; values: string[]; successor: Link }[];
    /** Every source of a year's values (a year may be read from several). */
    sources: { period: string; sources: SourceView[] }[];
  } | null;
}

export function indicatorPage(model: Model, id: string, lang: Lang): IndicatorPage {
  const ind = model.indicator.get(id);
  if (!ind) throw new Error(`No indicator with id ${id}.`);
  const name = textIn(lang, ind, 'name');
  const fmt = (v: number | null) => formatValue(v, ind, lang, t(lang, 'notAvailable'));
  const source = (o: { source_id: string | null; published_on: string | null }) => sourceRef(model, lang, o.source_id!, o.published_on);
  // The indicator's observations of one level, in period order (its communes' are not read here).
  const atLevel = (level: string) => model.byIndicatorLevel.get(indicatorLevelKey(id, level)) ?? [];
  // In time order: by period, then snapshot (gaps stay listed, as gaps).
  const national = [...seriesOf(model, id, 'national', 'VN')].sort(compareInTime);
  const latest = latestValue(national);
  const parent = ind.parent_id ? model.indicator.get(ind.parent_id) : undefined;

  const period = latestPeriod(atLevel('province'));
  const cross = period ? (model.cross.get(crossKey(id, 'province', period)) ?? []) : [];
  // Ranks from the scores only when all provinces have one; otherwise the ranks the sources publish, never computed.
  const complete = scoresRankable(cross, model.provinces.length);
  const rankInd = ind.unit === 'rank' ? ind : (model.indicatorChildren.get(id) ?? []).find((c) => c.unit === 'rank');
  const publishedRanks = period && rankInd ? (model.cross.get(crossKey(rankInd.id, 'province', period)) ?? []) : [];
  const partial = partialRanking(
    publishedRanks,
    model.provinces.map((p) => p.code),
  );
  const snapshotDates = new Set(publishedRanks.filter((r) => r.value !== null).map((r) => r.as_of ?? '')).size;
  const publishedRankOf = (o: ObservationRow) =>
    publishedRanks.find((r) => r.area_code === o.area_code && r.as_of === o.as_of && r.value !== null)?.value ?? null;
  const better = (a: ObservationRow, b: ObservationRow) => (ind.higher_is_better ? b.value! - a.value! : a.value! - b.value!);
  const ranked: { obs: ObservationRow; rank: number | null }[] = !period
    ? []
    : complete
      ? rankObservations(cross, ind.higher_is_better)
      : snapshotsInOrder(cross)
          .map((obs) => ({ obs, rank: publishedRankOf(obs) }))
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || better(a.obs, b.obs));
  const valued = new Set(cross.filter((o) => o.value !== null).map((o) => o.area_code)).size;
  const partialNote = complete
    ? null
    : partial.known.length > 0
      ? [
          t(lang, 'partialRanksPublished', { ranks: formatRankRanges(partial.ranges), of: partial.of ?? model.provinces.length }),
          ...(snapshotDates > 1 ? [t(lang, 'ranksOfSnapshots')] : []),
        ].join(' ')
      : t(lang, 'noRanksPublished', { known: valued, count: model.provinces.length });
  const anyMean = ranked.some((r) => r.obs.method === 'ministry_mean_of_former_units');
  const charted = chartableIndicators(model, 'province').includes(id);
  const missing = model.provinces.filter((p) => !ranked.some((r) => r.obs.area_code === p.code));
  const historyCharted = nationalHistoryIndicators(model).includes(id);

  const cited = <T extends ObservationRow>(o: T) => ({ o, cite: observationCite(model, lang, o, fmt(o.value), indicatorPath(id)) });
  const rankedCited = ranked.map(({ obs, rank }) => ({ ...cited(obs), rank }));
  const nationalCited = national.map(cited);
  const formerObs = atLevel('former_province');
  const formerPeriods = [...new Set(formerObs.map((o) => o.period))].sort();
  const formerCodes = [...new Set(formerObs.map((o) => o.area_code))].sort((a, b) =>
    model.formerProvince.get(a)!.name_vi.localeCompare(model.formerProvince.get(b)!.name_vi, 'vi'),
  );

  return {
    lang,
    path: indicatorPath(id),
    name,
    description: textIn(lang, ind, 'description'),
    breadcrumbs: [
      [t(lang, 'indicators'), '/indicators/'],
      ...(parent ? [[textIn(lang, parent, 'name'), indicatorPath(parent.id)] as [string, string]] : []),
    ],
    unit: `${label(lang, ind.unit)}${ind.min !== null && ind.max !== null ? ` (${formatNumber(ind.min, lang)}–${formatNumber(ind.max, lang)})` : ''}`,
    betterWhen: t(lang, ind.higher_is_better ? 'higher' : 'lower'),
    aggregation: ind.aggregation ?? '',
    latestNational: latest
      ? {
          value: fmt(latest.value),
          period: `${formatPeriod(latest.period, lang)}${latest.as_of ? `, ${asOfText(latest.as_of, lang)}` : ''}`,
          method: label(lang, latest.method),
          source: source(latest),
        }
      : null,
    components: (model.indicatorChildren.get(id) ?? []).map((c) => ({
      text: textIn(lang, c, 'name'),
      href: href(lang, indicatorPath(c.id)),
    })),
    targets: (model.targetsByIndicator.get(id) ?? []).map((target) => {
      const gap = latest ? gapToTarget(latest.value, target) : null;
      const status = !latest
        ? `; ${t(lang, 'noNationalValue')}`
        : gap?.kind === 'gap'
          ? `; ${t(lang, 'gap')}: ${formatGap(gap.gap, ind, lang)}`
          : gap?.kind === 'met'
            ? `; ${t(lang, 'met')}`
            : '';
      return { text: target.text_vi, reference: `${target.document_id} ${target.item} (${target.deadline!.slice(0, 4)})`, status };
    }),
    ranking: period
      ? {
          heading: complete
            ? t(lang, 'rankingOfProvinces', { count: model.provinces.length, period: formatPeriod(period, lang) })
            : t(lang, 'publishedValuesOfProvinces', { period: formatPeriod(period, lang) }),
          partialNote,
          mergedNote: anyMean ? t(lang, 'ministryMean') : null,
          charts: charted
            ? {
                ranking: areaChartSpec(model, lang, 'ranking', id, { id: 'chart-ranking' }),
                tilegrid: areaChartSpec(model, lang, 'tilegrid', id, { id: 'chart-tilegrid' }),
                tilegridNote: t(lang, 'tilegridNote'),
                map: { text: t(lang, 'seeOnMap'), href: href(lang, `/maps/?indicator=${id}`) },
              }
            : null,
          table: charted
            ? null
            : {
                caption: `${name} — ${formatPeriod(period, lang)}`,
                rows: rankedCited.map(({ o: obs, rank, cite }) => ({
                  rank: rank === null ? '—' : String(rank),
                  area: { text: model.province.get(obs.area_code)?.name_vi ?? '', href: href(lang, provincePath(obs.area_code)) },
                  value: fmt(obs.value),
                  asOf: obs.as_of ? asOfText(obs.as_of, lang) : null,
                  method: label(lang, obs.method),
                  source: source(obs),
                  cite,
                })),
              },
          missing: missing.length > 0 ? `${t(lang, 'noValueFor')} ${missing.map((p) => p.name_vi).join(', ')}` : null,
        }
      : null,
    national:
      national.length > 0 || historyCharted
        ? {
            history: historyCharted ? nationalHistorySpec(model, lang, id) : null,
            table:
              national.length > 0
                ? {
                    caption: `${name} — ${t(lang, 'nationalLower')}`,
                    rows: nationalCited.map(({ o, cite }) => ({
                      period: formatPeriod(o.period, lang),
                      asOf: o.as_of ? asOfText(o.as_of, lang) : null,
                      value: fmt(o.value),
                      method: label(lang, o.method),
                      source: source(o),
                      cite,
                    })),
                  }
                : null,
          }
        : null,
    figures: [...rankedCited, ...nationalCited].map((x) => x.cite),
    former:
      formerObs.length > 0
        ? {
            map: chartableIndicators(model, 'former_province').includes(id)
              ? {
                  text: t(lang, 'formerMapLink', { count: model.formerProvince.size }),
                  href: href(lang, `/maps/?indicator=${id}#chart-former-map`),
                }
              : null,
            caption: `${name} — ${t(lang, 'formerProvinces')}`,
            periods: formerPeriods.map((p) => formatPeriod(p, lang)),
            rows: formerCodes.map((code) => {
              const f = model.formerProvince.get(code)!;
              return {
                area: { text: f.name_vi, href: href(lang, formerProvincePath(code)) },
                values: formerPeriods.map((p) => {
                  const o = formerObs.find((x) => x.area_code === code && x.period === p);
                  return o ? fmt(o.value) : '—';
                }),
                successor: {
                  text: model.province.get(f.successor_code)?.name_vi ?? '',
                  href: href(lang, provincePath(f.successor_code)),
                },
              };
            }),
            sources: formerPeriods.map((p) => ({
              period: formatPeriod(p, lang),
              sources: [...new Map(formerObs.filter((x) => x.period === p).map((o) => [o.source_id, o])).values()].map(source),
            })),
          }
        : null,
  };
}
