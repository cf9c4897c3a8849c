/**
 * One function for every chart: (spec, state, width) → the SVG, its title and text alternative, the
 * rows of its table twin (row i is mark `data-i="i"`), and the CSV of exactly what it shows. Runs at
 * build time for the static HTML and in the island when the reader switches indicator, period or highlighted area.
 */
import { formatDate, formatNumber, formatPeriod, formatTick, formatValue } from '../format.ts';
import { equalIntervalClasses, classOf, NO_DATA_FILL } from './colour.ts';
import { layoutHistory } from './history.ts';
import { layoutRanking } from './ranking.ts';
import { classLegend, renderChoropleth, renderHistory, renderRanking, renderTileGrid, renderTimeline } from './render.ts';
import { layoutTileGrid } from './tilegrid.ts';
import { layoutTimeline } from './timeline.ts';
import type { AreaChartSpec, AreaValues, ChartSpec, ChartState, HistorySpec, TimelineSpec } from './types.ts';

export type Cell = string | { text: string; href: string | null };

export interface ChartView {
  svg: string;
  title: string;
  description: string;
  /** The state actually shown (defaults resolved). */
  state: ChartState;
  columns: string[];
  /** The column that names a row (a <th scope="row">). */
  rowHeader: number;
  rows: { cells: Cell[]; tip: string }[];
  /** Rows listed under the chart because they have no mark (areas without a value). */
  extraRows: { cells: Cell[] }[];
  csv: string;
  /** The sources of the values shown, for the caption. */
  sources: { label: string; href: string | null; date: string | null }[];
  /** What the reader can switch to. */
  choices: { indicators: [string, string][]; periods: [string, string][] } | null;
}

/** The query string of a chart state: ?indicator=&year=&unit= (public names: year is the period, unit the highlighted area; empty when nothing is set). */
export function stateQuery(state: ChartState): string {
  const q = new URLSearchParams();
  if (state.indicator) q.set('indicator', state.indicator);
  if (state.period) q.set('year', state.period);
  if (state.highlight) q.set('unit', state.highlight);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** RFC 4180 CSV with a header row, then `# ` lines for the source and the licence. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  notes: readonly string[],
): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(','), ...rows.map((r) => r.map(cell).join(',')), ...notes.map((n) => cell(`# ${n}`))].join('\n') + '\n';
}

function sourcesOf(
  rows: readonly (
    | {
        source?: string | undefined;
        sourceLabel?: string | undefined;
        sourceHref?: string | null | undefined;
        date?: string | null | undefined;
      }
    | undefined
  )[],
): ChartView['sources'] {
  const seen = new Map<string, ChartView['sources'][number]>();
  for (const r of rows)
    if (r?.sourceLabel && !seen.has(`${r.sourceLabel}|${r.date}`))
      seen.set(`${r.sourceLabel}|${r.date}`, { label: r.sourceLabel, href: r.sourceHref ?? null, date: r.date ?? null });
  return [...seen.values()];
}

const sourceCell = (r: { sourceLabel?: string | undefined; sourceHref?: string | null | undefined; source?: string | undefined }): Cell =>
  r.sourceLabel ? { text: r.sourceLabel, href: r.sourceHref ?? null } : (r.source ?? '');

function sourceNote(rows: readonly { source?: string | undefined; date?: string | null | undefined }[]): string {
  const sources = [
    ...new Set(rows.map((r) => (r.source ? `${r.source}${r.date ? ` (${r.date})` : ''}` : null)).filter((s): s is string => s !== null)),
  ];
  return `Source / Nguồn: ${sources.join('; ')}`;
}

function pickIndicator(spec: AreaChartSpec, state: ChartState): { ind: AreaValues; period: string } {
  const ind = spec.indicators.find((i) => i.id === state.indicator) ?? spec.indicators[0]!;
  const period = state.period && ind.rows[state.period] ? state.period : ind.periods.at(-1)!;
  return { ind, period };
}

