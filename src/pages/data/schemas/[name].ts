/** /data/schemas/{table}.schema.json: JSON Schema of each table's JSON download, from the zod schema. */
import type { APIRoute } from 'astro';
import { TABLES, type TableDef } from '../../../schemas/index.ts';
import { buildJsonSchema } from '../../../lib/release/metadata.ts';

export function getStaticPaths() {
  return TABLES.map((t) => ({ params: { name: `${t.name}.schema.json` } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const def = (TABLES as readonly TableDef[]).find((t) => `${t.name}.schema.json` === params.name)!;
  return new Response(`${JSON.stringify(buildJsonSchema(def, (site?.href ?? '').replace(/\/$/, '')), null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json' },
  });
};
