/**
 * /data/schemas/{table}.schema.json: JSON Schema of each table's JSON download, from the zod schema;
 * /data/schemas/{table}.rows.schema.json: of the JSON partitions of a table published in parts (none
 * in today's real data).
 */
import type { APIRoute } from 'astro';
import { TABLES, type TableDef } from '../../../schemas/index.ts';
import { buildJsonSchema, buildRowsJsonSchema } from '../../../lib/release/metadata.ts';
import { tablesInParts } from '../../../lib/release/publish.ts';

export function getStaticPaths() {
  return [
    ...TABLES.map((t) => ({ params: { name: `${t.name}.schema.json` } })),
    ...tablesInParts().map((name) => ({ params: { name: `${name}.rows.schema.json` } })),
  ];
}

export const GET: APIRoute = ({ params, site }) => {
  const baseUrl = (site?.href ?? '').replace(/\/$/, '');
  const rows = (TABLES as readonly TableDef[]).find((t) => `${t.name}.rows.schema.json` === params.name);
  const def = (TABLES as readonly TableDef[]).find((t) => `${t.name}.schema.json` === params.name);
  const schema = rows ? buildRowsJsonSchema(rows, baseUrl) : buildJsonSchema(def!, baseUrl);
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json' },
  });
};
