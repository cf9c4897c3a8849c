/**
 * Chart specs from the model (build time only): which values each chart shows, with their sources
 * resolved to labels and links. Every chart has a key, also the path of its embed page
 * (/embed/<key>/); pages and embed pages build their charts through `chartSpec(key, ...)`.
 */
import { formatComparator, formatLicence, formatNumber } from '../format.ts';
import { label, localePath, t, type Lang } from '../i18n/index.ts';
import { tasksAddressedTo, type Model, type TaskView } from '../model/index.ts';
import { COMPUTED_STATUSES } from '../model/tasks.ts';
import { slugify } from '../text.ts';
import { sourceRef } from '../view/source.ts';
import { formerProvincesMap, provincesMap } from './geo.ts';
import type {
  AreaChartSpec,
  AreaValues,
  ChartLabels,
  ChartSpec,
  HistorySpec,
  IndicatorMeta,
  Reference,
  SourceInfo,
  TimelineSpec,
} from './types.ts';

export function chartLabels(lang: Lang): ChartLabels {
  const vi = lang === 'vi';
  return {
    rank: t(lang, 'rank'),
    area: vi ? 'Đơn vị' : 'Unit',
    value: t(lang, 'value'),
    period: t(lang, 'period'),
    method: t(lang, 'method'),
    source: t(lang, 'source'),
    date: t(lang, 'date'),
    noData: t(lang, 'notAvailable'),
    status: t(lang, 'status'),
    task: t(lang, 'task'),
    assignedOn: t(lang, 'assignedOn'),
    deadline: t(lang, 'deadline'),
    completedOn: t(lang, 'completedOn'),
    asOf: t(lang, 'asOf'),
    trajectory: vi ? 'Lộ trình đều cần thiết để đạt mục tiêu đúng hạn' : 'Steady path needed to reach the target on time',
    trajectoryLegend: t(lang, 'trajectoryLegend'),
    perYear: t(lang, 'perYear', { value: '{value}' }),
    pointsPerYear: t(lang, 'pointsPerYear', { value: '{value}' }),
    series: vi ? 'Chuỗi' : 'Series',
    indicator: t(lang, 'indicator'),
    year: vi ? 'Năm' : 'Year',
    statuses: Object.fromEntries(COMPUTED_STATUSES.map((s) => [s, label(lang, s)])),
    hoangSa: vi ? 'Quần đảo Hoàng Sa (TP Đà Nẵng)' : 'Hoàng Sa archipelago (Đà Nẵng)',
    truongSa: vi ? 'Quần đảo Trường Sa (Khánh Hòa)' : 'Trường Sa archipelago (Khánh Hòa)',
  };
}

export function sourceInfo(model: Model, lang: Lang, sourceId: string, date: string | null): SourceInfo {
  const ref = sourceRef(model, lang, sourceId, date);
  return { source: sourceId, sourceLabel: ref.label, sourceHref: ref.href, date };
}

function meta(model: Model, lang: Lang, id: string): IndicatorMeta {
  const ind = model.indicator.get(id)!;
  return {
    id,
    name: lang === 'vi' ? ind.name_vi : ind.name_en,
    unit: ind.unit,
    decimals: ind.decimals,
    higherIsBetter: ind.higher_is_better,
    domain: [ind.min ?? 0, ind.max ?? 1],
  };
}

/** Numeric national targets of an indicator, as reference lines. */
function targetReferences(model: Model, lang: Lang, indicatorId: string): Reference[] {
  return (model.targetsByIndicator.get(indicatorId) ?? [])
    .filter((tg) => tg.value !== null && tg.comparator !== 'qualitative' && tg.scope === 'national')
    .map((tg) => ({
      key: 'target' as const,
      label: `${t(lang, 'target')}${tg.deadline ? ` ${tg.deadline.slice(0, 4)}` : ''} (${formatComparator(tg.comparator)})`,
      value: tg.value!,
    }));
}

/**
 * Per indicator and level, the number of values per period (periods with none left out): one pass
 * over the keys of the model's cross-sections (indicator, level, period) per model, counting values
 * without making the rows.
 */
const valueCounts = new WeakMap<Model, Map<string, Map<string, number>>>();
function countsOf(model: Model, id: string, level: string): Map<string, number> {
  let index = valueCounts.get(model);
  if (!index) {
    index = new Map();
    for (const key of model.cross.keys()) {
      const n = model.cross.countValues(key);
      if (n === 0) continue;
      // crossKey(indicator, level, period): neither an indicator id nor a level holds a "|".
      const [indicator, lvl, period] = key.split('|') as [string, string, string];
      const k = `${indicator}|${lvl}`;
      const periods = index.get(k) ?? new Map<string, number>();
      periods.set(period, n);
      index.set(k, periods);
    }
    valueCounts.set(model, index);
  }
  return index.get(`${id}|${level}`) ?? new Map();
}

