/**
 * JSON Schemas (2020-12) of the API resources. A resource's rows are described by the JSON Schema
 * of their table's row, generated from the zod schema (buildJsonSchema, src/lib/release/metadata.ts,
 * from the column metadata of src/schemas/cells.ts); what the API adds around them (envelope,
 * links, resolved sources, derived status) is described here.
 */
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { buildJsonSchema } from '../release/metadata.ts';

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const dateSchema: JsonSchema = { type: 'string', format: 'date' };
/** A path of the API, from the site root. */
export const apiUrl: JsonSchema = { type: 'string', pattern: '^/api/v1/[a-z0-9_./-]+\\.json$' };
export const objectOf = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
export const enumOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });

/** A task as other resources list it: its id, its derived status (docs/status-rules.md) and its URL. */
export const taskRefSchema = (statuses: readonly string[], extra: Record<string, JsonSchema> = {}) =>
  objectOf({ id: { type: 'string' }, status: enumOf(statuses), api: apiUrl, ...extra });

const SOURCE: JsonSchema = {
  description: 'Where a value was read: a document of documents.csv (with its API resource), or an http(s) URL cited as it is.',
  oneOf: [
    objectOf({
      kind: { const: 'document' },
      document_id: { type: 'string' },
      title_vi: { type: 'string' },
      title_en: nullable({ type: 'string' }),
      issuer: { type: 'string' },
      issued_on: nullable(dateSchema),
      url: nullable({ type: 'string', format: 'uri' }),
      api: apiUrl,
    }),
    objectOf({ kind: { const: 'url' }, url: { type: 'string', format: 'uri' } }),
  ],
};
/** `sources`: every source id the resource cites, resolved. */
export const sourcesSchema: JsonSchema = { type: 'object', additionalProperties: ref('source') };

export const ENVELOPE: Record<string, JsonSchema> = {
  api_version: { const: 'v1' },
  self: apiUrl,
  as_of: { ...dateSchema, description: 'The as-of date of the data (dataset.json): statuses and "latest" values are as of this day.' },
  latest_release: nullable({ type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' }),
  licence: { type: 'string' },
  licence_url: { type: 'string', format: 'uri' },
};

const rowSchemas = (baseUrl: string): Record<string, JsonSchema> =>
  Object.fromEntries((TABLES as readonly TableDef[]).map((def) => [def.name, buildJsonSchema(def, baseUrl).items as JsonSchema]));

const document = (baseUrl: string, name: string, title: string, root: JsonSchema): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `${baseUrl}/api/v1/schemas/${name}.schema.json`,
  title,
  ...root,
  $defs: { ...rowSchemas(baseUrl), source: SOURCE },
});

/** What the schemas need of a kind of resource (src/lib/api/resources.ts). */
export interface SchemaOfKind {
  name: string;
  item: string;
  table: TableDef;
  summary: readonly string[];
  bodySchema: Record<string, JsonSchema>;
}

/**
 * `observations_omitted`: what an item with more observations than API_OBSERVATION_LIMIT carries
 * instead of them (src/lib/api/resources.ts): their count and where the download holds them.
 */
const OMITTED: JsonSchema = {
  description:
    'The item has more observations than `limit`: they are left out and found in the download, the rows of table `table` whose columns have the values of `where` (the Data Package lists the files: partitions per indicator and area level, Parquet, gzip CSV).',
  ...objectOf({
    count: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 0 },
    table: { const: 'observations' },
    where: { type: 'object', additionalProperties: { type: 'string' } },
    datapackage: { type: 'string', pattern: '^/data/latest/datapackage\\.json$' },
  }),
};

/**
 * `omitted`: some item of the build has more observations than API_OBSERVATION_LIMIT; its kind's
 * schema then allows `observations_omitted` in place of `observations` (exactly one of the two). A
 * build where no item is over the limit (the real data) publishes the schemas as they were.
 */
export function itemSchema(k: SchemaOfKind, baseUrl: string, omitted = false): JsonSchema {
  const root = objectOf({
    ...ENVELOPE,
    [k.item]: ref(k.table.name),
    ...k.bodySchema,
    links: objectOf({ list: apiUrl, schema: { type: 'string' }, html_vi: { type: 'string' }, html_en: { type: 'string' } }),
  });
  const either =
    omitted && 'observations' in k.bodySchema
      ? {
          ...root,
          properties: { ...(root.properties as object), observations_omitted: OMITTED },
          required: (root.required as string[]).filter((p) => p !== 'observations'),
          oneOf: [{ required: ['observations'] }, { required: ['observations_omitted'] }],
        }
      : root;
  return document(baseUrl, k.item, `${k.table.title_en}: one item (/api/v1/${k.name}/{key}.json)`, either);
}

export function listSchema(k: SchemaOfKind, baseUrl: string): JsonSchema {
  const row = rowSchemas(baseUrl)[k.table.name] as { properties: Record<string, JsonSchema> };
  const summary = Object.fromEntries(k.summary.map((c) => [c, row.properties[c] ?? {}]));
  return document(
    baseUrl,
    `${k.item}-list`,
    `${k.table.title_en}: the list (/api/v1/${k.name}.json)`,
    objectOf({
      ...ENVELOPE,
      count: { type: 'integer', minimum: 0 },
      items: arrayOf(objectOf({ ...summary, key: { type: 'string' }, api: apiUrl })),
    }),
  );
}

export function indexSchema(baseUrl: string): JsonSchema {
  return document(
    baseUrl,
    'index',
    'The API index (/api/v1/index.json)',
    objectOf({
      ...ENVELOPE,
      title_vi: { type: 'string' },
      title_en: { type: 'string' },
      publisher: { type: 'string' },
      releases: arrayOf(
        objectOf({ version: { type: 'string' }, released_on: dateSchema, sqlite: { type: 'string' }, datapackage: { type: 'string' } }),
      ),
      resources: arrayOf(
        objectOf({
          name: { type: 'string' },
          table: { type: 'string' },
          count: { type: 'integer', minimum: 0 },
          list: apiUrl,
          item: { type: 'string', description: 'URL template of one item: replace {key} by the key of an item of the list.' },
          list_schema: apiUrl,
          item_schema: apiUrl,
        }),
      ),
      schemas: objectOf({ index: apiUrl }),
      documentation: objectOf({ html_vi: { type: 'string' }, html_en: { type: 'string' } }),
    }),
  );
}