function areaView(spec: AreaChartSpec, state: ChartState, width: number): ChartView {
  const { lang, labels } = spec;
  const { ind, period } = pickIndicator(spec, state);
  const highlight = state.highlight && ind.rows[period]!.some((r) => r.code === state.highlight) ? state.highlight : spec.highlight;
  // Rows with their source and method resolved from the chart's tables.
  const rows = ind.rows[period]!.map((r) => ({
    ...r,
    sourceLabel: r.source ? ind.sources[r.source]?.label : undefined,
    sourceHref: r.source ? ind.sources[r.source]?.href : undefined,
    methodLabel: r.method ? ind.methods[r.method] : undefined,
    href: ind.unitHref.replace('{code}', r.code),
  }));
  type Row = (typeof rows)[number];
  const fmt = (v: number) => formatValue(v, ind, lang, labels.noData);
  const periodText = formatPeriod(period, lang);
  const title = `${ind.name} — ${periodText}`;
  const values = rows.filter((r) => r.value !== null);
  // A rank is read from the values only when every unit has one: among a partial list it would be invented.
  const rankable = values.length === rows.length;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const id = spec.id;
  const tip = (r: Row, rank?: number) =>
    `${r.name}: ${formatValue(r.value, ind, lang, labels.noData)}${rank ? ` (${labels.rank.toLowerCase()} ${rank}/${values.length})` : ''}${r.sourceLabel ? ` — ${labels.source}: ${r.sourceLabel}${r.date ? `, ${formatDate(r.date, lang)}` : ''}` : ''}`;
  const tableRow = (r: Row, rank: number | null): Cell[] => [
    rank === null ? '—' : String(rank),
    r.href ? { text: r.name, href: r.href } : r.name,
    formatValue(r.value, ind, lang, labels.noData),
    r.methodLabel ?? r.method ?? '',
    sourceCell(r),
    r.date ? formatDate(r.date, lang) : '',
  ];
  const columns = [labels.rank, labels.area, labels.value, labels.method, labels.source, labels.date];
  const refs = ind.references[period] ?? [];

  let svg: string;
  let ordered: { row: Row; rank: number | null }[];
  let description: string;
  if (spec.kind === 'ranking') {
    const layout = layoutRanking({ rows, higherIsBetter: ind.higherIsBetter, domain: ind.domain, references: refs, highlight, width });
    ordered = layout.bars.map((b) => ({ row: byCode.get(b.code)!, rank: rankable ? b.rank : null }));
    const first = layout.bars[0];
    const last = layout.bars.at(-1);
    description =
      first && last
        ? `${[title, `${first.name}: ${fmt(first.value)} … ${last.name}: ${fmt(last.value)}`, ...refs.map((r) => `${r.label}: ${fmt(r.value)}`)].join('. ')}.`
        : title;
    svg = renderRanking(layout, { id: `${id}-svg`, title, description, fmt, tickFmt: (v) => formatTick(v, ind, lang) });
  } else {
    const classes = equalIntervalClasses(values.map((r) => r.value!));
    const legend = classLegend(classes, fmt, labels.noData);
    description = `${title}. ${classes
      .map(
        (c, i) =>
          `${legend[i]!.label}: ${rows
            .filter((r) => classOf(classes, r.value) === c)
            .map((r) => r.name)
            .join(', ')}`,
      )
      .join('. ')}.`;
    if (spec.kind === 'tilegrid') {
      const layout = layoutTileGrid(rows, classes);
      ordered = layout.tiles.map((t) => ({ row: byCode.get(t.code)!, rank: null }));
      svg = renderTileGrid(layout, { id: `${id}-svg`, title, description, fmt, legend, highlight });
    } else {
      const shapes = (spec.shapes ?? []).map((s) => ({
        ...s,
        fill: classOf(classes, byCode.get(s.code)?.value ?? null)?.fill ?? NO_DATA_FILL,
      }));
      ordered = shapes.map((s) => ({
        row: byCode.get(s.code) ?? {
          code: s.code,
          name: s.code,
          value: null,
          method: null,
          sourceLabel: undefined,
          sourceHref: undefined,
          methodLabel: undefined,
          href: ind.unitHref.replace('{code}', s.code),
        },
        rank: null,
      }));
      const mapLabels = (spec.mapLabels ?? []).map((l) => ({
        text: l.key === 'hoang_sa' ? labels.hoangSa : labels.truongSa,
        x: l.x,
        y: l.y,
      }));
      svg = renderChoropleth(
        { ...spec.mapSize!, shapes, labels: mapLabels },
        { id: `${id}-svg`, title, description, legend, attribution: spec.attribution ?? '', highlight },
      );
    }
    // Rank column from the values, for the table twin of maps too.
    const ranked = layoutRanking({ rows, higherIsBetter: ind.higherIsBetter, domain: ind.domain, width: 100 }).bars;
    const rankOf = new Map(ranked.map((b) => [b.code, b.rank]));
    ordered = ordered.map((o) => ({ row: o.row, rank: rankable ? (rankOf.get(o.row.code) ?? null) : null }));
  }
  const shown = new Set(ordered.map((o) => o.row.code));
  const missing = rows.filter((r) => r.value === null && !shown.has(r.code));
  const csvColumns = ['rank', 'area_level', 'area_code', 'area_name', 'indicator_id', 'period', 'value', 'method', 'source', 'source_date'];
  const csvRows = [...ordered, ...missing.map((row) => ({ row, rank: null }))].map(({ row, rank }) => [
    rank,
    spec.level,
    row.code,
    row.name,
    ind.id,
    period,
    row.value,
    row.method,
    row.source ?? null,
    row.date ?? null,
  ]);
  return {
    svg,
    title,
    description,
    state: { indicator: ind.id, period, highlight: highlight ?? undefined },
    columns,
    rowHeader: 1,
    rows: ordered.map(({ row, rank }) => ({ cells: tableRow(row, rank), tip: tip(row, rank ?? undefined) })),
    extraRows: missing.map((row) => ({ cells: tableRow(row, null) })),
    sources: sourcesOf(rows.filter((r) => r.value !== null)),
    csv: toCsv(csvColumns, csvRows, [sourceNote(rows), `Licence / Giấy phép: ${spec.licence}`, `Chart / Biểu đồ: ${spec.pageUrl}`]),
    choices: {
      indicators: spec.indicatorChoices,
      periods: ind.periods.map((p) => [p, formatPeriod(p, lang)]),
    },
  };
}