/** Indicators with values for at least `min` areas of a level, ranks excluded (a rank is not a quantity to draw as a bar). */
export function chartableIndicators(model: Model, level: 'province' | 'former_province', min = 10): string[] {
  return model.tables.indicators
    .filter((ind) => ind.unit !== 'rank' && [...countsOf(model, ind.id, level).values()].some((n) => n >= min))
    .map((ind) => ind.id);
}

/** An indicator's values for every area of a level, per period; areas without a value kept as gaps. */
export function areaValues(model: Model, lang: Lang, id: string, level: 'province' | 'former_province'): AreaValues {
  const areas = (level === 'province' ? model.provinces : model.tables.former_provinces).map((a) => ({ code: a.code, name: a.name_vi }));
  const sources: AreaValues['sources'] = {};
  const methods: AreaValues['methods'] = {};
  const periods = [...countsOf(model, id, level).keys()].sort();
  const rows: AreaValues['rows'] = {};
  const references: AreaValues['references'] = {};
  const targets = targetReferences(model, lang, id);
  for (const period of periods) {
    const byCode = new Map((model.cross.get(`${id}|${level}|${period}`) ?? []).map((o) => [o.area_code, o]));
    rows[period] = areas.map((area) => {
      const o = byCode.get(area.code);
      if (!o) return { code: area.code, name: area.name, value: null, method: null };
      const info = sourceInfo(model, lang, o.source_id, null);
      sources[o.source_id] = { label: info.sourceLabel, href: info.sourceHref };
      if (o.method) methods[o.method] = label(lang, o.method);
      return { code: area.code, name: area.name, value: o.value, method: o.method, source: o.source_id, date: o.published_on };
    });
    const national = (model.cross.get(`${id}|national|${period}`) ?? []).find(
      (o) => o.value !== null && o.method === 'average_of_provinces',
    );
    references[period] = [
      ...(national && level === 'province'
        ? [{ key: 'national' as const, label: lang === 'vi' ? 'Trung bình cả nước' : 'National average', value: national.value! }]
        : []),
      ...targets,
    ];
  }
  return {
    ...meta(model, lang, id),
    periods,
    sources,
    methods,
    unitHref: localePath(lang, `/${level === 'province' ? 'provinces' : 'former-provinces'}/{code}/`),
    rows,
    references,
  };
}

/** The values of the latest period only: what a page shows first (other periods are fetched on switching). */
function latestOnly(values: AreaValues): AreaValues {
  const latest = values.periods.at(-1);
  if (latest === undefined) return values;
  return { ...values, rows: { [latest]: values.rows[latest]! }, references: { [latest]: values.references[latest] ?? [] } };
}

const ATTRIBUTION = {
  province: {
    vi: 'Ranh giới: thanglequoc/vietnamese-provinces-database (từ sapnhap.bando.com.vn, 03/2026), đã đơn giản hóa; giấy phép hình học chưa rõ — xem trang Dữ liệu.',
    en: 'Boundaries: thanglequoc/vietnamese-provinces-database (from sapnhap.bando.com.vn, Mar 2026), simplified; licence of the shapes unclear — see the Data page.',
  },
  former_province: {
    vi: 'Ranh giới 63 tỉnh cũ: TaliaCao/Vietnam-Shape-Map (MIT; gốc Open Development Vietnam, giấy phép chưa kiểm chứng), đã đơn giản hóa.',
    en: '63 former provinces: TaliaCao/Vietnam-Shape-Map (MIT; from Open Development Vietnam, licence not verified), simplified.',
  },
} as const;

export type AreaChartKind = 'ranking' | 'tilegrid' | 'map' | 'former-map';

/** URL of the JSON with every chartable indicator of a level, fetched by the island on switching. */
export const areaDataUrl = (lang: Lang, level: 'province' | 'former_province') =>
  `/charts/data/${level === 'province' ? 'provinces' : 'former-provinces'}.${lang}.json`;

