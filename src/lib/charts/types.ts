/**
 * The data a chart shows, as plain serialisable objects: built from the model at build time, laid
 * out and rendered on the server, and handed to the island (JSON) so it can re-lay out the same
 * chart for another indicator, year or width with the same functions (see view.ts).
 */
import type { Lang } from '../format.ts';
import type { ComputedStatus } from '../model/tasks.ts';

/** Where a figure comes from, ready to show: label and link (null: not linkable), and its date. */
export interface SourceInfo {
  source: string;
  sourceLabel: string;
  sourceHref: string | null;
  date: string | null;
}

/** One value of one area: a gap is `value: null`, never 0. Source and method are keys into the
 * `sources` and `methods` of its AreaValues (kept once per chart, not once per row). */
export interface ValueRow {
  code: string;
  name: string;
  value: number | null;
  method: string | null;
  source?: string;
  date?: string | null;
}

/** A line drawn across a chart at a value: the national average, a target. */
export interface Reference {
  key: 'national' | 'target';
  label: string;
  value: number;
}

export interface IndicatorMeta {
  id: string;
  name: string;
  unit: string;
  decimals: number;
  higherIsBetter: boolean;
  /** Axis domain: the indicator's min and max. */
  domain: [number, number];
}

/** An indicator's values for a set of areas, per period (oldest first). */
export interface AreaValues extends IndicatorMeta {
  periods: string[];
  sources: Record<string, { label: string; href: string | null }>;
  methods: Record<string, string>;
  /** Page of a unit: the path with {code}. */
  unitHref: string;
  rows: Record<string, ValueRow[]>;
  references: Record<string, Reference[]>;
}

/** Words the chart needs, in the page's language. */
export interface ChartLabels {
  rank: string;
  area: string;
  value: string;
  period: string;
  method: string;
  source: string;
  date: string;
  noData: string;
  status: string;
  task: string;
  assignedOn: string;
  deadline: string;
  completedOn: string;
  asOf: string;
  trajectory: string;
  /** The steady path's legend row: says it is a reference line, not data. */
  trajectoryLegend: string;
  /** "{value}/năm", "{value} a year"; a share's change: "{value} điểm %/năm", "{value} percentage points a year". */
  perYear: string;
  pointsPerYear: string;
  series: string;
  indicator: string;
  year: string;
  statuses: Record<string, string>;
  hoangSa: string;
  truongSa: string;
}

interface SpecBase {
  /** Unique on its page; also the id of the figure element. */
  id: string;
  /** Stable name of the chart, also the path of its embed page: /embed/<key>/. */
  key: string;
  lang: Lang;
  labels: ChartLabels;
  /** The page the chart lives on (for the CSV's licence line and the permalink). */
  pageUrl: string;
  licence: string;
}

/** Ranking, tile map and geographic map: areas × indicators × periods; the reader may switch. */
export interface AreaChartSpec extends SpecBase {
  kind: 'ranking' | 'tilegrid' | 'choropleth';
  level: 'province' | 'former_province';
  /** The indicators loaded so far (the page ships the one it shows). */
  indicators: AreaValues[];
  /** Every indicator the reader can switch to, and where their values are (fetched on switching). */
  indicatorChoices: [string, string][];
  dataUrl: string;
  /** Highlighted area (the page's province), or null. */
  highlight: string | null;
  /** Geographic maps only: projected shapes (filled in from the DOM by the island) and labels. */
  shapes?: { code: string; d: string }[];
  mapLabels?: { key: 'hoang_sa' | 'truong_sa'; x: number; y: number }[];
  mapSize?: { width: number; height: number };
  attribution?: string;
}

export interface HistorySpec extends SpecBase {
  kind: 'history';
  indicator: IndicatorMeta;
  series: {
    key: string;
    label: string;
    kind: 'unit' | 'former' | 'national';
    points: ({ period: string; value: number | null; method: string | null; methodLabel?: string } & Partial<SourceInfo>)[];
  }[];
  target: ({ value: number; deadline: string; label: string; text: string } & SourceInfo) | null;
}

export interface TimelineSpec extends SpecBase {
  kind: 'timeline';
  asOf: string;
  tasks: {
    id: string;
    label: string;
    href: string;
    assigned: string | null;
    deadline: string | null;
    completed: string | null;
    status: ComputedStatus;
  }[];
}

export type ChartSpec = AreaChartSpec | HistorySpec | TimelineSpec;

/**
 * What the reader chose: indicator, period, highlighted area (all optional; defaults per chart).
 * In the URL they are ?indicator=, ?year= and ?unit= (public names, kept as published).
 */
export interface ChartState {
  indicator?: string | undefined;
  period?: string | undefined;
  highlight?: string | undefined;
}
