/**
 * The search index made from emptied pages, and taken from the cache, is the one `pagefind --site`
 * makes of the pages as they are, file for file: Pagefind itself is run on small SYNTHETIC sites.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/lib/search/build-index.ts';

const root = join(import.meta.dirname, '../../..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `nq57-search-${name}-`));
  made.push(dir);
  return dir;
};

/** Every file under dir with its bytes, in path order. */
function contents(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => {
      const path = join(e.parentPath, e.name);
      return [relative(dir, path), readFileSync(path).toString('base64')];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** A page as the portal writes them: a body, filters, and a large ignored table (SYNTHETIC). */
function page(lang: string, title: string, rows: number, extra = ''): string {
  const row = (i: number) =>
    `<tr><th scope="row"><a href="/indicators/synthetic-${i}/">SYNTHETIC chỉ số ${i}</a></th><td data-label="Kỳ">12/2025</td>` +
    `<td class="num">${i},5%</td><td><details class="cite"><summary>Trích dẫn</summary><p class="citation">example.org, ${i}</p></details></td></tr>`;
  const table = `<div class="table-scroll" role="region" tabindex="0" data-pagefind-ignore><table><tbody>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</tbody></table></div>`;
  return (
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<header data-pagefind-ignore>Theo dõi Nghị quyết 57</header><main data-pagefind-body>` +
    `<span data-pagefind-filter="kind" hidden>Xã, phường</span><h1>${title}</h1><p>Phường ${title}, Thành phố Hà Nội. SYNTHETIC.</p>` +
    `${table}${extra}<p>Số liệu có trong tệp observations.</p></main></body></html>`
  );
}

function site(pages: Record<string, string>): string {
  const dir = temp('site');
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const communes = (titles: string[], extra = ''): Record<string, string> =>
  Object.fromEntries(
    titles.flatMap((title, i) => [
      [`communes/${String(i).padStart(5, '0')}/index.html`, page('vi', title, 80, extra)],
      [`en/communes/${String(i).padStart(5, '0')}/index.html`, page('en', `${title} ward`, 80, extra)],
    ]),
  );

/** What `pagefind --site` writes for the site as it is. */
function pagefindOf(dir: string, env: NodeJS.ProcessEnv = {}): [string, string][] {
  const out = temp('cli');
  execFileSync(join(root, 'node_modules/.bin/pagefind'), ['--site', dir, '--output-path', out], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  return contents(out);
}

const titles = ['Văn Miếu - Quốc Tử Giám', 'Ba Đình', 'Ngọc Hà', 'Hoàn Kiếm', 'Cửa Nam'];

describe('buildSearchIndex', () => {
  it('writes what pagefind --site writes, from emptied pages', async () => {
    // A filter inside an ignored element (Pagefind still reads it), nested elements, a value with '>'.
    const extra =
      '<div data-pagefind-ignore><span data-pagefind-filter="province">Hà Nội</span></div>' +
      '<div data-pagefind-ignore="all"><div title="a > b"><p>bỏ qua</p></div><div>nữa</div></div><p>sau đó</p>';
    const dir = site({ ...communes(titles, extra), 'index.html': page('vi', 'Trang chủ', 0), '404.html': '<html><body>404</body></html>' });
    const expected = pagefindOf(dir);
    const result = await buildSearchIndex(dir, { cacheDir: null, environment: [], stdio: 'pipe' });
    expect(result.pages).toBe(12);
    // 404.html has no data-pagefind-body: Pagefind skips it, and so it is left out.
    expect(result.skipped).toBe(1);
    expect(result.bytesIndexed).toBeLessThan(result.bytesRead / 2);
    expect(result.cached).toBe(false);
    expect(result.emptiedRead).toBe(true);
    expect(contents(join(dir, 'pagefind'))).toEqual(expected);
    // No scratch tree is left beside the site.
    expect(readdirSync(dirname(dir)).filter((name) => name.includes('.search-'))).toEqual([]);
  });

  it('keeps every page where none has a data-pagefind-body (Pagefind then indexes them all)', async () => {
    const bare = (title: string) => page('vi', title, 80).replace(' data-pagefind-body', '');
    const dir = site({
      'a/index.html': bare('Ba Đình'),
      'b/index.html': bare('Ngọc Hà'),
      'c/index.html': '<html><body>data-pagefind-body</body></html>',
    });
    const expected = pagefindOf(dir);
    const result = await buildSearchIndex(dir, { cacheDir: null, environment: [], stdio: 'pipe' });
    expect(result.emptiedRead).toBe(true);
    expect(result.skipped).toBe(0);
    expect(contents(join(dir, 'pagefind'))).toEqual(expected);
    expect(expected.filter(([path]) => path.startsWith('fragment/')).length).toBe(3);
  });

  it('reads the site itself when there is little to empty, and writes the same', async () => {
    const dir = site(Object.fromEntries(titles.map((title, i) => [`p${i}/index.html`, page('vi', title, 0)])));
    const expected = pagefindOf(dir);
    const result = await buildSearchIndex(dir, { cacheDir: null, environment: [], stdio: 'pipe' });
    expect(result.bytesIndexed).toBeLessThan(result.bytesRead);
    expect(result.emptiedRead).toBe(false);
    expect(result.skipped).toBe(0);
    expect(contents(join(dir, 'pagefind'))).toEqual(expected);
  });

  it('takes the index from the cache when only ignored content changed, and makes it again when indexed text did', async () => {
    const cache = temp('cache');
    const options = { cacheDir: cache, environment: [], stdio: 'pipe' } as const;
    const dir = site(communes(titles));
    const first = await buildSearchIndex(dir, options);
    expect(first.cached).toBe(false);
    const again = await buildSearchIndex(dir, options);
    expect(again.cached).toBe(true);
    expect(contents(join(dir, 'pagefind'))).toEqual(pagefindOf(dir));

    // A figure inside the ignored table: the same index, from the cache.
    const path = join(dir, 'communes/00001/index.html');
    writeFileSync(path, readFileSync(path, 'utf8').replace('>3,5%<', '>3,7%<'));
    expect((await buildSearchIndex(dir, options)).cached).toBe(true);
    expect(contents(join(dir, 'pagefind'))).toEqual(pagefindOf(dir));

    // Indexed text: made again, and what Pagefind makes of the changed pages.
    writeFileSync(path, readFileSync(path, 'utf8').replace('<h1>Ba Đình</h1>', '<h1>Ba Đình mới</h1>'));
    expect((await buildSearchIndex(dir, options)).cached).toBe(false);
    expect(contents(join(dir, 'pagefind'))).toEqual(pagefindOf(dir));

    // Pagefind's settings are part of the key.
    const english = await buildSearchIndex(dir, { ...options, environment: ['PAGEFIND_FORCE_LANGUAGE=en'] });
    expect(english.cached).toBe(false);
  });

  it('treats a damaged cache entry as a miss', async () => {
    const cache = temp('cache');
    const options = { cacheDir: cache, environment: [], stdio: 'pipe' } as const;
    const dir = site(communes(titles.slice(0, 2)));
    await buildSearchIndex(dir, options);
    const kind = join(cache, 'nq57-search-index');
    for (const name of readdirSync(kind)) {
      const bytes = readFileSync(join(kind, name));
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
      writeFileSync(join(kind, name), bytes);
    }
    const result = await buildSearchIndex(dir, options);
    expect(result.cached).toBe(false);
    expect(contents(join(dir, 'pagefind'))).toEqual(pagefindOf(dir));
  });

  it('fails with Pagefind’s own message when Pagefind fails', async () => {
    const dir = site(communes(titles.slice(0, 1)));
    writeFileSync(join(dir, 'pagefind.yml'), 'site: [not, a, path\n');
    await expect(buildSearchIndex(dir, { cacheDir: null, environment: [], cwd: dir, stdio: 'pipe' })).rejects.toThrow(/pagefind exited/);
  });
});