function historyView(spec: HistorySpec, width: number): ChartView {
  const { lang, labels, indicator } = spec;
  const fmt = (v: number) => formatValue(v, indicator, lang, labels.noData);
  const target = spec.target ? { value: spec.target.value, deadline: spec.target.deadline, label: spec.target.label } : null;
  const layout = layoutHistory({ series: spec.series, target, domain: indicator.domain, width });
  const points = spec.series.flatMap((s) =>
    [...s.points]
      .sort((a, b) => a.period.localeCompare(b.period))
      .filter((p) => p.value !== null)
      .map((p) => ({ s, p })),
  );
  const title = indicator.name;
  // A change in a share is in percentage points, not per cent ("7.50% a year" would read as a relative rate).
  const rate = (v: number) =>
    (indicator.unit === 'percent' ? labels.pointsPerYear : labels.perYear).replace(
      '{value}',
      indicator.unit === 'percent' ? formatNumber(v, lang, 1) : fmt(v),
    );
  const trajectoryLabel = layout.trajectory && spec.target ? `${labels.trajectory}: ${rate(Math.abs(layout.trajectory.perYear))}` : '';
  const description = `${title}. ${spec.series.map((s) => `${s.label}: ${s.points.map((p) => `${formatPeriod(p.period, lang)} ${formatValue(p.value, indicator, lang, labels.noData)}`).join(', ')}`).join('. ')}.${spec.target ? ` ${spec.target.label}.` : ''}${trajectoryLabel ? ` ${trajectoryLabel}.` : ''}`;
  const svg = renderHistory(layout, {
    id: `${spec.id}-svg`,
    title,
    description,
    tickFmt: (v) => formatTick(v, indicator, lang),
    trajectoryLabel,
    trajectoryLegend: labels.trajectoryLegend,
  });
  const rowOf = (s: HistorySpec['series'][number], p: HistorySpec['series'][number]['points'][number]): Cell[] => [
    s.label,
    formatPeriod(p.period, lang),
    formatValue(p.value, indicator, lang, labels.noData),
    p.methodLabel ?? p.method ?? '',
    sourceCell(p),
    p.date ? formatDate(p.date, lang) : '',
  ];
  const gaps = spec.series.flatMap((s) => s.points.filter((p) => p.value === null).map((p) => ({ cells: rowOf(s, p) })));
  const all = spec.series.flatMap((s) => s.points.map((p) => ({ s, p })));
  return {
    svg,
    title,
    description,
    state: {},
    rowHeader: 0,
    columns: [labels.series, labels.period, labels.value, labels.method, labels.source, labels.date],
    rows: points.map(({ s, p }) => ({
      cells: rowOf(s, p),
      tip: `${s.label}, ${formatPeriod(p.period, lang)}: ${fmt(p.value!)}${p.sourceLabel ? ` — ${labels.source}: ${p.sourceLabel}${p.date ? `, ${formatDate(p.date, lang)}` : ''}` : ''}`,
    })),
    extraRows: [
      ...gaps,
      ...(spec.target
        ? [
            {
              cells: [
                spec.target.label,
                spec.target.deadline.slice(0, 4),
                fmt(spec.target.value),
                spec.target.text,
                sourceCell(spec.target),
                spec.target.date ? formatDate(spec.target.date, lang) : '',
              ] as Cell[],
            },
          ]
        : []),
    ],
    sources: sourcesOf([...all.map(({ p }) => p), spec.target ?? undefined]),
    csv: toCsv(
      ['series', 'series_kind', 'indicator_id', 'period', 'value', 'method', 'source', 'source_date'],
      [
        ...all.map(({ s, p }) => [s.label, s.kind, indicator.id, p.period, p.value, p.method, p.source ?? null, p.date ?? null]),
        ...(spec.target
          ? [
              [
                spec.target.label,
                'target',
                indicator.id,
                spec.target.deadline,
                spec.target.value,
                'target',
                spec.target.source,
                spec.target.date,
              ],
            ]
          : []),
      ],
      [sourceNote(all.map(({ p }) => p)), `Licence / Giấy phép: ${spec.licence}`, `Chart / Biểu đồ: ${spec.pageUrl}`],
    ),
    choices: null,
  };
}

