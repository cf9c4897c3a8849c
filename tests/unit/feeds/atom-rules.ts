/**
 * The rules of RFC 4287 (The Atom Syndication Format) that the portal's feeds must keep, checked on
 * the parsed XML (fast-xml-parser): a list of problems, empty when the feed keeps them all.
 * Shared by the unit tests (feeds built from the model) and the build-output test (feeds in dist/).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time (RFC 4287 section 3.3: a date construct). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 4151 tag URI: tag:authority,date:specific. */
const TAG = /^tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:\S+$/i;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['entry', 'id', 'title', 'updated', 'link', 'author', 'summary', 'content', 'name', 'subtitle'].includes(name),
});

/** The text of an element parsed by `parser` (a string, or an object with #text when it has attributes). */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as Node)['#text']);
  return '';
}

/** Whether a string is an absolute IRI (RFC 3987): a scheme, no spaces or control characters. */
export function isAbsoluteIri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f<>"{}|\\^`]+$/i.test(value)) return false;
  if (value.startsWith('tag:')) return TAG.test(value);
  if (/^https?:/.test(value)) {
    try {
      new URL(value);
    } catch {
      return false;
    }
  }
  return true;
}

export function parseAtom(xml: string): Node {
  return parser.parse(xml) as Node;
}

/** Problems of an Atom document against RFC 4287's rules, as "where: what" lines. */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`document: not well-formed XML (${wellFormed.err.msg}, line ${wellFormed.err.line})`];
  const doc = parseAtom(xml);
  const feed = doc['feed'] as Node | undefined;
  if (!feed) return ['document: the root element is not atom:feed'];
  if (feed['@_xmlns'] !== ATOM_NS) problems.push(`feed: namespace is ${String(feed['@_xmlns'])}, not ${ATOM_NS}`);
  const one = (node: Node, name: string, where: string) => {
    const list = (node[name] as unknown[] | undefined) ?? [];
    if (list.length !== 1) problems.push(`${where}: ${list.length} atom:${name} elements, exactly one required`);
    return list[0];
  };
  const date = (value: unknown, where: string) => {
    const s = textOf(value);
    if (!RFC3339.test(s) || Number.isNaN(Date.parse(s))) problems.push(`${where}: "${s}" is not an RFC 3339 date-time`);
  };
  const links = (node: Node, where: string) => {
    const list = ((node['link'] as Node[] | undefined) ?? []).map((l) => ({
      rel: String(l['@_rel'] ?? 'alternate'),
      href: String(l['@_href'] ?? ''),
    }));
    for (const l of list) if (!isAbsoluteIri(l.href)) problems.push(`${where}: link href "${l.href}" is not an absolute IRI`);
    if (list.filter((l) => l.rel === 'alternate').length > 1) problems.push(`${where}: more than one alternate link of the same type`);
    return list;
  };
  const feedId = textOf(one(feed, 'id', 'feed'));
  if (!isAbsoluteIri(feedId)) problems.push(`feed: id "${feedId}" is not an absolute IRI`);
  one(feed, 'title', 'feed');
  date(one(feed, 'updated', 'feed'), 'feed updated');
  links(feed, 'feed');
  const feedAuthors = ((feed['author'] as Node[] | undefined) ?? []).filter(
    (a) => textOf((a['name'] as unknown[] | undefined)?.[0]).trim() !== '',
  );
  const ids = new Set<string>();
  const entries = (feed['entry'] as Node[] | undefined) ?? [];
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const id = textOf(one(entry, 'id', where));
    if (!isAbsoluteIri(id)) problems.push(`${where}: id "${id}" is not an absolute IRI`);
    if (ids.has(id)) problems.push(`${where}: id "${id}" is used twice`);
    ids.add(id);
    one(entry, 'title', where);
    date(one(entry, 'updated', where), `${where} updated`);
    const alternate = links(entry, where).some((l) => l.rel === 'alternate');
    const content = ((entry['content'] as unknown[] | undefined) ?? []).length > 0;
    if (!alternate && !content) problems.push(`${where}: neither an alternate link nor content (RFC 4287 4.1.2)`);
    const authors = ((entry['author'] as unknown[] | undefined) ?? []).length;
    if (feedAuthors.length === 0 && authors === 0) problems.push(`${where}: no author, and the feed has none (RFC 4287 4.1.1)`);
  });
  return problems;
}
