import { describe, expect, it } from 'vitest';
import { buildReleaseHistory } from '../../../src/lib/release/history.ts';
import { releasePage, releasesPage, tableChangesPage } from '../../../src/lib/view/releases.ts';

const history = buildReleaseHistory();

describe('release pages on the published data', () => {
  it('lists the releases newest first', () => {
    expect(releasesPage('en').history.map((h) => h.release.version)).toEqual(history.map((h) => h.release.version).reverse());
  });

  it('a table changelog counts the first release without listing its rows', () => {
    const v = tableChangesPage('provinces', 'vi');
    expect(v.title).toBe('Nhật ký thay đổi: Tỉnh, thành phố');
    const first = v.releases.at(-1)!;
    expect(first).toMatchObject({ version: history[0]!.release.version, limit: 0 });
    expect(first.heading).toBe(` (${history[0]!.release.released_on}) — phiên bản đầu tiên`);
  });

  it('a release lists the changes of every table', () => {
    const v = releasePage(history[0]!.release.version, 'en');
    expect(v.title).toBe(`Release ${history[0]!.release.version}`);
    expect(v.tables.every((x) => x.changes.table === x.name)).toBe(true);
  });
});
