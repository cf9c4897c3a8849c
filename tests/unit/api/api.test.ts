/**
 * The JSON API over the real data: every resource validates against its published JSON Schema,
 * keeps the values and provenance of its table rows, and no published resource URL disappears.
 */
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/model/index.ts';
import { API_KINDS, API_OBSERVATION_LIMIT, apiResourcePaths, apiResources, buildItem } from '../../../src/lib/api/resources.ts';
import { apiFiles, apiSchemas } from '../../../src/lib/api/write.ts';
import { readManifest, missingFromManifest } from '../../../src/lib/api/manifest.ts';

const ROOT = join(import.meta.dirname, '../../..');
const model = getModel(join(ROOT, 'data'));
const BASE = 'https://example.org';

describe('API v1 over the real data', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const schemas = new Map(apiSchemas(BASE).map(([path, schema]) => [`/${path}`, schema]));
  const validators = new Map([...schemas].map(([path, schema]) => [path, ajv.compile(schema as object)]));

  it('every resource validates against the schema it names', () => {
    let checked = 0;
    for (const [path, value] of apiResources(model)) {
      const v = value as { links?: { schema: string }; self: string };
      const schemaPath =
        path === 'api/v1/index.json'
          ? '/api/v1/schemas/index.schema.json'
          : (v.links?.schema ?? `/api/v1/schemas/${API_KINDS.find((k) => `api/v1/${k.name}.json` === path)!.item}-list.schema.json`);
      const validate = validators.get(schemaPath);
      expect(validate, `${path}: no schema ${schemaPath}`).toBeDefined();
      expect(validate!(value), `${path}: ${JSON.stringify(validate!.errors?.slice(0, 3))}`).toBe(true);
      expect(v.self).toBe(`/${path}`);
      checked++;
    }
    expect(checked).toBe(1 + API_KINDS.length + API_KINDS.reduce((n, k) => n + k.rows(model).length, 0));
  });

  it('a schema refuses a resource with a value of the wrong type or an unknown field', () => {
    const k = API_KINDS.find((x) => x.name === 'provinces')!;
    const item = buildItem(model, k, model.province.get('01')!) as unknown as Record<string, unknown> & {
      observations: { value: unknown }[];
    };
    const validate = validators.get('/api/v1/schemas/province.schema.json')!;
    expect(validate(item)).toBe(true);
    expect(validate({ ...item, observations: [{ ...item.observations[0], value: '0.82' }] })).toBe(false);
    expect(validate({ ...item, extra: 1 })).toBe(false);
  });

  it("a province carries its observations with their provenance, exactly as the table's JSON download", () => {
    const item = buildItem(
      model,
      API_KINDS.find((x) => x.name === 'provinces')!,
      model.province.get('01')!,
    ) as unknown as {
      observations: Record<string, unknown>[];
      sources: Record<string, { kind: string }>;
      links: Record<string, string>;
    };
    const dti2024 = item.observations.find((o) => o.indicator_id === 'dti' && o.period === '2024')!;
    const row = [...model.tables.observations].find(
      (o) => o.indicator_id === 'dti' && o.area_level === 'province' && o.area_code === '01' && o.period === '2024',
    )!;
    expect(dti2024).toEqual({ ...row });
    expect(Object.keys(dti2024)).toEqual(Object.keys(row));
    expect(item.sources[row.source_id]).toBeDefined();
    expect(item.links).toMatchObject({ html_vi: '/provinces/01/', html_en: '/en/provinces/01/' });
  });

  it('a task carries its reports and the status the task page shows', () => {
    const task = model.tasks.find((t) => t.reports.length > 0)!;
    const item = buildItem(
      model,
      API_KINDS.find((x) => x.name === 'tasks')!,
      task,
    ) as unknown as {
      status: { computed: string };
      progress_reports: { source_id: string }[];
      sources: Record<string, unknown>;
    };
    expect(item.status.computed).toBe(task.computed);
    expect(item.progress_reports).toHaveLength(task.reports.length);
    for (const r of item.progress_reports) expect(item.sources[r.source_id]).toBeDefined();
  });

  it('documents are addressed by the slug of their page (Đ folded)', () => {
    const paths = apiResourcePaths(model);
    expect(paths).toContain('/api/v1/documents/02-kh-bcdtw.json');
    expect(paths).toContain('/api/v1/communes/00004.json');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('every API URL of the manifest is still published (stability of v1)', () => {
    const manifest = readManifest(join(ROOT, 'data/releases/api-v1-urls.txt'));
    expect(manifest.length).toBeGreaterThan(3000);
    expect(missingFromManifest(manifest, apiResourcePaths(model))).toEqual([]);
  });

  it('the files are the same bytes on every run', () => {
    const once = [...apiFiles(model, BASE)];
    const twice = [...apiFiles(model, BASE)];
    expect(twice).toEqual(once);
  });

  it('no item of the real data has more observations than the limit: each carries them all, and the schemas are as published', () => {
    const counts = [...apiResources(model)].map(([, v]) => (v as { observations?: unknown[] }).observations?.length ?? 0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(API_OBSERVATION_LIMIT);
    expect([...apiResources(model)].some(([, v]) => 'observations_omitted' in (v as object))).toBe(false);
    expect(apiSchemas(BASE, false)).toEqual(apiSchemas(BASE));
    expect([...apiFiles(model, BASE)].filter(([p]) => p.includes('/schemas/'))).toEqual(
      apiSchemas(BASE).map(([p, s]) => [p, `${JSON.stringify(s, null, 2)}\n`]),
    );
  });

  it('an item over the limit leaves its observations out, says how many and where they are, and validates against the schema that allows it', () => {
    const k = API_KINDS.find((x) => x.name === 'indicators')!;
    const row = model.tables.indicators.find((i) => i.id === 'dti')!;
    const whole = buildItem(model, k, row) as unknown as { observations: unknown[]; sources: Record<string, unknown> };
    const limit = whole.observations.length - 1;
    const cut = buildItem(model, k, row, limit) as unknown as Record<string, unknown> & { sources: Record<string, unknown> };
    expect(cut).not.toHaveProperty('observations');
    expect(cut.observations_omitted).toEqual({
      count: whole.observations.length,
      limit,
      table: 'observations',
      where: { indicator_id: 'dti' },
      datapackage: '/data/latest/datapackage.json',
    });
    // Only the sources of what it still carries (the targets' documents) are resolved.
    expect(Object.keys(cut.sources).length).toBeLessThan(Object.keys(whole.sources).length);
    const [, capped] = apiSchemas(BASE, true).find(([p]) => p.endsWith('/indicator.schema.json'))!;
    const validate = ajv.compile({ ...(capped as object), $id: 'capped-indicator' });
    expect(validate(cut), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(whole)).toBe(true);
    expect(validate({ ...cut, observations: [] })).toBe(false); // one of the two, never both
    expect(validators.get('/api/v1/schemas/indicator.schema.json')!(cut)).toBe(false);
  });
});
