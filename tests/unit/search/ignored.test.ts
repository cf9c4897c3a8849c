import { describe, expect, it } from 'vitest';
import { hasPagefindBody, readStartTag, withoutIgnoredContent } from '../../../src/lib/search/ignored.ts';

const emptied = (html: string): string => withoutIgnoredContent(Buffer.from(html)).toString('utf8');

describe('withoutIgnoredContent', () => {
  it('empties an ignored element, keeping its own tags and everything around it', () => {
    expect(emptied('<p>a</p><div class="t" data-pagefind-ignore><table><tr><td>1,5 %</td></tr></table></div><p>b</p>')).toBe(
      '<p>a</p><div class="t" data-pagefind-ignore></div><p>b</p>',
    );
    expect(emptied('<section data-pagefind-ignore="all"><p>x</p></section>')).toBe('<section data-pagefind-ignore="all"></section>');
    expect(emptied("<span data-pagefind-ignore='index'>x</span>")).toBe("<span data-pagefind-ignore='index'></span>");
  });

  it('finds the matching end tag past nested elements of the same name, in any case', () => {
    expect(emptied('<div data-pagefind-ignore><div><div>x</div></div>y</div>z</div>')).toBe('<div data-pagefind-ignore></div>z</div>');
    expect(emptied('<DIV data-pagefind-ignore><Div>x</dIV>y</Div >z')).toBe('<DIV data-pagefind-ignore></Div >z');
    // <divider> is not a div; a '<' that starts no tag is text.
    expect(emptied('<div data-pagefind-ignore><divider>a < b</divider></div>c')).toBe('<div data-pagefind-ignore></div>c');
  });

  it('reads quoted attribute values whole, whatever they hold', () => {
    expect(emptied('<div title="a > b" data-pagefind-ignore><a title="</div>" href="x">y</a></div>z')).toBe(
      '<div title="a > b" data-pagefind-ignore></div>z',
    );
  });

  it('empties every ignored element of a page', () => {
    expect(emptied('<div data-pagefind-ignore>1</div><p>k</p><table data-pagefind-ignore><tr><td>2</td></tr></table>')).toBe(
      '<div data-pagefind-ignore></div><p>k</p><table data-pagefind-ignore></table>',
    );
  });

  it('leaves alone what Pagefind could still read inside, or what this reader cannot follow', () => {
    const kept = [
      // Filters, metadata and sort keys inside an element ignored with "index" are still read.
      '<div data-pagefind-ignore><span data-pagefind-filter="kind">x</span></div>',
      '<div data-pagefind-ignore><p>data-pagefind-meta as text</p></div>',
      // Raw text, comments and doctypes could hold what looks like an end tag.
      '<div data-pagefind-ignore><script>"</div>"</script></div>',
      '<div data-pagefind-ignore><style>p{}</style></div>',
      '<div data-pagefind-ignore><!-- </div> --></div>',
      // Not an element HTML ends only with its own end tag.
      '<p data-pagefind-ignore>a<p>b</p>',
      '<li data-pagefind-ignore>a</li>',
      // A value Pagefind does not know, the name only in another attribute or in text, no end tag.
      '<div data-pagefind-ignore="no">x</div>',
      '<div title="data-pagefind-ignore">x</div>',
      '<p>use data-pagefind-ignore on tables</p><div>x</div>',
      '<div data-pagefind-ignore><div>x</div>',
      '<div data-pagefind-ignore/>x',
    ];
    for (const html of kept) expect(emptied(html), html).toBe(html);
  });

  it('gives back the same buffer when there is nothing to empty', () => {
    const page = Buffer.from('<main data-pagefind-body><h1>Hà Nội</h1></main>');
    expect(withoutIgnoredContent(page)).toBe(page);
  });

  it('keeps the bytes of UTF-8 text on both sides', () => {
    expect(emptied('<h1>Phường Văn Miếu</h1><div data-pagefind-ignore>Số liệu: 41,29 %</div><p>Tỉnh Đồng Nai</p>')).toBe(
      '<h1>Phường Văn Miếu</h1><div data-pagefind-ignore></div><p>Tỉnh Đồng Nai</p>',
    );
  });
});

describe('readStartTag', () => {
  it('reads the name, the attributes and where the tag ends', () => {
    const html = Buffer.from(`<DIV Class="a b" hidden data-x='1 > 2' v=plain/>rest`);
    const tag = readStartTag(html, 0);
    expect(tag?.name).toBe('div');
    expect(Object.fromEntries(tag?.attributes ?? [])).toEqual({ class: 'a b', hidden: '', 'data-x': '1 > 2', v: 'plain/' });
    expect(html.toString('utf8', tag?.end)).toBe('rest');
    expect(readStartTag(Buffer.from('< div>'), 0)).toBeUndefined();
    expect(readStartTag(Buffer.from('<div title="open'), 0)).toBeUndefined();
  });
});

describe('hasPagefindBody', () => {
  it('finds the attribute on an element, not as text or in another attribute', () => {
    expect(hasPagefindBody(Buffer.from('<main class="wrap" data-pagefind-body><h1>x</h1></main>'))).toBe(true);
    expect(hasPagefindBody(Buffer.from('<p>data-pagefind-body</p><div title="data-pagefind-body">x</div>'))).toBe(false);
    expect(hasPagefindBody(Buffer.from('<p>data-pagefind-body</p><main data-pagefind-body="">x</main>'))).toBe(true);
  });
});
