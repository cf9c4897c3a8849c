/**
 * The lists of areas and the page of a former province: /provinces/, /provinces/{code}/communes/,
 * /former-provinces/ and /former-provinces/{code}/. Numbers of units come from the data.
 */
import { areaChartSpec, chartableIndicators, formerHistoryIndicators, formerHistorySpec } from '../charts/specs.ts';
import type { AreaChartSpec, HistorySpec } from '../charts/types.ts';
import { formatNumber, formatPeriod, formatValue } from '../format.ts';
import { label, t, textIn, type Lang } from '../i18n/index.ts';
import type { Model } from '../model/index.ts';
import { areaKey } from '../model/keys.ts';
import { viCollator } from '../text.ts';
import { communePath, formerProvincePath, href, indicatorPath, provincePath, type Link } from './links.ts';
import { sourceRef, type SourceView } from './source.ts';
import { observationCite, type FigureCite } from './cite.ts';

export interface ProvincesPage {
  lang: Lang;
  title: string;
  description: string;
  lead: string;
  mapsLink: Link;
  rows: { name: Link; code: string; type: string; formers: Link[]; communes: Link }[];
  tileMap: { heading: string; spec: AreaChartSpec } | null;
  formerLink: Link;
}

export function provincesPage(model: Model, lang: Lang): ProvincesPage {
  const counts = { provinces: model.provinces.length, formers: model.formerProvince.size };
  const mapped = chartableIndicators(model, 'province')[0];
  return {
    lang,
    title: t(lang, 'provincesTitle', counts),
    description: t(lang, 'provincesDescription', counts),
    lead: t(lang, 'provincesLead', counts),
    mapsLink: { text: t(lang, 'provincesMaps', counts), href: href(lang, '/maps/') },
    rows: model.provinces.map((p) => ({
      name: { text: p.name_vi, href: href(lang, provincePath(p.code)) },
      code: p.code,
      type: label(lang, p.type),
      formers: (model.formerBySuccessor.get(p.code) ?? []).map((f) => ({
        text: f.name_vi,
        href: href(lang, formerProvincePath(f.code)),
      })),
      communes: {
        text: formatNumber(model.communesByProvince.get(p.code)?.length ?? 0, lang, 0),
        href: href(lang, `/provinces/${p.code}/communes/`),
      },
    })),
    tileMap: mapped
      ? { heading: t(lang, 'tileMapHeading'), spec: areaChartSpec(model, lang, 'tilegrid', mapped, { id: 'chart-tilegrid' }) }
      : null,
    formerLink: { text: `${t(lang, 'formerProvinces')} (${counts.formers}) →`, href: href(lang, '/former-provinces/') },
  };
}

const COMMUNE_TYPES_COUNTED = ['phuong', 'xa', 'dac_khu'] as const;
const COMMUNE_TYPES_LISTED = ['phuong', 'dac_khu', 'xa'] as const;

export interface ProvinceCommunesPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  provinceName: string;
  breadcrumbs: [string, string][];
  summary: string;
  groups: { heading: string; communes: { name: Link; code: string }[] }[];
}

export function provinceCommunesPage(model: Model, code: string, lang: Lang): ProvinceCommunesPage {
  const p = model.province.get(code);
  if (!p) throw new Error(`No province with code ${code}.`);
  const communes = model.communesByProvince.get(code) ?? [];
  return {
    lang,
    path: `/provinces/${code}/communes/`,
    title: t(lang, 'communesOf', { name: p.name_vi }),
    description: t(lang, 'communesOfDescription', { count: String(communes.length), name: textIn(lang, p, 'full_name') }),
    provinceName: p.name_vi,
    breadcrumbs: [
      [t(lang, 'provinces'), '/provinces/'],
      [p.name_vi, provincePath(code)],
    ],
    summary: `${communes.length} ${t(lang, 'rows')}. ${COMMUNE_TYPES_COUNTED.map((ty) => `${label(lang, ty)}: ${communes.filter((c) => c.type === ty).length}`).join(' · ')}`,
    groups: COMMUNE_TYPES_LISTED.map((ty) => communes.filter((c) => c.type === ty))
      .filter((list) => list.length > 0)
      .map((list) => ({
        heading: `${label(lang, list[0]!.type)} (${list.length})`,
        communes: list.map((c) => ({ name: { text: c.full_name_vi, href: href(lang, communePath(c.code)) }, code: c.code })),
      })),
  };
}

