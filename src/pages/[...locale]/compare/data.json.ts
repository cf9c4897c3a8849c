/**
 * /compare/data.json and /en/compare/data.json: what the comparison island reads (lib/view/compare.ts),
 * built from the model at build time and served from the site itself.
 */
import type { APIRoute } from 'astro';
import { getModel } from '../../../lib/model/index.ts';
import { langOf, LANGS, localeParam } from '../../../lib/i18n/index.ts';
import { compareData } from '../../../lib/view/compare.ts';

export function getStaticPaths() {
  return LANGS.map((lang) => ({ params: { locale: localeParam(lang) } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(compareData(getModel(), langOf(params.locale))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
