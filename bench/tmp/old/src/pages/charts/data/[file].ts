/**
 * /charts/data/{provinces|former-provinces}.{vi|en}.json: every chartable indicator of a level, as
 * the chart island needs it (fetched once, when a reader switches the indicator of a chart).
 */
import type { APIRoute } from 'astro';
import { getModel } from '../../../lib/model/index.ts';
import { areaValues, chartableIndicators } from '../../../lib/charts/specs.ts';
import { LANGS } from '../../../lib/i18n/index.ts';

const LEVELS = { provinces: 'province', 'former-provinces': 'former_province' } as const;

export function getStaticPaths() {
  return Object.keys(LEVELS).flatMap((name) => LANGS.map((lang) => ({ params: { file: `${name}.${lang}.json` } })));
}

export const GET: APIRoute = ({ params }) => {
  const [name, lang] = params.file!.replace(/\.json$/, '').split('.') as [keyof typeof LEVELS, 'vi' | 'en'];
  const model = getModel();
  const level = LEVELS[name];
  const body = chartableIndicators(model, level).map((id) => areaValues(model, lang, id, level));
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
