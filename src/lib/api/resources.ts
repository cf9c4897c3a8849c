/**
 * The static JSON API, version 1 (/api/v1/): an index, one list per kind of thing and one file per
 * item, built from the model the pages read (src/lib/model). Rows are the table rows exactly as in
 * the JSON downloads (the same columns, typed by the same schema), so every value keeps its
 * provenance fields (source_id, published_on, method, quote, note); `sources` resolves each source
 * id of a resource to its document (or says it is a URL). Design and stability promise: docs/api.md.
 */
import {
  agenciesTable,
  agencySuccessionsTable,
  columnsOf,
  communeMergesTable,
  communesTable,
  documentsTable,
  formerProvincesTable,
  indicatorsTable,
  observationsTable,
  progressReportsTable,
  provincesTable,
  targetsTable,
  tasksTable,
  type DocumentRow,
  type ObservationRow,
  type TableDef,
} from '../../schemas/index.ts';
import type { Model, TaskView } from '../model/index.ts';
import type { ObservationIndex } from '../model/observations.ts';
import { areaKey } from '../model/keys.ts';
import { COMPUTED_STATUSES } from '../model/tasks.ts';
import { REPORTED_STATUSES } from '../../schemas/index.ts';
import {
  apiUrl,
  arrayOf,
  dateSchema,
  enumOf,
  nullable,
  objectOf,
  ref,
  sourcesSchema,
  taskRefSchema,
  type JsonSchema,
} from './json-schema.ts';
import { latestVersion } from '../release/publish.ts';
import { readReleaseIndex } from '../data/read-releases.ts';
import { slugify } from '../text.ts';
import { SQLITE_NAME } from '../release/sqlite.ts';
import {
  agencyPath,
  communePath,
  documentPath,
  formerProvincePath,
  indicatorPath,
  localePath,
  provincePath,
  taskPath,
} from '../view/links.ts';

export const API_VERSION = 'v1';
export const API_ROOT = `/api/${API_VERSION}`;

/** A resolved source id: a document of documents.csv, or an external URL cited as it is. */
export type ApiSource =
  | {
      kind: 'document';
      document_id: string;
      title_vi: string;
      title_en: string | null;
      issuer: string;
      issued_on: string | null;
      url: string | null;
      api: string;
    }
  | { kind: 'url'; url: string };

type Row = Record<string, unknown>;

/** The columns of a table row, in file order: a model object (a TaskView) becomes the published row. */
export function rowOf(def: TableDef, value: object): Row {
  const source = value as Row;
  return Object.fromEntries(columnsOf(def).map((c) => [c, source[c] ?? null]));
}

export function documentSlug(id: string): string {
  return slugify(id);
}

export const apiPath = {
  index: () => `${API_ROOT}/index.json`,
  list: (kind: string) => `${API_ROOT}/${kind}.json`,
  item: (kind: string, key: string) => `${API_ROOT}/${kind}/${key}.json`,
  schema: (name: string) => `${API_ROOT}/schemas/${name}.schema.json`,
};

/** Pages of an item in both languages. */
const pages = (path: string) => ({ html_vi: localePath('vi', path), html_en: localePath('en', path) });

function sourcesOf(model: Pick<Model, 'document'>, ids: Iterable<string | null>): Record<string, ApiSource> {
  const out: Record<string, ApiSource> = {};
  for (const id of [...new Set([...ids].filter((x): x is string => x !== null))].sort()) {
    const doc: DocumentRow | undefined = model.document.get(id);
    out[id] = doc
      ? {
          kind: 'document',
          document_id: doc.id,
          title_vi: doc.title_vi,
          title_en: doc.title_en,
          issuer: doc.issuer,
          issued_on: doc.issued_on,
          url: doc.url,
          api: apiPath.item('documents', documentSlug(doc.id)),
        }
      : { kind: 'url', url: id };
  }
  return out;
}

/** The fields every resource starts with: what it is, of which data, under which licence. */
export interface Envelope {
  api_version: typeof API_VERSION;
  self: string;
  as_of: string;
  latest_release: string | null;
  licence: string;
  licence_url: string;
}

export function envelope(model: Pick<Model, 'meta' | 'asOf' | 'dataDir'>, self: string): Envelope {
  return {
    api_version: API_VERSION,
    self,
    as_of: model.asOf,
    latest_release: latestVersion(model.dataDir),
    licence: model.meta.licence,
    licence_url: model.meta.licence_url,
  };
}

const toTaskRef = (t: TaskView) => ({ id: t.id, status: t.computed, api: apiPath.item('tasks', t.id) });

