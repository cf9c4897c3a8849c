/**
 * The typed model the pages read: the validated dataset with the look-ups pages need, built once
 * per build. Pages never parse CSV; every per-page look-up is a Map access.
 */
import type {
  AgencyReportRow,
  AgencyRow,
  AgencySuccessionRow,
  CommuneMergeRow,
  CommuneRow,
  DatasetMeta,
  DocumentRow,
  FormerProvinceRow,
  IndicatorRow,
  ObservationRow,
  ProgressReportRow,
  ProvinceRow,
  ReportedStatus,
  TargetRow,
  TaskRow,
  Tables,
  UnitChangeRow,
} from '../../schemas/index.ts';
import { allowSynthetic, cacheDir, dataDir } from '../config.ts';
import { folderHash } from '../cache/index.ts';
import { loadValidDataset } from '../data/validate-dataset.ts';
import { slugify, viCollator } from '../text.ts';
import { areaKey, crossKey, indicatorLevelKey, seriesKey } from './keys.ts';
import { AreaSeries, groupRows, ObservationTable, periodOrder, type ObservationIndex } from './observations.ts';
import { ColumnTable } from '../data/store.ts';
import type { ValidatedDataset } from '../data/validate-dataset.ts';
import {
  deriveTaskStatus,
  provinceReason,
  scorecard,
  sortReports,
  successorsOn,
  type ComputedStatus,
  type ProvinceReason,
  type Scorecard,
  type TaskStatus,
} from './tasks.ts';
import { dueDate } from '../data/task-due.ts';
import { isSafeUrl } from '../../schemas/cells.ts';

/** A task with what the pages show: its reports, its derived status, its owners then and now. */
export interface TaskView extends TaskRow {
  /** The English title, or the Vietnamese one while no translation exists (see `translated`). */
  title_en: string;
  translated: boolean;
  /** The derived display status (docs/status-rules.md). */
  computed: ComputedStatus;
  statusInfo: TaskStatus;
  /** Its progress reports, oldest first (the whole history). */
  reports: ProgressReportRow[];
  /** Due date: the end of the normalized period; null for standing tasks or when none is stated. */
  deadline: string | null;
  /** Normalized status of the current report (latest on or before as-of), or null without one. */
  status: ReportedStatus | null;
  /** Completion date stated by the current report, when it reports done. */
  completed_on: string | null;
  /** The current report's source when it is a link. */
  evidence_url: string | null;
  /** Owner in English, from agencies.csv. */
  owner_en: string;
  ownerIds: string[];
  /** The bodies that carry the owners' work on the as-of date (through agency_successions.csv). */
  ownersNow: string[];
  /** Id of the later task that revises this one. */
  revisedBy: string | null;
}

export interface ProvinceTask {
  task: TaskView;
  reason: ProvinceReason;
}

/** The tables of the model: the observations as columns (observations.ts), the other tables as rows. */
export type ModelTables = Omit<Tables, 'observations'> & { observations: ObservationTable };

/** What a model is built from: the tables as rows, or the observations as the validated store's columns. */
export type ModelInput = Omit<Tables, 'observations'> & { observations: readonly ObservationRow[] | ColumnTable<ObservationRow> };

