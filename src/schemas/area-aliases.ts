import { z } from 'zod';
import { key, oneOf, text } from './cells.ts';

/**
 * The reviewed table of area names as sources print them (data/area_aliases.csv) and the code each
 * means. Used by the imports, not published as a dataset: a name is looked up at one level, and a
 * name without a row fails the import (a name is never matched by similarity).
 */
export const ALIAS_LEVELS = ['national', 'province', 'former_province'] as const;

export const AreaAliasRowSchema = z.object({
  name: text('The name exactly as a source prints it (e.g. "TP.HCM", "TP. Hồ Chí Minh", "thành phố Huế").'),
  level: oneOf(ALIAS_LEVELS, 'Level the name is read at: national, province (current 34) or former_province (63 before 1 July 2025).'),
  code: key('Code at that level: "VN", or the 2-digit code of provinces.csv or former_provinces.csv.', /^VN$|^\d{2}$/, { example: '79' }),
  note: text('Why this name means this code, when it is not obvious (a reused code, a former name).', { required: false }),
});

export type AreaAliasRow = z.output<typeof AreaAliasRowSchema>;
