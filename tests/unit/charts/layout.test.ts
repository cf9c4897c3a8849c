/**
 * Layout functions on small fixed data: snapshots of the placed marks (numbers rounded), and the
 * properties a reader relies on (best first, gaps kept as gaps, ties share a rank, the trajectory
 * ends on the target at its deadline).
 */
import { describe, expect, it } from 'vitest';
import { classOf, equalIntervalClasses, NO_DATA_FILL, SEQUENTIAL } from '../../../src/lib/charts/colour.ts';
import { layoutHistory } from '../../../src/lib/charts/history.ts';
import { layoutRanking } from '../../../src/lib/charts/ranking.ts';
import { layoutTileGrid, TILE_POSITIONS } from '../../../src/lib/charts/tilegrid.ts';
import { layoutTimeline } from '../../../src/lib/charts/timeline.ts';
import { dateToYear, periodToYear } from '../../../src/lib/charts/time.ts';

/** Rounds every number in a structure so snapshots do not depend on floating-point noise. */
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));

const rows = [
  { code: 'A', name: 'Alpha', value: 0.5 },
  { code: 'B', name: 'Beta', value: 0.8 },
  { code: 'C', name: 'Gamma', value: null },
  { code: 'D', name: 'Delta', value: 0.5 },
];

describe('layoutRanking', () => {
  const layout = layoutRanking({
    rows,
    higherIsBetter: true,
    domain: [0, 1],
    references: [{ key: 'national', label: 'National', value: 0.6 }],
    highlight: 'D',
    width: 300,
  });

  it('places bars best first, from zero, with shared ranks for ties', () => {
    expect(layout.bars.map((b) => [b.code, b.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 2],
    ]);
    expect(layout.bars[0]!.width).toBeCloseTo((300 - 52 - 104) * 0.8);
    expect(layout.bars.find((b) => b.code === 'D')!.highlight).toBe(true);
  });

  it('lists areas without a value apart instead of drawing a zero', () => {
    expect(layout.missing).toEqual([{ code: 'C', name: 'Gamma' }]);
    expect(layout.bars.some((b) => b.code === 'C')).toBe(false);
  });

  it('puts lower-is-better indicators in ascending order', () => {
    const low = layoutRanking({ rows, higherIsBetter: false, domain: [0, 1], width: 300 });
    expect(low.bars.map((b) => b.code)).toEqual(['A', 'D', 'B']);
  });

  it('matches the snapshot', () => {
    expect(rounded(layout)).toMatchSnapshot();
  });
});

describe('layoutHistory', () => {
  const input = {
    series: [
      { key: 'p', label: 'Province', kind: 'unit' as const, points: [{ period: '2024', value: 0.7 }] },
      {
        key: 'f1',
        label: 'Former 1',
        kind: 'former' as const,
        points: [
          { period: '2022', value: 0.6 },
          { period: '2023', value: null },
          { period: '2024', value: 0.72 },
        ],
      },
    ],
    target: { value: 0.9, deadline: '2030-12-31', label: 'Target' },
    domain: [0, 1] as const,
    width: 400,
  };
  const layout = layoutHistory(input);

  it('keeps a missing value as a gap in the line, not a point', () => {
    const former = layout.lines[1]!;
    expect(former.points.map((p) => p.period)).toEqual(['2022', '2024']);
    // Two separate moves, no line drawn through the missing year.
    expect(former.d.match(/M/g)).toHaveLength(2);
  });

  it('draws the trajectory from the latest value of the main series to the target at the deadline', () => {
    const main = layout.lines[0]!.points.at(-1)!;
    expect(layout.trajectory).toMatchObject({ x1: main.x, y1: main.y, x2: layout.target!.x, y2: layout.target!.y });
    expect(layout.trajectory!.perYear).toBeCloseTo((0.9 - 0.7) / (dateToYear('2030-12-31') - 2024.5), 6);
  });

  it('has no trajectory without a value to start from', () => {
    expect(layoutHistory({ ...input, series: [{ key: 'n', label: 'N', kind: 'national', points: [] }] }).trajectory).toBeNull();
  });

  it('matches the snapshot', () => {
    expect(rounded(layout)).toMatchSnapshot();
  });
});

describe('layoutTimeline', () => {
  const layout = layoutTimeline({
    asOf: '2025-12-31',
    width: 500,
    tasks: [
      { id: 'b', label: 'Late', assigned: '2025-01-01', deadline: '2025-06-30', completed: '2025-09-01', status: 'done_late' },
      { id: 'a', label: 'Open', assigned: '2025-03-01', deadline: '2025-04-30', completed: null, status: 'past_deadline' },
      { id: 'c', label: 'No deadline', assigned: null, deadline: null, completed: null, status: 'no_deadline' },
    ],
  });

  it('sorts by deadline, ends open tasks at the as-of date and marks deadlines', () => {
    expect(layout.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(layout.rows[0]!.x2).toBe(layout.asOfX);
    expect(layout.rows[1]!.x2).toBeLessThan(layout.asOfX);
    expect(layout.rows[1]!.deadlineX).toBeLessThan(layout.rows[1]!.x2);
    expect(layout.rows[2]!.x1).toBeNull();
  });

  it('matches the snapshot', () => {
    expect(rounded(layout)).toMatchSnapshot();
  });
});

describe('tile grid', () => {
  it('has one distinct cell for each of the 34 current units', async () => {
    const { readFileSync } = await import('node:fs');
    const codes = readFileSync('data/provinces.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(Object.keys(TILE_POSITIONS).sort()).toEqual([...codes].sort());
    expect(new Set(Object.values(TILE_POSITIONS).map(([c, r]) => `${c},${r}`)).size).toBe(34);
  });

  it('colours by class and leaves a unit without a value grey', () => {
    const classes = equalIntervalClasses([0.5, 0.8]);
    const layout = layoutTileGrid(
      [
        { code: '01', name: 'Hà Nội', value: 0.8 },
        { code: '96', name: 'Cà Mau', value: null },
      ],
      classes,
    );
    expect(layout.tiles.map((t) => [t.code, t.fill])).toEqual([
      ['01', SEQUENTIAL[4]],
      ['96', NO_DATA_FILL],
    ]);
    expect(rounded(layout)).toMatchSnapshot();
  });
});

describe('colour classes and time', () => {
  it('puts the minimum in the first class and the maximum in the last', () => {
    const classes = equalIntervalClasses([1, 2, 3, 6]);
    expect(classes).toHaveLength(5);
    expect(classOf(classes, 1)).toBe(classes[0]);
    expect(classOf(classes, 6)).toBe(classes[4]);
    expect(classOf(classes, 2)).toBe(classes[1]);
    expect(classOf(classes, null)).toBeNull();
  });

  it('places periods at their middle', () => {
    expect(periodToYear('2024')).toBe(2024.5);
    expect(periodToYear('2025-Q1')).toBe(2025.125);
    expect(periodToYear('2025-12')).toBeCloseTo(2025 + 11.5 / 12);
  });
});

describe('wrap', () => {
  it('splits text at spaces into lines no longer than the limit', async () => {
    const { wrap } = await import('../../../src/lib/charts/render.ts');
    expect(wrap('Ranh giới: một hai ba bốn năm', 12)).toEqual(['Ranh giới:', 'một hai ba', 'bốn năm']);
    expect(wrap('', 10)).toEqual([]);
  });
});
