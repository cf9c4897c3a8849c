import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/lib/model/index.ts';
import { apiResourcePaths } from '../../../src/lib/api/resources.ts';
import { apiSchemas } from '../../../src/lib/api/write.ts';
import { listDownloads, releaseVersions } from '../../../src/lib/release/publish.ts';
import { developersPage } from '../../../src/lib/view/developers.ts';
import { citationPages } from '../../../src/lib/view/citations.ts';
import { SQLITE_VIEWS } from '../../../src/lib/release/sqlite.ts';

const DATA = join(import.meta.dirname, '../../../data');
const model = getModel(DATA);
// The releases of the real data, newest first (data/releases/index.json): a new release must not break these tests.
const VERSIONS = releaseVersions(DATA).reverse();

describe('developers page', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: every URL it lists is a file the build writes`, () => {
      const v = developersPage(model, lang, 'https://nq57.example.org');
      const served = new Set([
        ...apiResourcePaths(model),
        ...apiSchemas('').map(([p]) => `/${p}`),
        ...listDownloads(DATA).map((d) => `/${d.path}`),
      ]);
      const urls = [
        v.indexUrl,
        v.indexSchema,
        ...v.resources.flatMap((r) => [r.list, r.itemSchema, r.listSchema]),
        v.sqlite.latest,
        ...v.sqlite.releases.flatMap((r) => [r.sqlite, r.zip, r.datapackage]),
        v.downloads.latestZip,
        v.downloads.latestPackage,
      ];
      expect(urls.filter((u) => !served.has(u))).toEqual([]);
      expect(v.resources.map((r) => r.name)).toEqual([
        'provinces',
        'former-provinces',
        'communes',
        'tasks',
        'agencies',
        'indicators',
        'documents',
      ]);
      // The citations example is a page the build writes (citationPages) and its two files.
      const cite = citationPages(model).map(({ section, id }) => `${lang === 'en' ? '/en' : ''}/${section}/${id}/cite/`);
      expect(cite).toContain(v.citations?.page.href);
      expect([v.citations?.bibtex, v.citations?.csl]).toEqual([
        `${v.citations?.page.href}figures.bib`,
        `${v.citations?.page.href}figures.csl.json`,
      ]);
      expect(v.sqlite.releases.map((r) => r.version)).toEqual(VERSIONS);
      expect(v.curl[0]).toBe('curl -s https://nq57.example.org/api/v1/index.json');
      expect(v.views.map((x) => x.name)).toEqual(SQLITE_VIEWS.map((x) => x.name));
      expect(v.views.every((x) => x.text.length > 20)).toBe(true);
    });
  }

  it('the example queries run against the database the page offers', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const { buildSqlite } = await import('../../../src/lib/release/sqlite.ts');
    const db = new DatabaseSync(':memory:');
    db.deserialize(buildSqlite(DATA, '1.1.0'));
    for (const q of developersPage(model, 'en', '').queries) expect(db.prepare(q.sql).all().length, q.sql).toBeGreaterThan(0);
    db.close();
  });
});
