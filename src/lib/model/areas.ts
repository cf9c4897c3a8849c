import { t, type Lang } from '../i18n/index.ts';
import type { Model } from './index.ts';

/**
 * How an area is named in lists: "national", the province's or commune's Vietnamese name, or a former
 * province marked as such. An unknown code is shown as the code.
 */
export function areaName(
  model: Pick<Model, 'province' | 'commune' | 'formerProvince'>,
  lang: Lang,
  level: string | null,
  code: string | null,
): string {
  if (level === 'national') return t(lang, 'national');
  if (level === 'province') return model.province.get(code!)?.name_vi ?? code!;
  if (level === 'commune') return model.commune.get(code!)?.full_name_vi ?? code!;
  return `${model.formerProvince.get(code!)?.name_vi ?? code} (${t(lang, 'formerShort')})`;
}