/**
 * One kind of resource: its table, its items, the key of an item in its URL, what a list shows of
 * an item, and the body of the item's own file (beside the envelope).
 */
export interface ApiKind<T extends object = object> {
  /** Path segment and name of the list: /api/v1/{name}.json, /api/v1/{name}/{key}.json. */
  name: string;
  /** Name of the item's property and of its schema (/api/v1/schemas/{item}.schema.json). */
  item: string;
  table: TableDef;
  keyName: string;
  rows: (model: Model) => readonly T[];
  key: (row: T) => string;
  /** Columns of the row shown in the list (the item's file has them all). */
  summary: readonly string[];
  /** `limit`: most observations the item carries (API_OBSERVATION_LIMIT; observationsOf). */
  body: (model: Model, row: T, limit: number) => Row;
  /** JSON Schema of each property `body` returns. */
  bodySchema: Record<string, JsonSchema>;
  page: (row: T) => string;
}

const observationsSchema = arrayOf(ref('observations'));
const taskRef = taskRefSchema(COMPUTED_STATUSES);

const observationRows = (rows: readonly object[]) => rows.map((o) => rowOf(observationsTable, o));

/**
 * Most observations one item carries. Past it, the item leaves them out and says where they are
 * (`observations_omitted`): at benchmark scale M50 (3.95 M observations) a commune's file held its
 * 1,176 observations (0.4 MB, 1.3 GB for the 3,321 communes) and an indicator's its 79,000 (21 MB,
 * near the host's 25 MiB file limit), copies of the downloads. The largest item of the real data
 * holds 340 (a document), so no real item is cut, and its schemas are the ones v1 published.
 */
export const API_OBSERVATION_LIMIT = 1000;

/**
 * The item's observations (those of `key` in one of the model's indexes), or past `limit`, their
 * count and the rows of the download that hold them (`where`: column = value); rows are made only
 * when the item carries them.
 */
function observationsOf(
  index: ObservationIndex,
  key: string,
  limit: number,
  where: Record<string, string>,
): { body: Row; cited: readonly ObservationRow[] } {
  const count = index.count(key);
  if (count <= limit) {
    const rows = index.get(key) ?? [];
    return { body: { observations: observationRows(rows) }, cited: rows };
  }
  return {
    body: {
      observations_omitted: { count, limit, table: 'observations', where, datapackage: '/data/latest/datapackage.json' },
    },
    cited: [],
  };
}
const withSources = (model: Model, body: Row, ids: Iterable<string | null>) => ({ ...body, sources: sourcesOf(model, ids) });
const sourceIds = (rows: readonly { source_id: string }[]) => rows.map((r) => r.source_id);

type K<T extends object> = ApiKind<T>;
const kind = <T extends object>(k: K<T>) => k as unknown as ApiKind;

