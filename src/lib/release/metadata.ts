/**
 * Machine-readable descriptions generated from the table schemas: Frictionless Table Schema and
 * Data Package, JSON Schema of the JSON downloads, DCAT catalogue and schema.org Dataset (JSON-LD).
 */
import { TABLES, type DatasetMeta, type TableDef } from '../../schemas/index.ts';
import { describeColumns } from '../data/data-dictionary.ts';
import type { Release } from '../../schemas/index.ts';
import type { LargeTableParts, PartInfo } from './layout.ts';

export const PACKAGE_NAME = 'nq57-portal-data';

export function buildTableSchema(def: TableDef) {
  return {
    fields: describeColumns(def).map((c) => {
      const constraints: Record<string, unknown> = {};
      if (c.required) constraints.required = true;
      if (c.enum && c.type !== 'boolean') constraints.enum = [...c.enum];
      if (c.pattern && c.type === 'string') constraints.pattern = c.pattern;
      return {
        name: c.name,
        type: c.type,
        ...(c.format === 'uri' ? { format: 'uri' } : {}),
        ...(c.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
        description: c.description,
        ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
      };
    }),
    missingValues: [''],
    primaryKey: [...def.primaryKey],
    ...(def.foreignKeys.length > 0
      ? {
          foreignKeys: def.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            reference: { resource: fk.reference.table === def.name ? '' : fk.reference.table, fields: [...fk.reference.fields] },
          })),
        }
      : {}),
  };
}

/** A Data Resource of the Data Package (frictionless `compression` and our `parts` are extensions the spec allows). */
export interface DataResource {
  name: string;
  path: string | string[];
  profile?: string;
  title: string;
  description?: string;
  format: string;
  mediatype: string;
  encoding?: string;
  compression?: string;
  bytes?: number;
  hash?: string;
  /** Every file of a resource published in pieces, with its size and checksum. */
  parts?: { path: string; bytes: number; hash: string }[];
  /**
   * A partition's JSON twin: the same rows, typed, as an array of arrays whose first is the column
   * names (Table Dialect `itemType: "array"`; downloads.ts, JsonShape `rows`).
   */
  json?: { path: string; bytes: number; hash: string; format: 'json'; mediatype: 'application/json'; dialect: { itemType: 'array' } };
  schema?: ReturnType<typeof buildTableSchema>;
}

/**
 * A Data Package for a release (files with checksums) or, without one, for the working data.
 * `large`: the tables published in parts (partition.ts), listed as their parts; `partsBase`, when
 * given, turns the parts' paths into URLs under it (the zip's copy, which does not hold the parts).
 */
export function buildDataPackage(
  meta: DatasetMeta,
  release: Release | null,
  baseUrl: string,
  tables: readonly TableDef[] = TABLES,
  large: readonly LargeTableParts[] = [],
  partsBase?: string,
) {
  const fileInfo = new Map(release?.files.map((f) => [f.path, f]) ?? []);
  return {
    name: PACKAGE_NAME,
    title: `${meta.title_en} / ${meta.title_vi}`,
    ...(release ? { version: release.version, created: `${release.released_on}T00:00:00Z` } : {}),
    homepage: `${baseUrl}/data/`,
    licenses: [{ name: meta.licence, path: meta.licence_url, title: meta.licence }],
    sources: meta.sources.map((s) => ({ title: s.title, ...(s.url ? { path: s.url } : {}) })),
    resources: tables.flatMap((def): DataResource[] => {
      const parts = large.find((l) => l.table === def.name);
      if (parts) return partResources(def, parts, partsBase);
      const f = fileInfo.get(def.file);
      return [
        {
          name: def.name,
          path: def.file,
          profile: 'tabular-data-resource',
          title: def.title_en,
          description: def.description_en,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          ...(f ? { bytes: f.bytes, hash: `sha256:${f.sha256}` } : {}),
          schema: buildTableSchema(def),
        },
      ];
    }),
  };
}

