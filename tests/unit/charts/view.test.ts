/**
 * The chart view: the CSV has exactly the plotted values, the table twin has the same numbers as the
 * marks, text is escaped inside the SVG, and the real data gives the expected charts (maps with 34
 * and 63 shapes keyed by official codes).
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { viewChart, toCsv } from '../../../src/lib/charts/view.ts';
import type { AreaChartSpec, ChartLabels } from '../../../src/lib/charts/types.ts';
import { getModel } from '../../../src/lib/model/index.ts';
import { allChartKeys, areaChartSpec, chartSpec } from '../../../src/lib/charts/specs.ts';

const labels = Object.fromEntries(
  [
    'rank',
    'area',
    'value',
    'period',
    'method',
    'source',
    'date',
    'noData',
    'status',
    'task',
    'assignedOn',
    'deadline',
    'completedOn',
    'asOf',
    'trajectory',
    'trajectoryLegend',
    'perYear',
    'pointsPerYear',
    'series',
    'indicator',
    'year',
    'hoangSa',
    'truongSa',
  ].map((k) => [k, k]),
) as unknown as ChartLabels;
labels.statuses = {};

function spec(name: string): AreaChartSpec {
  return {
    id: 'c1',
    key: 'ranking/x',
    lang: 'vi',
    labels,
    pageUrl: '/embed/ranking/x/',
    licence: 'CC BY 4.0',
    kind: 'ranking',
    level: 'province',
    indicators: [
      {
        id: 'x',
        name,
        unit: 'index',
        decimals: 2,
        higherIsBetter: true,
        domain: [0, 1],
        periods: ['2024'],
        sources: { 'doc-1': { label: 'Bộ KH&CN', href: '/documents/doc-1/' } },
        methods: { as_published: 'as published' },
        unitHref: '/provinces/{code}/',
        rows: {
          '2024': [
            { code: '01', name: 'Hà Nội', value: 0.82, method: 'as_published', source: 'doc-1', date: '2025-10-21' },
            { code: '96', name: 'Cà Mau', value: null, method: null },
            { code: '79', name: 'Hồ Chí Minh', value: 0.78, method: 'as_published', source: 'doc-1', date: '2025-10-21' },
          ],
        },
        references: { '2024': [] },
      },
    ],
    indicatorChoices: [['x', name]],
    dataUrl: '/charts/data/provinces.vi.json',
    highlight: null,
  };
}

describe('viewChart', () => {
  const view = viewChart(spec('Chỉ số <b>"x"</b>'));

  it('writes a CSV of exactly the plotted values, the gap as an empty cell, with source and licence lines; no rank while a unit has no value', () => {
    const parsed = Papa.parse<Record<string, string>>(view.csv, { header: true, skipEmptyLines: true, comments: '#' });
    // 96 has no value: it could rank anywhere, so the ranks of 01 and 79 among the known values are not given.
    expect(parsed.data.map((r) => [r.area_code, r.value, r.rank])).toEqual([
      ['01', '0.82', ''],
      ['79', '0.78', ''],
      ['96', '', ''],
    ]);
    expect(view.csv).toContain('# Source / Nguồn: doc-1 (2025-10-21)');
    expect(view.csv).toContain('# Licence / Giấy phép: CC BY 4.0');
  });

  it('gives the table twin the same numbers, in the order of the marks', () => {
    expect(view.rows.map((r) => [r.cells[1], r.cells[2]])).toEqual([
      [{ text: 'Hà Nội', href: '/provinces/01/' }, '0,82'],
      [{ text: 'Hồ Chí Minh', href: '/provinces/79/' }, '0,78'],
    ]);
    expect(view.extraRows.map((r) => r.cells[2])).toEqual(['noData']);
    expect(view.svg.match(/class="mark"/g)).toHaveLength(2);
  });

  it('escapes text inside the SVG', () => {
    expect(view.svg).toContain('Chỉ số &lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(view.svg).not.toContain('<b>');
  });

  it('describes a ranking in sentences without a stray ". " when it has no reference line, and names each reference line', () => {
    expect(view.description).toBe('Chỉ số <b>"x"</b> — 2024. Hà Nội: 0,82 … Hồ Chí Minh: 0,78.');
    const withTarget = spec('x');
    withTarget.indicators[0]!.references = { '2024': [{ key: 'target', label: 'Mục tiêu 2030 (≥)', value: 0.9 }] };
    expect(viewChart(withTarget).description).toBe('x — 2024. Hà Nội: 0,82 … Hồ Chí Minh: 0,78. Mục tiêu 2030 (≥): 0,90.');
  });

  it('quotes CSV cells that need it', () => {
    expect(toCsv(['a'], [['x,"y"']], [])).toBe('a\n"x,""y"""\n');
  });
});

describe('charts of the real data', () => {
  const model = getModel();

  it('maps the 34 units and the 63 former provinces by official code', () => {
    const map = areaChartSpec(model, 'vi', 'map', 'dti');
    expect(map.shapes!.map((s) => s.code).sort()).toEqual(model.provinces.map((p) => p.code).sort());
    const former = areaChartSpec(model, 'vi', 'former-map', 'dti');
    expect(former.shapes!.map((s) => s.code).sort()).toEqual(model.tables.former_provinces.map((f) => f.code).sort());
    expect(map.shapes!.every((s) => s.d.startsWith('M'))).toBe(true);
  });

  it('shows the Ministry figures: Hà Nội first in the 2024 DTI ranking, without a "national average" line', () => {
    const view = viewChart(areaChartSpec(model, 'en', 'ranking', 'dti'));
    expect(view.state).toMatchObject({ indicator: 'dti', period: '2024' });
    expect(view.rows[0]!.cells.slice(0, 3)).toEqual(['1', { text: 'Hà Nội', href: '/en/provinces/01/' }, '0.8241']);
    // The published average 0.6961 is of the 63 former provinces (dti-trung-binh-tinh), not of the 34 drawn.
    expect(view.svg).not.toContain('National average');
  });

  it('builds every chart that has an embed page', () => {
    const keys = allChartKeys(model);
    expect(keys).toContain('ranking/dti');
    expect(keys).toContain('timeline/province-96');
    for (const key of keys) expect(viewChart(chartSpec(model, 'vi', key)).svg).toMatch(/^<svg [^>]*role="img"/);
  });
});