function timelineView(spec: TimelineSpec, width: number): ChartView {
  const { lang, labels } = spec;
  const layout = layoutTimeline({ tasks: spec.tasks, asOf: spec.asOf, width });
  const byId = new Map(spec.tasks.map((t) => [t.id, t]));
  const d = (iso: string | null) => (iso ? formatDate(iso, lang) : '—');
  const title = `${labels.task} — ${labels.asOf} ${formatDate(spec.asOf, lang)}`;
  const description = `${title}. ${layout.rows.map((r) => `${r.label}: ${labels.statuses[r.status]}, ${labels.deadline.toLowerCase()} ${d(r.deadline)}`).join('. ')}.`;
  const svg = renderTimeline(layout, {
    id: `${spec.id}-svg`,
    title,
    description,
    asOfLabel: `${labels.asOf} ${formatDate(spec.asOf, lang)}`,
    deadlineLabel: labels.deadline,
    statusLabel: (s) => labels.statuses[s] ?? s,
  });
  return {
    svg,
    title,
    description,
    state: {},
    rowHeader: 0,
    columns: [labels.task, labels.assignedOn, labels.deadline, labels.completedOn, labels.status],
    rows: layout.rows.map((r) => ({
      cells: [
        { text: r.label, href: byId.get(r.id)!.href },
        d(r.assigned),
        d(r.deadline),
        d(r.completed),
        labels.statuses[r.status] ?? r.status,
      ],
      tip: `${r.label} — ${labels.status}: ${labels.statuses[r.status]}; ${labels.assignedOn}: ${d(r.assigned)}; ${labels.deadline}: ${d(r.deadline)}${r.completed ? `; ${labels.completedOn}: ${d(r.completed)}` : ''}`,
    })),
    extraRows: [],
    sources: [],
    csv: toCsv(
      ['task_id', 'title', 'assigned_on', 'deadline', 'completed_on', 'computed_status', 'as_of'],
      layout.rows.map((r) => [r.id, r.label, r.assigned, r.deadline, r.completed, r.status, spec.asOf]),
      [`Source / Nguồn: tasks.csv — ${spec.pageUrl}`, `Licence / Giấy phép: ${spec.licence}`],
    ),
    choices: null,
  };
}

/**
 * Layout width (viewBox units) of the charts whose layout follows the width, before the island fits
 * them to their container; maps have a fixed geometry (null).
 */
export const DEFAULT_WIDTH: Record<ChartSpec['kind'], number | null> = {
  ranking: 420,
  history: 420,
  timeline: 560,
  tilegrid: null,
  choropleth: null,
};

export function viewChart(spec: ChartSpec, state: ChartState = {}, width?: number): ChartView {
  const w = width ?? DEFAULT_WIDTH[spec.kind] ?? 0;
  if (spec.kind === 'history') return historyView(spec, w);
  if (spec.kind === 'timeline') return timelineView(spec, w);
  return areaView(spec, state, w);
}
