/** Every figure of a page as one CSL-JSON array (lib/view/citations.ts, docs/citing.md). */
import type { APIRoute } from 'astro';
import { langOf, pathsForLangs } from '../../../../../lib/i18n/index.ts';
import { getModel } from '../../../../../lib/model/index.ts';
import { citationFiles, citationPages, type CitationSection } from '../../../../../lib/view/citations.ts';

export function getStaticPaths() {
  return pathsForLangs(citationPages(getModel()).map(({ section, id }) => ({ params: { section, id }, props: {} })));
}

export const GET: APIRoute = ({ params, site }) =>
  new Response(
    citationFiles(
      getModel(),
      params.section as CitationSection,
      params.id!,
      langOf(params.locale),
      (site ?? new URL('https://example.org')).href,
    ).csl,
    { headers: { 'content-type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } },
  );
