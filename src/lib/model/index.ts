/**
 * The typed model the pages read: the validated dataset with the look-ups pages need, built once
 * per build. Pages never parse CSV; every per-page look-up is a Map access.
 */
import { resolve } from 'node:path';
import type {
  CommuneMergeRow,
  CommuneRow,
  DatasetMeta,
  DocumentRow,
  FormerProvinceRow,
  IndicatorRow,
  ObservationRow,
  ProvinceRow,
  TargetRow,
  TaskRow,
  Tables,
  UnitChangeRow,
} from '../../schemas/index.ts';
import { loadValidDataset } from '../data/validate-dataset.ts';
import { slugify, viCollator } from '../text.ts';
import { areaKey, crossKey, seriesKey } from './keys.ts';
import { computeTaskStatus, type ComputedStatus } from './tasks.ts';

export interface TaskView extends TaskRow {
  computed: ComputedStatus;
}

export interface Model {
  meta: DatasetMeta;
  asOf: string;
  tables: Tables;
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
  /** Observations by {@link seriesKey}, oldest period first. */
  series: Map<string, ObservationRow[]>;
  /** Observations by {@link crossKey}. */
  cross: Map<string, ObservationRow[]>;
  /** Observations by {@link areaKey}. */
  byArea: Map<string, ObservationRow[]>;
  /** Observations by indicator id, oldest period first. */
  byIndicator: Map<string, ObservationRow[]>;
  /** Observations, tasks and targets citing a source id (document id or URL). */
  observationsBySource: Map<string, ObservationRow[]>;
  tasks: TaskView[];
  task: Map<string, TaskView>;
  tasksByArea: Map<string, TaskView[]>;
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

export function buildModel(tables: Tables, meta: DatasetMeta): Model {
  const asOf = meta.as_of;
  const tasks: TaskView[] = tables.tasks.map((t) => ({ ...t, computed: computeTaskStatus(t, asOf) }));
  const observations = [...tables.observations].sort((a, b) => a.period!.localeCompare(b.period!));
  const provinces = [...tables.provinces].sort((a, b) => viCollator.compare(a.name_vi!, b.name_vi!));
  return {
    meta,
    asOf,
    tables,
    provinces,
    province: new Map(tables.provinces.map((p) => [p.code!, p])),
    formerProvince: new Map(tables.former_provinces.map((f) => [f.code!, f])),
    formerBySuccessor: groupBy(tables.former_provinces, (f) => f.successor_code),
    commune: new Map(tables.communes.map((c) => [c.code!, c])),
    communesByProvince: new Map(
      [...groupBy(tables.communes, (c) => c.province_code)].map(([k, v]) => [
        k,
        v.sort((a, b) => viCollator.compare(a.name_vi!, b.name_vi!)),
      ]),
    ),
    mergesByCommune: groupBy(tables.commune_merges, (m) => m.commune_code),
    document: new Map(tables.documents.map((d) => [d.id!, d])),
    documentBySlug: new Map(tables.documents.map((d) => [slugify(d.id!), d])),
    indicator: new Map(tables.indicators.map((i) => [i.id!, i])),
    indicatorChildren: groupBy(tables.indicators, (i) => i.parent_id),
    series: groupBy(observations, (o) => seriesKey(o.indicator_id!, o.area_level!, o.area_code!)),
    cross: groupBy(observations, (o) => crossKey(o.indicator_id!, o.area_level!, o.period!)),
    byArea: groupBy(observations, (o) => areaKey(o.area_level!, o.area_code!)),
    byIndicator: groupBy(observations, (o) => o.indicator_id),
    observationsBySource: groupBy(observations, (o) => o.source_id),
    tasks,
    task: new Map(tasks.map((t) => [t.id!, t])),
    tasksByArea: groupBy(tasks, (t) => areaKey(t.area_level!, t.area_level === 'national' ? 'VN' : t.area_code!)),
    tasksByDocument: groupBy(tasks, (t) => t.document_id),
    targetsByIndicator: groupBy(tables.targets, (t) => t.indicator_id),
    targetsByDocument: groupBy(tables.targets, (t) => t.document_id),
    unitChanges: tables.unit_changes,
  };
}

let cached: Model | undefined;

/** The model of the data directory PORTAL_DATA_DIR (default data/), validated; throws the validator's report. */
export function getModel(): Model {
  if (!cached) {
    const dir = resolve(process.env.PORTAL_DATA_DIR ?? 'data');
    const data = loadValidDataset(dir);
    if (!data.meta) throw new Error(`${dir}/dataset.json is missing or invalid.`);
    if (/SYNTHETIC/i.test(data.meta.title_en) && process.env.PORTAL_ALLOW_SYNTHETIC !== '1') {
      throw new Error('Refusing to build the site from SYNTHETIC data; set PORTAL_ALLOW_SYNTHETIC=1 for benchmarks only.');
    }
    cached = buildModel(data.tables, data.meta);
  }
  return cached;
}

/** The type of a unit on a date, from its current type and the dated changes after that date. */
export function typeOnDate(
  model: Pick<Model, 'unitChanges'>,
  level: 'province' | 'commune',
  code: string,
  currentType: string,
  date: string,
): string {
  const later = model.unitChanges
    .filter((c) => c.level === level && c.code === code && c.change === 'type' && c.date! > date)
    .sort((a, b) => b.date!.localeCompare(a.date!));
  return later.length > 0 ? later[later.length - 1]!.from! : currentType;
}

/** Where a source id points: a document of documents.csv, or an external URL. */
export function resolveSource(model: Pick<Model, 'document'>, sourceId: string): { document: DocumentRow } | { url: string } {
  const document = model.document.get(sourceId);
  return document ? { document } : { url: sourceId };
}
