/**
 * Tile-grid map of the 34 provincial units: one equal tile each, placed to resemble the country's
 * shape (north at the top, the long central coast as one column, the Mekong delta at the bottom
 * left), so small units such as Hà Nội or Huế are as visible as the largest. Positions are hand-set
 * and checked by a test (34 tiles, 34 distinct cells, every current code).
 */
import { classOf, NO_DATA_FILL, NO_DATA_INK, type ColourClass } from './colour.ts';

/** Province code → [column, row]. */
export const TILE_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  '12': [1, 0],
  '15': [2, 0],
  '08': [3, 0],
  '04': [4, 0],
  '11': [0, 1],
  '14': [1, 1],
  '25': [2, 1],
  '19': [3, 1],
  '20': [4, 1],
  '01': [2, 2],
  '24': [3, 2],
  '22': [4, 2],
  '37': [2, 3],
  '33': [3, 3],
  '31': [4, 3],
  '38': [2, 4],
  '40': [2, 5],
  '42': [3, 6],
  '44': [3, 7],
  '46': [4, 8],
  '48': [4, 9],
  '51': [4, 10],
  '52': [4, 11],
  '66': [4, 12],
  '75': [2, 13],
  '68': [3, 13],
  '56': [4, 13],
  '80': [1, 14],
  '79': [2, 14],
  '91': [0, 15],
  '82': [1, 15],
  '86': [2, 15],
  '96': [0, 16],
  '92': [1, 16],
};

export const TILE = { width: 84, height: 46, gap: 3, columns: 5, rows: 17 } as const;

export interface Tile {
  code: string;
  name: string;
  value: number | null;
  x: number;
  y: number;
  fill: string;
  ink: string;
  classIndex: number | null;
}

export interface TileGridLayout {
  width: number;
  height: number;
  tiles: Tile[];
}

export function layoutTileGrid(
  rows: readonly { code: string; name: string; value: number | null }[],
  classes: readonly ColourClass[],
): TileGridLayout {
  const { width, height, gap, columns } = TILE;
  const tiles = rows
    .filter((r) => TILE_POSITIONS[r.code])
    .map((r): Tile => {
      const [col, row] = TILE_POSITIONS[r.code]!;
      const cls = classOf(classes, r.value);
      return {
        code: r.code,
        name: r.name,
        value: r.value,
        x: col * (width + gap),
        y: row * (height + gap),
        fill: cls?.fill ?? NO_DATA_FILL,
        ink: cls?.ink ?? NO_DATA_INK,
        classIndex: cls ? classes.indexOf(cls) : null,
      };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);
  return { width: columns * (width + gap) - gap, height: TILE.rows * (height + gap) - gap, tiles };
}