/**
 * The resources of a table published in parts. Its gzip pieces are one resource with a path array
 * (Data Resource: "concatenate together the files in the simplest way and treat the result as one
 * large file": `cat` then `gunzip` gives the CSV, one header row; its bytes and hash are those of
 * that CSV); the Parquet pieces another; each partition file a resource of its own (each has its
 * header row). Every file is listed with its size and SHA-256 in `parts` (or on its resource).
 */
function partResources(def: TableDef, parts: LargeTableParts, partsBase?: string): DataResource[] {
  const at = (p: string) => (partsBase ? `${partsBase}/${p}` : p);
  const list = (files: readonly PartInfo[]) => files.map((f) => ({ path: at(f.path), bytes: f.bytes, hash: `sha256:${f.sha256}` }));
  const schema = buildTableSchema(def);
  return [
    {
      name: def.name,
      path: parts.gz.map((f) => at(f.path)),
      profile: 'tabular-data-resource',
      title: def.title_en,
      description: `${def.description_en} Published in ${parts.gz.length} gzip piece(s) that together are the CSV (${parts.csv.rows} rows).`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      compression: 'gz',
      bytes: parts.csv.bytes,
      hash: `sha256:${parts.csv.sha256}`,
      parts: list(parts.gz),
      schema,
    },
    {
      name: `${def.name}-parquet`,
      path: parts.parquet.map((f) => at(f.path)),
      title: `${def.title_en} (Parquet)`,
      description: `The same rows in Apache Parquet, ${parts.parquet.length} file(s) of consecutive rows.`,
      profile: 'tabular-data-resource',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      parts: list(parts.parquet),
      schema,
    },
    // Each partition's CSV is a resource; its JSON twin (the same rows, typed, as arrays) is listed on it as `json`.
    ...parts.partitions
      .filter((p) => p.format === 'csv')
      .map((p) => {
        const twin = parts.partitions.find((j) => j.format === 'json' && j.path === p.path.replace(/\.csv$/, '.json'));
        return {
          name: `${def.name}-${p.path
            .slice(def.name.length + 1)
            .replace(/\.csv$/, '')
            .replace(/\//g, '-')}`.toLowerCase(),
          path: at(p.path),
          profile: 'tabular-data-resource',
          title: `${def.title_en}: ${p.columns.map((c, i) => `${c} = ${p.values[i]}`).join(', ') || 'part'}`,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes: p.bytes,
          hash: `sha256:${p.sha256}`,
          ...(twin
            ? {
                json: {
                  path: at(twin.path),
                  bytes: twin.bytes,
                  hash: `sha256:${twin.sha256}`,
                  format: 'json' as const,
                  mediatype: 'application/json' as const,
                  dialect: { itemType: 'array' as const },
                },
              }
            : {}),
          schema,
        };
      }),
  ];
}

/** Where the JSON Schema of a table's JSON of rows (the partitions of a large table) is published. */
export const rowsSchemaPath = (table: string) => `/data/schemas/${table}.rows.schema.json`;

/** JSON Schema (2020-12) of the JSON download of a table: an array of records (JsonShape `records`). */
export function buildJsonSchema(def: TableDef, baseUrl: string) {
  const properties = columnSchemas(def);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl}/data/schemas/${def.name}.schema.json`,
    title: `${def.title_en} (${def.file})`,
    description: def.description_en,
    type: 'array',
    items: { type: 'object', properties, required: Object.keys(properties), additionalProperties: false },
  };
}

/**
 * JSON Schema (2020-12) of a partition's JSON (JsonShape `rows`): an array whose first item is the
 * column names, in the table's order, and each further item the values of one row, in that order.
 */
export function buildRowsJsonSchema(def: TableDef, baseUrl: string) {
  const columns = columnSchemas(def);
  const names = Object.keys(columns);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl}${rowsSchemaPath(def.name)}`,
    title: `${def.title_en}, a partition as JSON rows`,
    description: `${def.description_en} The first item holds the column names; each further item one row, its values in the order of the names.`,
    type: 'array',
    prefixItems: [{ const: names }],
    items: { type: 'array', prefixItems: names.map((n) => columns[n]), minItems: names.length, items: false },
    minItems: 1,
  };
}

