/**
 * The content of `data-pagefind-ignore` elements, emptied before a page is handed to Pagefind, and
 * the pages Pagefind skips (hasPagefindBody, at the end).
 *
 * Pagefind leaves an ignored element's text out of its index, but its HTML parser still visits
 * every element and text node inside it: at the SYNTHETIC M50 scale the 6,642 commune pages' figure
 * tables (ignored: 287 MiB of the site's 451 MiB of HTML) took 4.3 s of Pagefind's 13.9 s. With their
 * content emptied, Pagefind wrote the same files, byte for byte (docs/performance.md).
 *
 * The element's own start and end tags are kept, so Pagefind sees the same element boundaries. Its
 * content is only emptied where that cannot change the index:
 * - the attribute's value is empty, `index` (Pagefind's default) or `all`;
 * - the element is one that HTML ends only with its own end tag (a div, a table, ...), so its end is
 *   the matching end tag;
 * - its content holds no `data-pagefind-` text at all (Pagefind still reads filters and metadata inside
 *   an element ignored with `index`), no comment, doctype or processing instruction, and no raw-text
 *   element (script, style, textarea, title, ...), whose text could hold what looks like a tag.
 * Anything else, or HTML that this reader does not follow to the element's end, is left as it was: the
 * page is then indexed as before, only slower.
 *
 * The page is read as bytes: every byte this looks for is ASCII, and UTF-8 never uses ASCII bytes
 * inside a multi-byte character, so no decoding is needed.
 */

/** Elements whose end tag HTML never implies: their end is the matching end tag. */
const CLOSED_BY_OWN_END_TAG = new Set([
  'article',
  'aside',
  'details',
  'div',
  'figure',
  'footer',
  'form',
  'header',
  'nav',
  'section',
  'span',
  'table',
]);

const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp']);

const MARK = 'data-pagefind-ignore';
const BODY = Buffer.from('data-pagefind-body');
const MARK_BYTES = Buffer.from(MARK);
const ANY_PAGEFIND = Buffer.from('data-pagefind-');

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** The typed array's own indexOf: for one byte, without Buffer.indexOf's argument handling. */
const indexOfByte = (html: Buffer, byte: number, from: number): number => Uint8Array.prototype.indexOf.call(html, byte, from);

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
function isLetter(c: number | undefined): boolean {
  return c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
}
function isNameChar(c: number | undefined): boolean {
  return isLetter(c) || (c !== undefined && ((c >= 0x30 && c <= 0x39) || c === 0x2d));
}

export interface StartTag {
  /** Lower-case tag name. */
  name: string;
  /** Index just past the tag's `>`. */
  end: number;
  /** Whether the tag ends with `/>`. */
  selfClosing: boolean;
  /** The attributes, names lower-cased, the first of a repeated name kept; no value gives ''. */
  attributes: Map<string, string>;
}

/** Where an attribute's name and value lie in the page (the value's start and end are equal when it has none). */
type AttributeSpan = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void;

/**
 * Where the start tag that begins at `at` (html[at] is '<') ends (just past its '>') and whether it
 * ends with '/>', handing each attribute's span to `onAttribute`; undefined if no tag ends there.
 * Tags inside an ignored element are read with no callback: nothing is made of them.
 */
function scanStartTag(html: Buffer, at: number, onAttribute?: AttributeSpan): { end: number; selfClosing: boolean } | undefined {
  let i = at + 1;
  while (i < html.length && isNameChar(html[i])) i++;
  for (;;) {
    while (i < html.length && isSpace(html[i])) i++;
    if (i >= html.length) return undefined;
    const c = html[i];
    if (c === GT) return { end: i + 1, selfClosing: false };
    if (c === SLASH) {
      if (html[i + 1] === GT) return { end: i + 2, selfClosing: true };
      i++;
      continue;
    }
    const nameStart = i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== EQUALS && html[i] !== GT && html[i] !== SLASH) i++;
    if (i === nameStart) i++; // a lone '=' where a name should be: HTML makes it part of a name
    const nameEnd = i;
    let j = i;
    while (j < html.length && isSpace(html[j])) j++;
    let valueStart = j;
    let valueEnd = j;
    if (html[j] === EQUALS) {
      j++;
      while (j < html.length && isSpace(html[j])) j++;
      const quote = html[j];
      if (quote === DQUOTE || quote === SQUOTE) {
        const close = indexOfByte(html, quote, j + 1);
        if (close < 0) return undefined;
        valueStart = j + 1;
        valueEnd = close;
        j = close + 1;
      } else {
        valueStart = j;
        while (j < html.length && !isSpace(html[j]) && html[j] !== GT) j++;
        valueEnd = j;
      }
      i = j;
    }
    onAttribute?.(nameStart, nameEnd, valueStart, valueEnd);
  }
}

