/**
 * Composite keys of the model's look-up maps, written in one place so that a page, a chart and the
 * model never spell a key two ways.
 */

/** Key of {@link Model.series}: the observations of one indicator for one area, oldest period first. */
export function seriesKey(indicatorId: string, level: string, areaCode: string): string {
  return `${indicatorId}|${level}|${areaCode}`;
}

/** Key of {@link Model.cross}: the observations of one indicator across the areas of a level in one period. */
export function crossKey(indicatorId: string, level: string, period: string): string {
  return `${indicatorId}|${level}|${period}`;
}

/** Key of {@link Model.byIndicatorLevel}: the observations of one indicator at one level (all its areas). */
export function indicatorLevelKey(indicatorId: string, level: string): string {
  return `${indicatorId}|${level}`;
}

/** Key of {@link Model.byArea} and {@link Model.tasksByArea}: one area of one level. */
export function areaKey(level: string, areaCode: string): string {
  return `${level}|${areaCode}`;
}