export interface FormerProvincesPage {
  lang: Lang;
  title: string;
  description: string;
  rows: { name: Link; code: string; successor: Link & { code: string } }[];
}

export function formerProvincesPage(model: Model, lang: Lang): FormerProvincesPage {
  const formers = [...model.tables.former_provinces].sort((a, b) => viCollator.compare(a.name_vi, b.name_vi));
  return {
    lang,
    title: t(lang, 'formerProvinces'),
    description: t(lang, 'formerProvincesDescription', { count: String(formers.length) }),
    rows: formers.map((f) => ({
      name: { text: f.full_name_vi, href: href(lang, formerProvincePath(f.code)) },
      code: f.code,
      successor: {
        text: model.province.get(f.successor_code)?.name_vi ?? '',
        href: href(lang, provincePath(f.successor_code)),
        code: f.successor_code,
      },
    })),
  };
}

export interface FormerProvincePage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  provinceName: string;
  name: string;
  code: string;
  /** Said when the former code now belongs to another province. */
  codeNote: string | null;
  type: string;
  successor: Link & { code: string };
  siblings: Link[];
  history: HistorySpec | null;
  caption: string;
  /** Every figure of the former province; `cite` for its entry on the citations page (cite.ts). */
  figures: { indicator: Link; period: string; value: string; source: SourceView; note: string | null; cite: FigureCite }[];
}

export function formerProvincePage(model: Model, code: string, lang: Lang): FormerProvincePage {
  const f = model.formerProvince.get(code);
  if (!f) throw new Error(`No former province with code ${code}.`);
  const successor = model.province.get(f.successor_code)!;
  const siblings = (model.formerBySuccessor.get(f.successor_code) ?? []).filter((x) => x.code !== code);
  const figures = [...(model.byArea.get(areaKey('former_province', code)) ?? [])].sort(
    (a, b) => a.indicator_id.localeCompare(b.indicator_id) || a.period.localeCompare(b.period),
  );
  const sameCode = model.province.get(code);
  const historyIndicator = formerHistoryIndicators(model, code)[0];
  return {
    lang,
    path: formerProvincePath(code),
    title: `${f.full_name_vi} — ${t(lang, 'formerProvince')}`,
    description: t(lang, 'formerProvinceDescription', { name: f.full_name_vi, successor: textIn(lang, successor, 'full_name') }),
    provinceName: successor.name_vi,
    name: f.full_name_vi,
    code,
    codeNote: sameCode && sameCode.code !== successor.code ? t(lang, 'codeNowOther', { name: sameCode.name_vi }) : null,
    type: label(lang, f.type),
    successor: { text: successor.full_name_vi, href: href(lang, provincePath(successor.code)), code: successor.code },
    siblings: siblings.map((s) => ({ text: s.name_vi, href: href(lang, formerProvincePath(s.code)) })),
    history: historyIndicator ? formerHistorySpec(model, lang, historyIndicator, code) : null,
    caption: `${t(lang, 'figures')} — ${f.name_vi}`,
    figures: figures.map((o) => {
      const ind = model.indicator.get(o.indicator_id)!;
      const value = formatValue(o.value, ind, lang, t(lang, 'notAvailable'));
      return {
        indicator: { text: textIn(lang, ind, 'name'), href: href(lang, indicatorPath(ind.id)) },
        period: formatPeriod(o.period, lang),
        value,
        source: sourceRef(model, lang, o.source_id, o.published_on),
        note: o.note,
        cite: observationCite(model, lang, o, value, formerProvincePath(code)),
      };
    }),
  };
}