export interface Model {
  /** The data directory the model was read from; map boundaries (data/boundaries/) are read from it too. */
  dataDir: string;
  meta: DatasetMeta;
  asOf: string;
  tables: ModelTables;
  provinces: ProvinceRow[];
  province: Map<string, ProvinceRow>;
  formerProvince: Map<string, FormerProvinceRow>;
  formerBySuccessor: Map<string, FormerProvinceRow[]>;
  commune: Map<string, CommuneRow>;
  communesByProvince: Map<string, CommuneRow[]>;
  mergesByCommune: Map<string, CommuneMergeRow[]>;
  document: Map<string, DocumentRow>;
  documentBySlug: Map<string, DocumentRow>;
  indicator: Map<string, IndicatorRow>;
  indicatorChildren: Map<string, IndicatorRow[]>;
  /**
   * Observations by {@link seriesKey}, oldest period first. The observation indexes are read-only
   * Maps over columns (observations.ts): get() makes the key's rows (the same array again while it is
   * among the arrays made last); count() and countValues() count them without making them.
   */
  series: ObservationIndex;
  /** The series of each area: by {@link areaKey}, then indicator id, the arrays of {@link Model.series} (a page of an area reads its series without building a key per indicator). */
  seriesByArea: ReadonlyMap<string, AreaSeries>;
  /** Observations by {@link crossKey}, oldest period first. */
  cross: ObservationIndex;
  /** Observations by {@link areaKey}, oldest period first. */
  byArea: ObservationIndex;
  /** Observations by indicator id, oldest period first. */
  byIndicator: ObservationIndex;
  /** Observations by {@link indicatorLevelKey}, oldest period first: byIndicator's rows of one level, without the others (a page of an indicator reads its provinces, not its 3,321 communes). */
  byIndicatorLevel: ObservationIndex;
  /** Observations citing a source id (document id or URL), oldest period first. */
  observationsBySource: ObservationIndex;
  tasks: TaskView[];
  task: Map<string, TaskView>;
  /**
   * Tasks by {@link areaKey}: for a province, every task that applies to it (addressed to it or to
   * every locality; {@link Model.tasksForProvince} says why); for national|VN, the national tasks.
   */
  tasksByArea: Map<string, TaskView[]>;
  tasksForProvince: Map<string, ProvinceTask[]>;
  agencies: AgencyRow[];
  agency: Map<string, AgencyRow>;
  successions: AgencySuccessionRow[];
  /** Dated counts of an agency's tasks as sources report them (agency_reports.csv), by agency id, in file order. */
  agencyReports: Map<string, AgencyReportRow[]>;
  /** Tasks by owner as written (agency id). */
  tasksByOwner: Map<string, TaskView[]>;
  /** Tasks by the body that carries them on the as-of date (an owner's successor included). */
  tasksByCurrentOwner: Map<string, TaskView[]>;
  /** The date sources were last searched for reports (dataset.json), or null. */
  reportsCheckedOn: string | null;
  tasksByDocument: Map<string, TaskView[]>;
  targetsByIndicator: Map<string, TargetRow[]>;
  targetsByDocument: Map<string, TargetRow[]>;
  unitChanges: UnitChangeRow[];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The observation indexes, over the rows in period order (periodOrder): the same keys, in the same
 * order, with the same rows in the same order as grouping the sorted row objects by each key.
 */
function observationIndexes(table: ObservationTable) {
  const cols = table.columns;
  const key = (name: string) => cols.codes(name) as { dict: readonly string[]; codes: ArrayLike<number> };
  const [indicator, level, area, period, source] = ['indicator_id', 'area_level', 'area_code', 'period', 'source_id'].map(key) as [
    ReturnType<typeof key>,
    ReturnType<typeof key>,
    ReturnType<typeof key>,
    ReturnType<typeof key>,
    ReturnType<typeof key>,
  ];
  const order = periodOrder(period, table.length);
  const series = groupRows(table, order, [indicator, level, area], ([i, l, a]) => seriesKey(i!, l!, a!));
  const seriesByArea = new Map<string, AreaSeries>();
  const text = (c: ReturnType<typeof key>, i: number) => c.dict[c.codes[i]!]!;
  for (let g = 0; g < series.size; g++) {
    const i = series.firstRow(g);
    const a = areaKey(text(level, i), text(area, i));
    let byIndicator = seriesByArea.get(a);
    if (!byIndicator) seriesByArea.set(a, (byIndicator = new AreaSeries(series)));
    byIndicator.add(text(indicator, i), g);
  }
  return {
    series,
    seriesByArea,
    cross: groupRows(table, order, [indicator, level, period], ([i, l, p]) => crossKey(i!, l!, p!)),
    byArea: groupRows(table, order, [level, area], ([l, a]) => areaKey(l!, a!)),
    byIndicator: groupRows(table, order, [indicator], ([i]) => i!),
    byIndicatorLevel: groupRows(table, order, [indicator, level], ([i, l]) => indicatorLevelKey(i!, l!)),
    observationsBySource: groupRows(table, order, [source], ([s]) => s!),
  };
}

export function buildModel(input: ModelInput, meta: DatasetMeta, dir: string): Model {
  // (Not instanceof: each Vite bundle has its own copy of the store's module, and so of its class.)
  const given = input.observations;
  const observationTable = new ObservationTable(
    Array.isArray(given) ? ColumnTable.fromRows(given) : (given as ColumnTable<ObservationRow>),
  );
  // The rows given (when no store gave columns) are not kept: the model holds the columns only.
  const tables: ModelTables = { ...input, observations: observationTable };
  const asOf = meta.as_of;
  const checkedOn = meta.reports_checked_on ?? null;
  const agency = new Map(tables.agencies.map((a) => [a.id, a]));
  const reportsByTask = groupBy(tables.progress_reports, (r) => r.task_id);
  const revisedBy = new Map(tables.tasks.filter((t) => t.revises !== null).map((t) => [t.revises!, t.id]));
  const tasks: TaskView[] = tables.tasks.map((t) => {
    const reports = sortReports(reportsByTask.get(t.id) ?? []);
    const statusInfo = deriveTaskStatus(
      { due_period: t.due_period, recurrence: t.recurrence, reports, revisedBy: revisedBy.get(t.id) ?? null },
      asOf,
      checkedOn,
    );
    const current = statusInfo.report as ProgressReportRow | null;
    const ownerIds = t.owner_ids.split(';');
    return {
      ...t,
      title_en: t.title_en ?? t.title_vi,
      translated: t.title_en !== null,
      computed: statusInfo.kind,
      statusInfo,
      reports,
      deadline: t.recurrence === 'none' ? dueDate(t.due_period) : null,
      status: current?.status ?? null,
      completed_on: current?.status === 'done' ? current.completed_on : null,
      evidence_url: current?.source_id && isSafeUrl(current.source_id) ? current.source_id : null,
      owner_en: ownerIds.map((id) => agency.get(id)?.name_en ?? id).join('; '),
      ownerIds,
      ownersNow: [...new Set(ownerIds.flatMap((id) => successorsOn(id, tables.agency_successions, asOf)))],
      revisedBy: revisedBy.get(t.id) ?? null,
    };
  });
  const successorOfFormer = new Map(tables.former_provinces.map((f) => [f.code, f.successor_code]));
  const tasksForProvince = new Map<string, ProvinceTask[]>();
  for (const p of tables.provinces) {
    const list: ProvinceTask[] = [];
    for (const task of tasks) {
      const reason = provinceReason(task, p.code, agency, successorOfFormer);
      if (reason !== null) list.push({ task, reason });
    }
    tasksForProvince.set(p.code, list);
  }
  const tasksByArea = groupBy(tasks, (t) =>
    t.area_level === 'province' ? null : areaKey(t.area_level, t.area_level === 'national' ? 'VN' : t.area_code!),
  );
  for (const [code, list] of tasksForProvince)
    if (list.length > 0)
      tasksByArea.set(
        areaKey('province', code),
        list.map((x) => x.task),
      );
  const byOwner = (owners: (t: TaskView) => string[]) => {
    const map = new Map<string, TaskView[]>();
    for (const t of tasks)
      for (const id of owners(t)) {
        const list = map.get(id);
        if (list) list.push(t);
        else map.set(id, [t]);
      }
    return map;
  };
  const provinces = [...tables.provinces].sort((a, b) => viCollator.compare(a.name_vi, b.name_vi));
  return {
    dataDir: dir,
    meta,
    asOf,
    tables,
    provinces,
    province: new Map(tables.provinces.map((p) => [p.code, p])),
    formerProvince: new Map(tables.former_provinces.map((f) => [f.code, f])),
    formerBySuccessor: groupBy(tables.former_provinces, (f) => f.successor_code),
    commune: new Map(tables.communes.map((c) => [c.code, c])),
    communesByProvince: new Map(
      [...groupBy(tables.communes, (c) => c.province_code)].map(([k, v]) => [
        k,
        v.sort((a, b) => viCollator.compare(a.name_vi, b.name_vi)),
      ]),
    ),
    mergesByCommune: groupBy(tables.commune_merges, (m) => m.commune_code),
    document: new Map(tables.documents.map((d) => [d.id, d])),
    documentBySlug: new Map(tables.documents.map((d) => [slugify(d.id), d])),
    indicator: new Map(tables.indicators.map((i) => [i.id, i])),
    indicatorChildren: groupBy(tables.indicators, (i) => i.parent_id),
    ...observationIndexes(observationTable),
    tasks,
    task: new Map(tasks.map((t) => [t.id, t])),
    tasksByArea,
    tasksForProvince,
    agencies: tables.agencies,
    agency,
    successions: tables.agency_successions,
    agencyReports: groupBy(tables.agency_reports, (r) => r.agency_id),
    tasksByOwner: byOwner((t) => t.ownerIds),
    tasksByCurrentOwner: byOwner((t) => t.ownersNow),
    reportsCheckedOn: checkedOn,
    tasksByDocument: groupBy(tasks, (t) => t.document_id),
    targetsByIndicator: groupBy(tables.targets, (t) => t.indicator_id),
    targetsByDocument: groupBy(tables.targets, (t) => t.document_id),
    unitChanges: tables.unit_changes,
  };
}

/** The tasks addressed to a province itself (not those addressed to every locality), in file order. */
export function tasksAddressedTo(model: Pick<Model, 'tasksForProvince'>, provinceCode: string): TaskView[] {
  return (model.tasksForProvince.get(provinceCode) ?? []).filter((x) => x.reason === 'addressed').map((x) => x.task);
}

/** An agency's scorecard over the tasks it carries on the as-of date (its own and its predecessors'). */
export function agencyScorecard(model: Pick<Model, 'tasksByCurrentOwner'>, agencyId: string): Scorecard {
  return scorecard((model.tasksByCurrentOwner.get(agencyId) ?? []).map((t) => t.computed));
}

/**
 * The tables of a validated dataset as the model reads them: the observations as the store's
 * columns when the store gave them (their rows are then never made: `data.tables.observations` is
 * made on first read), the other tables as rows.
 */
function modelInput(data: ValidatedDataset): ModelInput {
  const input: Record<string, unknown> = {};
  for (const name of Object.keys(data.tables) as (keyof Tables)[])
    input[name] = name === 'observations' ? (data.columns.observations ?? data.tables.observations) : data.tables[name];
  return input as ModelInput;
}

const cached = new Map<string, Model>();

/**
 * The models built in this process, shared by every copy of this module: Vite bundles the pages
 * apart from the integrations (src/integrations/api.ts), so each has its own module-level memo,
 * but one globalThis. Keyed by the data directory and the hash of every file in it (one model per
 * data, however many bundles ask for it; a change of the data gives another key).
 */
const REGISTRY = Symbol.for('nq57.models');
function registry(): Map<string, Model> {
  const g = globalThis as { [REGISTRY]?: Map<string, Model> };
  return (g[REGISTRY] ??= new Map());
}

/**
 * The model of the data directory `dir` (default: the build's, src/lib/config.ts), validated once
 * per process (through the validated store of the build's cache when there is one); throws the
 * validator's report.
 */
export function getModel(dir = dataDir()): Model {
  let model = cached.get(dir);
  if (model) return model;
  const key = `${dir}\0${folderHash(dir)}`;
  const shared = registry();
  model = shared.get(key);
  if (!model) {
    const data = loadValidDataset(dir, { cacheDir: cacheDir() });
    if (!data.meta) throw new Error(`${dir}/dataset.json is missing or invalid.`);
    if (/SYNTHETIC/i.test(data.meta.title_en) && !allowSynthetic()) {
      throw new Error('Refusing to build the site from SYNTHETIC data; set PORTAL_ALLOW_SYNTHETIC=1 for benchmarks only.');
    }
    model = buildModel(modelInput(data), data.meta, dir);
    // An older model of the same directory (its data changed) is let go.
    for (const k of shared.keys()) if (k.startsWith(`${dir}\0`)) shared.delete(k);
    shared.set(key, model);
  }
  cached.set(dir, model);
  return model;
}

/** The type of an area (province or commune) on a date, from its current type and the dated changes after that date. */
export function typeOnDate(
  model: Pick<Model, 'unitChanges'>,
  level: 'province' | 'commune',
  code: string,
  currentType: string,
  date: string,
): string {
  const later = model.unitChanges
    .filter((c) => c.level === level && c.code === code && c.change === 'type' && c.date > date)
    .sort((a, b) => b.date.localeCompare(a.date));
  return later.length > 0 ? later[later.length - 1]!.from : currentType;
}

/** Where a source id points: a document of documents.csv, or an external URL. */
export function resolveSource(model: Pick<Model, 'document'>, sourceId: string): { document: DocumentRow } | { url: string } {
  const document = model.document.get(sourceId);
  return document ? { document } : { url: sourceId };
}