/** Reads the start tag that begins at `at` (html[at] is '<'), or undefined if there is none there. */
export function readStartTag(html: Buffer, at: number): StartTag | undefined {
  if (!isLetter(html[at + 1])) return undefined;
  let nameEnd = at + 1;
  while (nameEnd < html.length && isNameChar(html[nameEnd])) nameEnd++;
  const attributes = new Map<string, string>();
  const tag = scanStartTag(html, at, (nameStart, attrEnd, valueStart, valueEnd) => {
    const attr = html.toString('utf8', nameStart, attrEnd).toLowerCase();
    if (!attributes.has(attr)) attributes.set(attr, html.toString('utf8', valueStart, valueEnd));
  });
  return tag && { name: html.toString('latin1', at + 1, nameEnd).toLowerCase(), ...tag, attributes };
}

const RAW_TEXT_FIRST = new Set([...RAW_TEXT].map((name) => name.charCodeAt(0)));

/** Whether the bytes at `at` are `name` (lower-case ASCII), case-insensitively, followed by a non-name byte. */
function isName(html: Buffer, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = html[at + k];
    if (c === undefined || (c | 0x20) !== name.charCodeAt(k)) return false;
  }
  const after = html[at + name.length];
  return after === undefined || !isNameChar(after);
}

/**
 * Where the content of the `name` element whose start tag ends at `from` ends (the index of its end
 * tag's '<'), or undefined where emptying it could change what Pagefind indexes (see above).
 */
function contentEnd(html: Buffer, name: string, from: number): number | undefined {
  let depth = 1;
  let i = from;
  for (;;) {
    const lt = indexOfByte(html, LT, i);
    if (lt < 0) return undefined;
    const next = html[lt + 1];
    if (next === undefined) return undefined;
    if (next === SLASH) {
      const close = indexOfByte(html, GT, lt);
      if (close < 0) return undefined;
      if (isName(html, lt + 2, name) && --depth === 0) return lt;
      i = close + 1;
      continue;
    }
    if (next === 0x21 || next === 0x3f) return undefined; // <!-- -->, <!DOCTYPE>, <?...>
    if (!isLetter(next)) {
      i = lt + 1; // a '<' that starts no tag is text
      continue;
    }
    const tag = scanStartTag(html, lt);
    if (!tag) return undefined;
    if (RAW_TEXT_FIRST.has(next | 0x20)) for (const raw of RAW_TEXT) if (isName(html, lt + 1, raw)) return undefined;
    if (!tag.selfClosing && isName(html, lt + 1, name)) depth++;
    i = tag.end;
  }
}

/**
 * The page with the content of its ignored elements emptied, where that is safe (above); the same
 * buffer when nothing was emptied.
 */
export function withoutIgnoredContent(html: Buffer): Buffer {
  const parts: Buffer[] = [];
  let copied = 0;
  let search = 0;
  for (;;) {
    const mark = html.indexOf(MARK_BYTES, search);
    if (mark < 0) break;
    search = mark + MARK_BYTES.length;
    const lt = html.lastIndexOf(LT, mark);
    if (lt < copied) continue;
    const tag = readStartTag(html, lt);
    if (!tag || tag.end <= mark || tag.selfClosing || !CLOSED_BY_OWN_END_TAG.has(tag.name)) continue;
    const ignore = tag.attributes.get(MARK);
    if (ignore !== '' && ignore !== 'index' && ignore !== 'all') continue;
    const end = contentEnd(html, tag.name, tag.end);
    if (end === undefined) continue;
    const inside = html.indexOf(ANY_PAGEFIND, tag.end);
    if (inside >= 0 && inside < end) continue;
    parts.push(html.subarray(copied, tag.end));
    copied = end;
    search = end;
  }
  if (copied === 0) return html;
  parts.push(html.subarray(copied));
  return Buffer.concat(parts);
}

/**
 * Whether the page has an element with a `data-pagefind-body` attribute. Where any page of a site
 * has one, Pagefind indexes only such pages and skips the others (at bench scale M50, 685 embed
 * pages of charts: 2.7 s of Pagefind's CPU to parse them and leave them out).
 */
export function hasPagefindBody(html: Buffer): boolean {
  for (let at = html.indexOf(BODY); at >= 0; at = html.indexOf(BODY, at + BODY.length)) {
    const lt = html.lastIndexOf(LT, at);
    const tag = lt < 0 ? undefined : readStartTag(html, lt);
    if (tag && tag.end > at && tag.attributes.has('data-pagefind-body')) return true;
  }
  return false;
}
