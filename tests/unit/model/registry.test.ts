/**
 * One model per process (issue #17, "One pass"): Vite bundles the pages apart from the integrations,
 * so each has its own copy of src/lib/model; they share the model through a registry on globalThis.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { treeWith } from '../data/helpers.ts';

const before = process.env.PORTAL_CACHE_DIR;
process.env.PORTAL_CACHE_DIR = mkdtempSync(join(tmpdir(), 'nq57-registry-cache-'));
afterAll(() => {
  if (before === undefined) delete process.env.PORTAL_CACHE_DIR;
  else process.env.PORTAL_CACHE_DIR = before;
});

/** A fresh copy of the model module, as another bundle has. */
async function freshModule() {
  vi.resetModules();
  return import('../../../src/lib/model/index.ts');
}

describe('the model registry', () => {
  it('gives two copies of the module the same model of the same data', async () => {
    const dir = treeWith({});
    const a = await freshModule();
    const b = await freshModule();
    expect(a.getModel).not.toBe(b.getModel);
    const model = a.getModel(dir);
    expect(b.getModel(dir)).toBe(model);
  });

  it('builds another model when the data changed', async () => {
    const dir = treeWith({});
    const first = (await freshModule()).getModel(dir);
    const file = join(dir, 'dataset.json');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`); // one byte more: another hash of the data
    const second = (await freshModule()).getModel(dir);
    expect(second).not.toBe(first);
    // The observations as rows: each copy of the module has its own classes (toEqual compares them too).
    const rows = (m: typeof first) => ({ ...m.tables, observations: [...m.tables.observations] });
    expect(rows(second)).toEqual(rows(first));
  });
});