export const API_KINDS: readonly ApiKind[] = [
  kind<Model['provinces'][number]>({
    name: 'provinces',
    item: 'province',
    table: provincesTable,
    keyName: 'code',
    rows: (m) => m.tables.provinces,
    key: (p) => p.code,
    summary: ['code', 'name_vi', 'name_en', 'type'],
    page: (p) => provincePath(p.code),
    body: (m, p, limit) => {
      const obs = observationsOf(m.byArea, areaKey('province', p.code), limit, { area_level: 'province', area_code: p.code });
      return withSources(
        m,
        {
          former_provinces: (m.formerBySuccessor.get(p.code) ?? []).map((f) => ({
            code: f.code,
            api: apiPath.item('former-provinces', f.code),
          })),
          communes: (m.communesByProvince.get(p.code) ?? []).length,
          ...obs.body,
          tasks: (m.tasksForProvince.get(p.code) ?? []).map((x) => ({ ...toTaskRef(x.task), reason: x.reason })),
        },
        sourceIds(obs.cited),
      );
    },
    bodySchema: {
      former_provinces: arrayOf(objectOf({ code: { type: 'string' }, api: apiUrl })),
      communes: { type: 'integer', minimum: 0, description: 'Number of communes (list: /api/v1/communes.json, by province_code).' },
      observations: observationsSchema,
      tasks: arrayOf(taskRefSchema(COMPUTED_STATUSES, { reason: enumOf(['addressed', 'every_locality', 'coordinating_every_locality']) })),
      sources: sourcesSchema,
    },
  }),
  kind<Model['tables']['former_provinces'][number]>({
    name: 'former-provinces',
    item: 'former_province',
    table: formerProvincesTable,
    keyName: 'code',
    rows: (m) => m.tables.former_provinces,
    key: (f) => f.code,
    summary: ['code', 'name_vi', 'name_en', 'successor_code'],
    page: (f) => formerProvincePath(f.code),
    body: (m, f, limit) => {
      const obs = observationsOf(m.byArea, areaKey('former_province', f.code), limit, { area_level: 'former_province', area_code: f.code });
      return withSources(m, { successor: apiPath.item('provinces', f.successor_code), ...obs.body }, sourceIds(obs.cited));
    },
    bodySchema: { successor: apiUrl, observations: observationsSchema, sources: sourcesSchema },
  }),
  kind<Model['tables']['communes'][number]>({
    name: 'communes',
    item: 'commune',
    table: communesTable,
    keyName: 'code',
    rows: (m) => m.tables.communes,
    key: (c) => c.code,
    summary: ['code', 'name_vi', 'name_en', 'province_code'],
    page: (c) => communePath(c.code),
    body: (m, c, limit) => {
      const obs = observationsOf(m.byArea, areaKey('commune', c.code), limit, { area_level: 'commune', area_code: c.code });
      return withSources(
        m,
        {
          province: apiPath.item('provinces', c.province_code),
          merged_from: (m.mergesByCommune.get(c.code) ?? []).map((x) => rowOf(communeMergesTable, x)),
          ...obs.body,
        },
        sourceIds(obs.cited),
      );
    },
    bodySchema: { province: apiUrl, merged_from: arrayOf(ref('commune_merges')), observations: observationsSchema, sources: sourcesSchema },
  }),
  kind<TaskView>({
    name: 'tasks',
    item: 'task',
    table: tasksTable,
    keyName: 'id',
    rows: (m) => m.tasks,
    key: (t) => t.id,
    summary: ['id', 'document_id', 'due_period', 'recurrence', 'area_level', 'area_code'],
    page: (t) => taskPath(t.id),
    body: (m, t) =>
      withSources(
        m,
        {
          status: {
            computed: t.computed,
            due: t.deadline,
            reported: t.status,
            completed_on: t.completed_on,
            reports_checked_on: m.reportsCheckedOn,
            revised_by: t.revisedBy,
          },
          progress_reports: t.reports.map((r) => rowOf(progressReportsTable, r)),
          document: apiPath.item('documents', documentSlug(t.document_id)),
          owners: t.ownerIds.map((id) => apiPath.item('agencies', id)),
          owners_now: t.ownersNow.map((id) => apiPath.item('agencies', id)),
        },
        [t.source_id, t.document_id, ...sourceIds(t.reports)],
      ),
    bodySchema: {
      status: objectOf({
        computed: enumOf(COMPUTED_STATUSES),
        due: nullable(dateSchema),
        reported: nullable(enumOf(REPORTED_STATUSES)),
        completed_on: nullable(dateSchema),
        reports_checked_on: nullable(dateSchema),
        revised_by: nullable({ type: 'string' }),
      }),
      progress_reports: arrayOf(ref('progress_reports')),
      document: apiUrl,
      owners: arrayOf(apiUrl),
      owners_now: arrayOf(apiUrl),
      sources: sourcesSchema,
    },
  }),
  kind<Model['agencies'][number]>({
    name: 'agencies',
    item: 'agency',
    table: agenciesTable,
    keyName: 'id',
    rows: (m) => m.agencies,
    key: (a) => a.id,
    summary: ['id', 'name_vi', 'name_en', 'kind'],
    page: (a) => agencyPath(a.id),
    body: (m, a) => {
      const successions = m.successions.filter((s) => s.agency_id === a.id || s.successor_id === a.id);
      return withSources(
        m,
        {
          successions: successions.map((s) => rowOf(agencySuccessionsTable, s)),
          tasks_owned: (m.tasksByOwner.get(a.id) ?? []).map(toTaskRef),
          tasks_carried_now: (m.tasksByCurrentOwner.get(a.id) ?? []).map(toTaskRef),
        },
        sourceIds(successions),
      );
    },
    bodySchema: {
      successions: arrayOf(ref('agency_successions')),
      tasks_owned: arrayOf(taskRef),
      tasks_carried_now: arrayOf(taskRef),
      sources: sourcesSchema,
    },
  }),
  kind<Model['tables']['indicators'][number]>({
    name: 'indicators',
    item: 'indicator',
    table: indicatorsTable,
    keyName: 'id',
    rows: (m) => m.tables.indicators,
    key: (i) => i.id,
    summary: ['id', 'parent_id', 'name_vi', 'name_en', 'unit'],
    page: (i) => indicatorPath(i.id),
    body: (m, i, limit) => {
      const obs = observationsOf(m.byIndicator, i.id, limit, { indicator_id: i.id });
      return withSources(
        m,
        {
          children: (m.indicatorChildren.get(i.id) ?? []).map((c) => apiPath.item('indicators', c.id)),
          targets: (m.targetsByIndicator.get(i.id) ?? []).map((x) => rowOf(targetsTable, x)),
          ...obs.body,
        },
        [...sourceIds(obs.cited), ...(m.targetsByIndicator.get(i.id) ?? []).map((x) => x.document_id)],
      );
    },
    bodySchema: { children: arrayOf(apiUrl), targets: arrayOf(ref('targets')), observations: observationsSchema, sources: sourcesSchema },
  }),
  kind<DocumentRow>({
    name: 'documents',
    item: 'document',
    table: documentsTable,
    keyName: 'slug',
    rows: (m) => m.tables.documents,
    key: (d) => documentSlug(d.id),
    summary: ['id', 'kind', 'issuer', 'issued_on', 'title_vi'],
    page: (d) => documentPath(d.id),
    body: (m, d, limit) => ({
      tasks: (m.tasksByDocument.get(d.id) ?? []).map(toTaskRef),
      targets: (m.targetsByDocument.get(d.id) ?? []).map((x) => rowOf(targetsTable, x)),
      ...observationsOf(m.observationsBySource, d.id, limit, { source_id: d.id }).body,
    }),
    bodySchema: { tasks: arrayOf(taskRef), targets: arrayOf(ref('targets')), observations: observationsSchema },
  }),
];