/** JSON Schema of each column's typed value, by column name, in the table's order. */
function columnSchemas(def: TableDef): Record<string, Record<string, unknown>> {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const c of describeColumns(def)) {
    const base: Record<string, unknown> = { description: c.description };
    const jsonType = c.type === 'date' ? 'string' : c.type;
    if (c.type === 'date') base.format = 'date';
    if (c.format === 'uri') base.format = 'uri';
    if (c.enum && c.type !== 'boolean') base.enum = [...c.enum, ...(c.required ? [] : [null])];
    if (c.pattern && c.type === 'string') base.pattern = c.pattern;
    base.type = c.required ? jsonType : [jsonType, 'null'];
    properties[c.name] = base;
  }
  return properties;
}

const citation = (meta: DatasetMeta, version: string | null, date: string, url: string) =>
  `${meta.publisher}. ${meta.title_en}${version ? `, version ${version}` : ''} (${date}). ${meta.licence}. ${url}`;

export function buildCitation(meta: DatasetMeta, release: Release | null, baseUrl: string, lang: 'vi' | 'en') {
  const url = release ? `${baseUrl}/data/v/${release.version}/` : `${baseUrl}/data/`;
  const date = release?.released_on ?? meta.as_of;
  return {
    title: lang === 'vi' ? meta.title_vi : meta.title_en,
    publisher: meta.publisher,
    version: release?.version ?? null,
    date,
    url,
    text:
      lang === 'vi'
        ? `${meta.publisher}. ${meta.title_vi}${release ? `, phiên bản ${release.version}` : ''} (${date}). ${meta.licence}. ${url}`
        : citation(meta, release?.version ?? null, date, url),
  };
}

/** DCAT catalogue of the portal (JSON-LD), one dcat:Dataset per table with its distributions. */
export function buildDcatCatalog(meta: DatasetMeta, release: Release | null, baseUrl: string, large: readonly LargeTableParts[] = []) {
  const version = release?.version ?? null;
  const dir = version ? `${baseUrl}/data/v/${version}` : `${baseUrl}/data/latest`;
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${baseUrl}/data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': [
      { '@value': meta.title_vi, '@language': 'vi' },
      { '@value': meta.title_en, '@language': 'en' },
    ],
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': meta.publisher },
    'dct:license': { '@id': meta.licence_url },
    'foaf:homepage': { '@id': `${baseUrl}/` },
    'dcat:dataset': TABLES.map((def) => ({
      '@id': `${baseUrl}/data/${def.name}/`,
      '@type': 'dcat:Dataset',
      'dct:identifier': def.name,
      'dct:title': [
        { '@value': def.title_vi, '@language': 'vi' },
        { '@value': def.title_en, '@language': 'en' },
      ],
      'dct:description': [
        { '@value': def.description_vi, '@language': 'vi' },
        { '@value': def.description_en, '@language': 'en' },
      ],
      'dct:license': { '@id': meta.licence_url },
      ...(version ? { 'dcat:version': version, 'dct:issued': { '@value': release!.released_on, '@type': 'xsd:date' } } : {}),
      'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:endDate': { '@value': meta.as_of, '@type': 'xsd:date' } },
      'dcat:landingPage': { '@id': `${baseUrl}/data/${def.name}/` },
      'dcat:distribution': large.some((l) => l.table === def.name)
        ? partDistributions(
            large.find((l) => l.table === def.name)!,
            dir,
            baseUrl,
          )
        : [
            {
              '@type': 'dcat:Distribution',
              'dcat:downloadURL': { '@id': `${dir}/${def.file}` },
              'dcat:mediaType': 'text/csv',
              'dct:format': 'CSV',
            },
            {
              '@type': 'dcat:Distribution',
              'dcat:downloadURL': { '@id': `${dir}/${def.name}.json` },
              'dcat:mediaType': 'application/json',
              'dct:format': 'JSON',
              'dct:conformsTo': { '@id': `${baseUrl}/data/schemas/${def.name}.schema.json` },
            },
          ],
    })),
  };
}

