/**
 * Writes the JSON API (/api/v1/) and its JSON Schemas into a built site, or serves one file of it
 * (the dev server). Registered by the Astro integration src/integrations/api.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Model } from '../model/index.ts';
import { API_KINDS, API_ROOT, apiResources } from './resources.ts';
import { indexSchema, itemSchema, listSchema } from './json-schema.ts';

/**
 * Every schema file of the API as [path under the site root (no leading slash), schema].
 * `omitted`: some item leaves its observations out (API_OBSERVATION_LIMIT; itemSchema).
 */
export function apiSchemas(baseUrl: string, omitted = false): [string, unknown][] {
  const dir = `${API_ROOT.slice(1)}/schemas`;
  return [
    [`${dir}/index.schema.json`, indexSchema(baseUrl)],
    ...API_KINDS.flatMap((k): [string, unknown][] => [
      [`${dir}/${k.item}.schema.json`, itemSchema(k, baseUrl, omitted)],
      [`${dir}/${k.item}-list.schema.json`, listSchema(k, baseUrl)],
    ]),
  ];
}

/** The bytes of a resource: compact JSON (schemas indented, they are read by people) and a final newline. */
export const resourceText = (value: unknown) => `${JSON.stringify(value)}\n`;
export const schemaText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every file of the API: [path, text], resources then schemas. */
export function* apiFiles(model: Model, baseUrl: string): Generator<[string, string]> {
  let omitted = false;
  for (const [path, value] of apiResources(model)) {
    omitted ||= 'observations_omitted' in (value as object);
    yield [path, resourceText(value)];
  }
  for (const [path, value] of apiSchemas(baseUrl, omitted)) yield [path, schemaText(value)];
}

/** Writes the API into `outDir`; returns how many files and bytes. */
export function writeApi(model: Model, outDir: string, baseUrl: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const [path, text] of apiFiles(model, baseUrl)) {
    const target = join(outDir, path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