/** The list of one kind: every item's summary columns, its key and URL. */
export function buildList(model: Model, k: ApiKind) {
  const rows = k.rows(model);
  return {
    ...envelope(model, apiPath.list(k.name)),
    count: rows.length,
    items: rows.map((r) => ({ ...pick(k.table, r, k.summary), key: k.key(r), api: apiPath.item(k.name, k.key(r)) })),
  };
}

function pick(def: TableDef, value: object, columns: readonly string[]): Row {
  const row = rowOf(def, value);
  return Object.fromEntries(columns.map((c) => [c, row[c]]));
}

/** The file of one item: the envelope, its row, what relates to it, and its pages. */
export function buildItem(model: Model, k: ApiKind, row: object, limit = API_OBSERVATION_LIMIT) {
  const key = k.key(row);
  return {
    ...envelope(model, apiPath.item(k.name, key)),
    [k.item]: rowOf(k.table, row),
    ...k.body(model, row, limit),
    links: { list: apiPath.list(k.name), schema: apiPath.schema(k.item), ...pages(k.page(row)) },
  };
}

/** The index: every resource with its URL templates and schemas, the release and the licence. */
export function buildIndex(model: Model) {
  const releases = readReleaseIndex(model.dataDir).releases;
  return {
    ...envelope(model, apiPath.index()),
    title_vi: model.meta.title_vi,
    title_en: model.meta.title_en,
    publisher: model.meta.publisher,
    releases: releases.map((r) => ({
      version: r.version,
      released_on: r.released_on,
      sqlite: `/data/v/${r.version}/${SQLITE_NAME}`,
      datapackage: `/data/v/${r.version}/datapackage.json`,
    })),
    resources: API_KINDS.map((k) => ({
      name: k.name,
      table: k.table.name,
      count: k.rows(model).length,
      list: apiPath.list(k.name),
      item: `${API_ROOT}/${k.name}/{${k.keyName}}.json`,
      list_schema: apiPath.schema(`${k.item}-list`),
      item_schema: apiPath.schema(k.item),
    })),
    schemas: { index: apiPath.schema('index') },
    documentation: { html_vi: localePath('vi', '/developers/'), html_en: localePath('en', '/developers/') },
  };
}

/** Every file of the API as [path under the site root (no leading slash), value], in a fixed order. */
export function* apiResources(model: Model): Generator<[string, unknown]> {
  yield [apiPath.index().slice(1), buildIndex(model)];
  for (const k of API_KINDS) {
    yield [apiPath.list(k.name).slice(1), buildList(model, k)];
    for (const row of k.rows(model)) yield [apiPath.item(k.name, k.key(row)).slice(1), buildItem(model, k, row)];
  }
}

/** The paths of every API resource (leading slash), sorted: what the stability manifest records. */
export function apiResourcePaths(model: Model): string[] {
  const paths = [
    apiPath.index(),
    ...API_KINDS.flatMap((k) => [apiPath.list(k.name), ...k.rows(model).map((r) => apiPath.item(k.name, k.key(r)))]),
  ];
  return paths.sort();
}