export function areaChartSpec(
  model: Model,
  lang: Lang,
  kind: AreaChartKind,
  indicatorId: string,
  options: { id?: string; highlight?: string | null } = {},
): AreaChartSpec {
  const level = kind === 'former-map' ? 'former_province' : 'province';
  const key = `${kind}/${indicatorId}`;
  const spec: AreaChartSpec = {
    ...base(model, lang, options.id ?? `chart-${kind}`, key),
    kind: kind === 'ranking' ? 'ranking' : kind === 'tilegrid' ? 'tilegrid' : 'choropleth',
    level,
    indicators: [latestOnly(areaValues(model, lang, indicatorId, level))],
    indicatorChoices: chartableIndicators(model, level).map((id) => [id, meta(model, lang, id).name]),
    dataUrl: areaDataUrl(lang, level),
    highlight: options.highlight ?? null,
  };
  if (spec.kind === 'choropleth') {
    const map = level === 'province' ? provincesMap(model.dataDir) : formerProvincesMap(model.dataDir);
    spec.shapes = map.shapes;
    spec.mapLabels = map.labels;
    spec.mapSize = { width: map.width, height: map.height };
    spec.attribution = ATTRIBUTION[level][lang];
  }
  return spec;
}

export function embedUrl(lang: Lang, key: string): string {
  return localePath(lang, `/embed/${key}/`);
}

/** The fields every spec shares: its key (also its embed page), language, words and licence. */
function base(model: Model, lang: Lang, id: string, key: string) {
  const licence = t(lang, 'chartLicence', { licence: formatLicence(model.meta.licence), site: t(lang, 'siteName') });
  return { id, key, lang, labels: chartLabels(lang), pageUrl: embedUrl(lang, key), licence };
}

type Series = HistorySpec['series'][number];

/** One area's series of an indicator, oldest first, each point with its source. */
function series(
  model: Model,
  lang: Lang,
  indicatorId: string,
  kind: Series['kind'],
  level: string,
  area: string,
  seriesLabel: string,
): Series {
  // A snapshot is placed at its as-of date (two readings of one year are two points), a value for a whole period at the period.
  const points = (model.series.get(`${indicatorId}|${level}|${area}`) ?? []).map((o) => ({
    period: o.as_of ?? o.period,
    value: o.value,
    method: o.method,
    methodLabel: label(lang, o.method),
    ...sourceInfo(model, lang, o.source_id, o.published_on),
  }));
  return { key: kind === 'national' ? 'national' : `${level}-${area}`, label: seriesLabel, kind, points };
}

const formerLabel = (lang: Lang, name: string) => `${name} (${lang === 'vi' ? 'tỉnh cũ' : 'former province'})`;
const nationalSeries = (model: Model, lang: Lang, indicatorId: string) =>
  series(model, lang, indicatorId, 'national', 'national', 'VN', lang === 'vi' ? 'Cả nước' : 'National');

function historySpec(
  model: Model,
  lang: Lang,
  indicatorId: string,
  area: string,
  lines: Series[],
  target: HistorySpec['target'],
): HistorySpec {
  return {
    ...base(model, lang, 'chart-history', `history/${indicatorId}/${area}`),
    kind: 'history',
    indicator: meta(model, lang, indicatorId),
    series: lines.filter((l) => l.points.length > 0),
    target,
  };
}

/** History of an indicator for a province: its own series, its former provinces (each its own line), the national average; target and trajectory when a national target exists. */
export function provinceHistorySpec(model: Model, lang: Lang, indicatorId: string, code: string): HistorySpec {
  return historySpec(
    model,
    lang,
    indicatorId,
    code,
    [
      series(model, lang, indicatorId, 'unit', 'province', code, model.province.get(code)!.name_vi),
      ...(model.formerBySuccessor.get(code) ?? []).map((f) =>
        series(model, lang, indicatorId, 'former', 'former_province', f.code, formerLabel(lang, f.name_vi)),
      ),
      nationalSeries(model, lang, indicatorId),
    ],
    nationalTarget(model, lang, indicatorId),
  );
}

/** History of an indicator for a former province (its own values only, never its successor's), with the national series. */
export function formerHistorySpec(model: Model, lang: Lang, indicatorId: string, code: string): HistorySpec {
  const f = model.formerProvince.get(code)!;
  return historySpec(
    model,
    lang,
    indicatorId,
    `former-${code}`,
    [
      series(model, lang, indicatorId, 'former', 'former_province', code, formerLabel(lang, f.name_vi)),
      nationalSeries(model, lang, indicatorId),
    ],
    null,
  );
}

/** Indicators drawn as history on a former province's page: two or more values. */
export function formerHistoryIndicators(model: Model, code: string): string[] {
  return model.tables.indicators
    .filter((ind) => ind.unit !== 'rank' && model.series.countValues(`${ind.id}|former_province|${code}`) >= 2)
    .map((ind) => ind.id);
}

/** History of an indicator for the whole country, with its target (drawn even before the first value). */
export function nationalHistorySpec(model: Model, lang: Lang, indicatorId: string): HistorySpec {
  return historySpec(model, lang, indicatorId, 'VN', [nationalSeries(model, lang, indicatorId)], nationalTarget(model, lang, indicatorId));
}

