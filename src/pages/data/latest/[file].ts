/**
 * Downloads of the current published tables, byte for byte as validated: /data/latest/{file}.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { TABLES } from '../../../schemas/index.ts';
import { getModel } from '../../../lib/model/index.ts';

const FILES = [...TABLES.map((t) => t.file), 'dataset.json'];

export function getStaticPaths() {
  getModel(); // validates the data before anything is published
  return FILES.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file!;
  const body = readFileSync(join(resolve(process.env.PORTAL_DATA_DIR ?? 'data'), file));
  return new Response(body, { headers: { 'content-type': file.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8' } });
};
