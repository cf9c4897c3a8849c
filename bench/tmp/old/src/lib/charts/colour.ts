/**
 * Colour for charts and maps: colour-blind-safe palettes (ColorBrewer YlGnBu, sequential; Okabe–Ito,
 * categorical) and class breaks that every legend also states in words, so no reading depends on
 * colour alone.
 */

/** ColorBrewer YlGnBu, 5 classes: sequential, safe for the common colour-vision deficiencies. */
export const SEQUENTIAL = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Text colour readable on each class of SEQUENTIAL (contrast ≥ 4.5:1). */
export const SEQUENTIAL_INK = ['#1a1a1a', '#1a1a1a', '#1a1a1a', '#ffffff', '#ffffff'] as const;
export const NO_DATA_FILL = '#f3f3f3';
export const NO_DATA_INK = '#4d4d4d';

/** Okabe–Ito colours for categories (task status), with their text labels in every legend. */
export const CATEGORICAL = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  grey: '#6b6b6b',
  purple: '#CC79A7',
  sky: '#56B4E9',
} as const;

export interface ColourClass {
  /** Inclusive lower bound and upper bound of the class (the last class includes its upper bound). */
  from: number;
  to: number;
  fill: string;
  ink: string;
}

/**
 * Five equal-interval classes over [min, max] of the values shown. Equal intervals keep the legend
 * readable as plain numbers; the table twin gives every exact value.
 */
export function equalIntervalClasses(values: readonly number[]): ColourClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const n = min === max ? 1 : SEQUENTIAL.length;
  const step = (max - min) / n;
  return Array.from({ length: n }, (_, i) => ({
    from: min + step * i,
    to: i === n - 1 ? max : min + step * (i + 1),
    fill: SEQUENTIAL[n === 1 ? 2 : i]!,
    ink: SEQUENTIAL_INK[n === 1 ? 2 : i]!,
  }));
}

/** The class of a value (null: no data). */
export function classOf(classes: readonly ColourClass[], value: number | null): ColourClass | null {
  if (value === null || classes.length === 0) return null;
  for (let i = 0; i < classes.length - 1; i++) if (value < classes[i + 1]!.from) return classes[i]!;
  return classes[classes.length - 1]!;
}