function nationalTarget(model: Model, lang: Lang, indicatorId: string): HistorySpec['target'] {
  const tg = (model.targetsByIndicator.get(indicatorId) ?? []).find(
    (x) => x.value !== null && x.comparator !== 'qualitative' && x.scope === 'national',
  );
  // A target without a date (some of the Prime Minister's) has no point on a time axis.
  if (!tg || tg.deadline === null) return null;
  const doc = model.document.get(tg.document_id);
  return {
    value: tg.value!,
    deadline: tg.deadline,
    label: `${t(lang, 'target')} ${tg.document_id} ${tg.item}: ${formatComparator(tg.comparator)} ${formatNumber(tg.value!, lang)} (${tg.deadline.slice(0, 4)})`,
    text: tg.text_vi,
    ...sourceInfo(model, lang, tg.document_id, doc?.issued_on ?? null),
  };
}

export function timelineSpec(model: Model, lang: Lang, key: string, tasks: readonly TaskView[]): TimelineSpec {
  return {
    ...base(model, lang, 'chart-timeline', key),
    kind: 'timeline',
    asOf: model.asOf,
    tasks: tasks.map((task) => ({
      id: task.id,
      label: lang === 'vi' ? task.title_vi : task.title_en,
      href: localePath(lang, `/tasks/${task.id}/`),
      assigned: task.assigned_on,
      deadline: task.deadline,
      completed: task.completed_on,
      status: task.computed,
    })),
  };
}

/** Every chart with an embed page: key → spec builder. */
export function allChartKeys(model: Model): string[] {
  const keys: string[] = [];
  for (const id of chartableIndicators(model, 'province')) keys.push(`ranking/${id}`, `tilegrid/${id}`, `map/${id}`);
  for (const id of chartableIndicators(model, 'former_province')) keys.push(`former-map/${id}`);
  for (const p of model.provinces) for (const id of provinceHistoryIndicators(model, p.code)) keys.push(`history/${id}/${p.code}`);
  for (const f of model.tables.former_provinces)
    for (const id of formerHistoryIndicators(model, f.code)) keys.push(`history/${id}/former-${f.code}`);
  for (const id of nationalHistoryIndicators(model)) keys.push(`history/${id}/VN`);
  for (const p of model.provinces) if (tasksAddressedTo(model, p.code).length > 0) keys.push(`timeline/province-${p.code}`);
  for (const d of model.tables.documents)
    if ((model.tasksByDocument.get(d.id) ?? []).length > 0) keys.push(`timeline/document-${slugify(d.id)}`);
  return keys;
}

/** Indicators whose history is drawn for a province: values for the province or its former provinces. */
export function provinceHistoryIndicators(model: Model, code: string): string[] {
  const formerCodes = (model.formerBySuccessor.get(code) ?? []).map((f) => f.code);
  return model.tables.indicators
    .filter((ind) => ind.unit !== 'rank')
    .filter(
      (ind) =>
        model.series.countValues(`${ind.id}|province|${code}`) > 0 &&
        formerCodes.some((f) => model.series.countValues(`${ind.id}|former_province|${f}`) > 0),
    )
    .map((ind) => ind.id);
}

export function nationalHistoryIndicators(model: Model): string[] {
  return model.tables.indicators
    .filter((ind) => model.series.countValues(`${ind.id}|national|VN`) > 0 || nationalTargetExists(model, ind.id))
    .map((ind) => ind.id);
}

const nationalTargetExists = (model: Model, id: string) =>
  (model.targetsByIndicator.get(id) ?? []).some((x) => x.value !== null && x.comparator !== 'qualitative' && x.scope === 'national');

export function chartSpec(model: Model, lang: Lang, key: string): ChartSpec {
  const [kind, a, b] = key.split('/') as [string, string, string | undefined];
  if (kind === 'ranking' || kind === 'tilegrid' || kind === 'map' || kind === 'former-map') return areaChartSpec(model, lang, kind, a);
  if (kind === 'history')
    return b === 'VN'
      ? nationalHistorySpec(model, lang, a)
      : b!.startsWith('former-')
        ? formerHistorySpec(model, lang, a, b!.slice(7))
        : provinceHistorySpec(model, lang, a, b!);
  if (kind === 'timeline') {
    // A province's own tasks: those addressed to every locality would repeat the national timeline 34 times.
    if (a.startsWith('province-')) return timelineSpec(model, lang, key, tasksAddressedTo(model, a.slice(9)));
    const doc = model.documentBySlug.get(a.slice(9))!;
    return timelineSpec(model, lang, key, model.tasksByDocument.get(doc.id) ?? []);
  }
  throw new Error(`Unknown chart key ${key}`);
}