/** The distributions of a table published in parts: one per gzip piece, Parquet piece and partition file. */
function partDistributions(parts: LargeTableParts, dir: string, baseUrl: string) {
  const one = (path: string, mediaType: string, format: string, extra: Record<string, unknown> = {}) => ({
    '@type': 'dcat:Distribution',
    'dcat:downloadURL': { '@id': `${dir}/${path}` },
    'dcat:mediaType': mediaType,
    'dct:format': format,
    ...extra,
  });
  return [
    ...parts.gz.map((f) => one(f.path, 'text/csv', 'CSV', { 'dcat:compressFormat': 'application/gzip' })),
    ...parts.parquet.map((f) => one(f.path, 'application/vnd.apache.parquet', 'Parquet')),
    ...parts.partitions.map((p) =>
      p.format === 'csv'
        ? one(p.path, 'text/csv', 'CSV')
        : one(p.path, 'application/json', 'JSON', { 'dct:conformsTo': { '@id': `${baseUrl}${rowsSchemaPath(parts.table)}` } }),
    ),
  ];
}

/** schema.org Dataset for a table's page, for dataset search engines. */
export function buildSchemaOrgDataset(def: TableDef, meta: DatasetMeta, release: Release | null, baseUrl: string, lang: 'vi' | 'en') {
  const dir = release ? `${baseUrl}/data/v/${release.version}` : `${baseUrl}/data/latest`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': `${baseUrl}/data/${def.name}/`,
    name: lang === 'vi' ? def.title_vi : def.title_en,
    description: lang === 'vi' ? def.description_vi : def.description_en,
    url: `${baseUrl}${lang === 'vi' ? '' : '/en'}/data/${def.name}/`,
    inLanguage: ['vi', 'en'],
    license: meta.licence_url,
    creator: { '@type': 'Organization', name: meta.publisher },
    ...(release ? { version: release.version, datePublished: release.released_on } : {}),
    temporalCoverage: `../${meta.as_of}`,
    spatialCoverage: { '@type': 'Place', name: 'Việt Nam' },
    isAccessibleForFree: true,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: `${dir}/${def.file}` },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: `${dir}/${def.name}.json` },
    ],
  };
}

/**
 * JSON for a <script type="application/ld+json">: <, >, & and the line separators are escaped so
 * that no data can close the script element (OWASP XSS prevention, rule 3.1).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export interface FeedEntry {
  id: string;
  title: string;
  /** "YYYY-MM-DD" (written as midnight UTC) or a full RFC 3339 date-time; from the data, never the clock. */
  updated: string;
  link: string;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  /** The page the feed follows (rel="alternate"). */
  link: string;
  updated: string;
  entries: FeedEntry[];
  /** The feed's own URL (rel="self", RFC 4287 section 4.2.7.2 recommends it). */
  self?: string;
  /** xml:lang of the feed's text ("vi", "en"). */
  lang?: string;
  /** Name of the feed's author (RFC 4287 4.1.1: required at feed level when an entry has none). */
  author?: string;
  subtitle?: string;
}

/** An RFC 3339 date-time from a data date: "2026-12-02" is midnight UTC; a date-time is kept as written. */
const atomDate = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d);

/** An Atom feed (RFC 4287); every text is XML-escaped. */
export function buildAtomFeed(feed: Feed): string {
  const entries = feed.entries
    .map(
      (e) =>
        `  <entry>\n    <id>${xml(e.id)}</id>\n    <title>${xml(e.title)}</title>\n    <updated>${xml(atomDate(e.updated))}</updated>\n    <link href="${xml(e.link)}"/>\n    <summary>${xml(e.summary)}</summary>\n  </entry>`,
    )
    .join('\n');
  const lang = feed.lang ? ` xml:lang="${xml(feed.lang)}"` : '';
  const self = feed.self ? `\n  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>` : '';
  const subtitle = feed.subtitle ? `\n  <subtitle>${xml(feed.subtitle)}</subtitle>` : '';
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${lang}>\n  <id>${xml(feed.id)}</id>\n  <title>${xml(feed.title)}</title>${subtitle}\n  <link href="${xml(feed.link)}"/>${self}\n  <updated>${xml(atomDate(feed.updated))}</updated>\n  <author><name>${xml(feed.author ?? 'NQ57 portal')}</name></author>\n${entries}\n</feed>\n`;
}
