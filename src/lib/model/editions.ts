/**
 * Editions of an index: the units it was published for. PCI 2024, PAR Index 2024 and PII 2024 are
 * editions of the 63 former provinces; PII 2025 and the 766 index of the 34 current ones; DTI 2024
 * was published for both. An edition is read from the level of its values (and of its ranks'
 * rank_of); values stay at their level, and a current province shows its former provinces' values
 * labelled as such, never as its own. Pure.
 */
import type { FormerProvinceRow, ObservationRow } from '../../schemas/index.ts';

export type EditionLevel = 'province' | 'former_province';

export interface Edition {
  period: string;
  level: EditionLevel;
  /** Units of the level: 34 or 63 (the rank_of of its ranks when they say otherwise). */
  units: number;
  /** Units with a score in the sources. */
  withValue: number;
  /** Units with a rank in the sources (from the rank indicator's rows, when given). */
  withRank: number;
}

const UNITS: Record<EditionLevel, number> = { province: 34, former_province: 63 };

/** The editions of an indicator, oldest period first, 63-province before 34-province within a period. */
export function editionsOf(scores: readonly ObservationRow[], ranks: readonly ObservationRow[] = []): Edition[] {
  const map = new Map<string, Edition>();
  const get = (period: string, level: EditionLevel) => {
    const key = `${period}|${level}`;
    let e = map.get(key);
    if (!e) map.set(key, (e = { period, level, units: UNITS[level], withValue: 0, withRank: 0 }));
    return e;
  };
  const counted = new Set<string>();
  for (const o of scores) {
    if (o.value === null || (o.area_level !== 'province' && o.area_level !== 'former_province')) continue;
    const k = `s|${o.period}|${o.area_level}|${o.area_code}`;
    if (counted.has(k)) continue; // two snapshots of one unit count once
    counted.add(k);
    get(o.period, o.area_level).withValue++;
  }
  for (const o of ranks) {
    if (o.value === null || (o.area_level !== 'province' && o.area_level !== 'former_province')) continue;
    const k = `r|${o.period}|${o.area_level}|${o.area_code}`;
    if (counted.has(k)) continue;
    counted.add(k);
    const e = get(o.period, o.area_level);
    e.withRank++;
    if (o.rank_of !== null) e.units = o.rank_of;
  }
  return [...map.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || (a.level === 'former_province' ? -1 : 1) - (b.level === 'former_province' ? -1 : 1),
  );
}

export interface ProvinceValues {
  /** Values measured or published for the current province itself. */
  own: ObservationRow[];
  /** Values of its former provinces, each labelled by the former province it belongs to. */
  former: { former: FormerProvinceRow; obs: ObservationRow }[];
}

/**
 * Every value of a current province for one indicator: its own, and its former provinces' (from the
 * 63-province editions), kept apart. `formers` are the former provinces whose successor it is.
 */
export function provinceValues(rows: readonly ObservationRow[], code: string, formers: readonly FormerProvinceRow[]): ProvinceValues {
  const byFormer = new Map(formers.map((f) => [f.code, f]));
  const own: ObservationRow[] = [];
  const former: ProvinceValues['former'] = [];
  for (const o of rows) {
    if (o.area_level === 'province' && o.area_code === code) own.push(o);
    else if (o.area_level === 'former_province' && byFormer.has(o.area_code)) former.push({ former: byFormer.get(o.area_code)!, obs: o });
  }
  return { own, former };
}
