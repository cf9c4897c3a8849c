/**
 * A bar in a table cell (the province page's DTI profile): a value drawn to scale inside its
 * indicator's range. Layout only; the component draws one <rect>. Decorative: the number is printed next to it.
 */
export interface InlineBar {
  width: number;
  height: number;
  /** Length of the bar in pixels, whole, clamped to [0, width]. */
  barWidth: number;
  fill: string;
}

export function layoutInlineBar(value: number, domain: readonly [number, number] = [0, 1], size = { width: 60, height: 10 }): InlineBar {
  const [min, max] = domain;
  const share = max > min ? (value - min) / (max - min) : 0;
  const barWidth = Math.min(size.width, Math.max(0, Math.round(size.width * share)));
  return { width: size.width, height: size.height, barWidth, fill: '#0b5394' };
}
