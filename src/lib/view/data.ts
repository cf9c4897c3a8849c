/**
 * The open-data pages: the list of tables (/data/), one table's page with its data dictionary
 * (/data/{table}/) and the coverage of each indicator (/data/coverage/). The licence and the sources
 * come from dataset.json (model.meta), the counts from the data.
 */
import { describeColumns, type ColumnDoc } from '../data/data-dictionary.ts';
import { formatDate, formatLicence, formatNumber } from '../format.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import { computeCoverage, type CoverageRow } from '../model/coverage.ts';
import type { Model } from '../model/index.ts';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { href, indicatorPath, type Link } from './links.ts';
import { filesDir } from '../release/downloads.ts';
import { latestVersion } from '../release/publish.ts';
import { isLarge } from '../release/partition.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';

export interface SourceLine {
  title: string;
  url: string | null;
  licence: string;
  caveat: string | null;
}

function sourceLine(source: Model['meta']['sources'][number], lang: Lang): SourceLine {
  return { title: source.title, url: source.url ?? null, licence: source.licence, caveat: textIn(lang, source, 'caveat') || null };
}

export interface DataIndexPage {
  lang: Lang;
  title: string;
  description: string;
  lead: string;
  asOf: string;
  asOfText: string;
  /**
   * `csv` and `json`: the whole table under /data/latest/; `inParts`, for a table published in
   * parts (docs/releases.md, none in the real data), the Data Package that lists its parts instead.
   */
  tables: { name: Link; description: string; rows: string; csv: string; json: string; inParts?: { href: string; text: string } }[];
  sources: SourceLine[];
}

/** For a table published in parts under /data/latest/ (none in the real data): the Data Package that lists them. */
function inPartsLink(model: Model, def: TableDef, lang: Lang): { inParts?: { href: string; text: string } } {
  const file = join(filesDir(model.dataDir, latestVersion(model.dataDir)), def.file);
  return isLarge(statSync(file, { throwIfNoEntry: false })?.size ?? 0)
    ? { inParts: { href: '/data/latest/datapackage.json', text: t(lang, 'dataInParts') } }
    : {};
}

export function dataIndexPage(model: Model, lang: Lang): DataIndexPage {
  return {
    lang,
    title: t(lang, 'openData'),
    description: t(lang, 'dataDescription'),
    lead: t(lang, 'dataLead', { licence: formatLicence(model.meta.licence) }),
    asOf: model.asOf,
    asOfText: formatDate(model.asOf, lang),
    tables: TABLES.map((def) => ({
      name: { text: textIn(lang, def, 'title'), href: href(lang, `/data/${def.name}/`) },
      description: textIn(lang, def, 'description'),
      rows: formatNumber(model.tables[def.name].length, lang, 0),
      csv: `/data/latest/${def.file}`,
      json: `/data/latest/${def.name}.json`,
      ...inPartsLink(model, def, lang),
    })),
    sources: model.meta.sources.map((s) => sourceLine(s, lang)),
  };
}

export interface DataTablePage {
  lang: Lang;
  def: TableDef;
  path: string;
  title: string;
  description: string;
  rows: string;
  columns: ColumnDoc[];
  references: { fields: string; table: Link }[];
  sources: SourceLine[];
  /** Set for a table published in parts: link this instead of its whole CSV and JSON. */
  inParts?: { href: string; text: string };
  /** The JSON Schema of its JSON download: of the whole table's records, or of its partitions' rows when published in parts. */
  schema: string;
}

export function dataTablePage(model: Model, name: string, lang: Lang): DataTablePage {
  const def = TABLES.find((d) => d.name === name) as TableDef | undefined;
  if (!def) throw new Error(`No table named ${name}.`);
  const parts = inPartsLink(model, def, lang);
  return {
    lang,
    def,
    path: `/data/${def.name}/`,
    title: textIn(lang, def, 'title'),
    description: textIn(lang, def, 'description'),
    rows: formatNumber(model.tables[def.name].length, lang, 0),
    ...parts,
    schema: `/data/schemas/${def.name}.${parts.inParts ? 'rows.' : ''}schema.json`,
    columns: describeColumns(def),
    references: def.foreignKeys.map((fk) => ({
      fields: fk.fields.join(', '),
      table: { text: fk.reference.table, href: href(lang, `/data/${fk.reference.table}/`) },
    })),
    // A source id listed for the table but missing from dataset.json's sources is left out.
    sources: (model.meta.table_sources[def.name] ?? []).flatMap((id) => {
      const s = model.meta.sources.find((x) => x.id === id);
      return s ? [sourceLine(s, lang)] : [];
    }),
  };
}

const LEVELS = ['national', 'province', 'former_province'] as const;

export interface CoveragePage {
  lang: Lang;
  title: string;
  description: string;
  lead: string;
  levels: string[];
  rows: { indicator: Link; levels: (string | null)[]; newest: string; published: string | null; age: string | null }[];
}

/** The coverage of a model, computed once for both languages (it reads every observation: 3.95 M at bench scale M50). */
const coverageOf = new WeakMap<Model, CoverageRow[]>();

export function coveragePage(model: Model, lang: Lang): CoveragePage {
  const provinces = model.provinces.length;
  const formers = model.tables.former_provinces.length;
  let rows = coverageOf.get(model);
  if (!rows)
    coverageOf.set(
      model,
      (rows = computeCoverage(model.tables.indicators, (id) => model.byIndicator.get(id) ?? [], provinces, formers, model.asOf)),
    );
  const expected = { national: null, province: provinces, former_province: formers };
  return {
    lang,
    title: t(lang, 'coverage'),
    description: t(lang, 'coverageDescription'),
    lead: t(lang, 'coverageLead', { asOf: formatDate(model.asOf, lang) }),
    levels: [
      t(lang, 'national'),
      t(lang, 'coverageProvinces', { count: String(provinces) }),
      t(lang, 'coverageFormer', { count: String(formers) }),
    ],
    rows: rows.map((r) => ({
      indicator: { text: textIn(lang, r.indicator, 'name'), href: href(lang, indicatorPath(r.indicator.id)) },
      levels: LEVELS.map((l) => {
        const periods = r.levels[l].periods;
        if (periods.length === 0) return null;
        const of = expected[l];
        return periods.map((p) => `${p.period}: ${p.withValue}${of === null ? '' : `/${of}`}`).join(' · ');
      }),
      newest: r.newestPeriod ?? '—',
      published: r.newestPublished ? formatDate(r.newestPublished, lang) : null,
      age: r.ageDays === null ? null : `${formatNumber(r.ageDays, lang, 0)} ${t(lang, 'days')}`,
    })),
  };
}
