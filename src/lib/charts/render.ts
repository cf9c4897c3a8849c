/**
 * Placed marks → SVG markup, the same strings on the server (build) and in the island (browser).
 * Every text is escaped; colours are presentation attributes (no style attributes: the CSP forbids
 * them, and an exported SVG or PNG must look like the page). Marks carry `data-i`, the index of
 * their row in the chart's data, for tooltips and keyboard navigation.
 */
import { CATEGORICAL, NO_DATA_FILL, type ColourClass } from './colour.ts';
import type { HistoryLayout } from './history.ts';
import type { RankingLayout } from './ranking.ts';
import type { TileGridLayout } from './tilegrid.ts';
import type { TimelineLayout } from './timeline.ts';
import { TILE } from './tilegrid.ts';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
export const INK = '#1a1a1a';
export const MUTED = '#4d4d4d';
export const GRID = '#d9dee3';
export const BAR = '#2c7fb8';
export const HIGHLIGHT = CATEGORICAL.vermillion;
/** Series colours (Okabe–Ito) and marker shapes, so lines differ by more than colour. */
export const SERIES = [
  CATEGORICAL.blue,
  CATEGORICAL.vermillion,
  CATEGORICAL.green,
  CATEGORICAL.orange,
  CATEGORICAL.purple,
  CATEGORICAL.sky,
  '#000000',
];

export interface SvgText {
  id: string;
  title: string;
  description: string;
}

function open(t: SvgText, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${t.id}-t ${t.id}-d" font-family="${esc(FONT)}" font-size="12" fill="${INK}"><title id="${t.id}-t">${esc(t.title)}</title><desc id="${t.id}-d">${esc(t.description)}</desc>`;
}

/** Text cut to `max` characters with an ellipsis (the full text is in the tooltip and the table). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Splits text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface LegendItem {
  label: string;
  swatch: string;
}

/** A legend band: swatch + words, wrapped into rows of the chart's width. Returns markup and height. */
export function legendBand(items: readonly LegendItem[], width: number, y: number): { svg: string; height: number } {
  let x = 0;
  let row = 0;
  const parts: string[] = [];
  for (const item of items) {
    const w = 22 + item.label.length * 6.4;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const yy = y + row * 18;
    parts.push(`<g transform="translate(${x.toFixed(1)},${yy})">${item.swatch}<text x="18" y="11">${esc(item.label)}</text></g>`);
    x += w + 10;
  }
  return { svg: parts.join(''), height: items.length === 0 ? 0 : (row + 1) * 18 };
}

export const square = (fill: string) => `<rect width="13" height="13" fill="${fill}" stroke="${MUTED}" stroke-width="0.5"/>`;

export function renderRanking(l: RankingLayout, t: SvgText & { fmt: (v: number) => string; tickFmt: (v: number) => string }): string {
  const out = [open(t, l.width, l.height)];
  const axisY = l.height - 8;
  for (const tick of l.ticks)
    out.push(
      `<line x1="${tick.x}" x2="${tick.x}" y1="${l.top - 4}" y2="${axisY - 12}" stroke="${GRID}"/><text x="${tick.x}" y="${axisY}" text-anchor="middle" fill="${MUTED}" font-size="11">${esc(t.tickFmt(tick.value))}</text>`,
    );
  l.references.forEach((r, i) =>
    out.push(
      `<line x1="${r.x.toFixed(1)}" x2="${r.x.toFixed(1)}" y1="${4 + i * 11}" y2="${axisY - 12}" stroke="${INK}" stroke-dasharray="${r.key === 'target' ? '6 3' : '2 2'}" stroke-width="1.5"/>`,
    ),
  );
  l.bars.forEach((b, i) => {
    const y = b.y;
    const weight = b.highlight ? ' font-weight="700"' : '';
    out.push(
      `<g class="mark" data-i="${i}" data-code="${esc(b.code)}"><rect x="0" y="${y - 2}" width="${l.width}" height="${l.rowHeight}" fill="transparent"/>` +
        `<text x="${l.labelX}" y="${y + l.barHeight - 2}" text-anchor="end"${weight}>${b.highlight ? '▶ ' : ''}${esc(b.name)}</text>` +
        `<rect x="${l.x0}" y="${y}" width="${b.width.toFixed(1)}" height="${l.barHeight}" fill="${b.highlight ? HIGHLIGHT : BAR}"/>` +
        `<text x="${(l.x0 + b.width + 4).toFixed(1)}" y="${y + l.barHeight - 2}" font-size="11"${weight}>${esc(t.fmt(b.value))}</text></g>`,
    );
  });
  l.references.forEach((r, i) => {
    const anchor = r.x > l.width * 0.6 ? 'end' : 'start';
    const dx = anchor === 'end' ? -3 : 3;
    out.push(
      `<text x="${(r.x + dx).toFixed(1)}" y="${11 + i * 11}" text-anchor="${anchor}" font-size="11">${esc(`${r.label}: ${t.fmt(r.value)}`)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

function marker(kind: string, x: number, y: number, colour: string): string {
  if (kind === 'former') return `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${colour}"/>`;
  if (kind === 'national') return `<path d="M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z" fill="${colour}"/>`;
  return `<circle cx="${x}" cy="${y}" r="5" fill="${colour}" stroke="#ffffff" stroke-width="1.5"/>`;
}

const DASH: Record<string, string> = { unit: '', former: ' stroke-dasharray="5 3"', national: ' stroke-dasharray="1 3"' };

export function renderHistory(
  l: HistoryLayout,
  t: SvgText & { tickFmt: (v: number) => string; trajectoryLabel: string; trajectoryLegend: string },
): string {
  const out = [open(t, l.width, l.height)];
  const { plot } = l;
  for (const tick of l.yTicks)
    out.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${tick.y}" y2="${tick.y}" stroke="${GRID}"/><text x="${plot.left - 4}" y="${tick.y + 4}" text-anchor="end" fill="${MUTED}" font-size="11">${esc(t.tickFmt(tick.value))}</text>`,
    );
  for (const tick of l.xTicks)
    out.push(`<text x="${tick.x}" y="${plot.bottom + 16}" text-anchor="middle" fill="${MUTED}" font-size="11">${tick.year}</text>`);
  out.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${MUTED}"/>`);
  if (l.target)
    out.push(
      `<line x1="${plot.left}" x2="${plot.right}" y1="${l.target.y}" y2="${l.target.y}" stroke="${INK}" stroke-dasharray="6 3" stroke-width="1.5"/><circle cx="${l.target.x}" cy="${l.target.y}" r="4" fill="#fff" stroke="${INK}" stroke-width="2"/>`,
    );
  if (l.trajectory)
    out.push(
      `<line x1="${l.trajectory.x1}" y1="${l.trajectory.y1}" x2="${l.trajectory.x2}" y2="${l.trajectory.y2}" stroke="${MUTED}" stroke-dasharray="2 3" stroke-width="1.5"><title>${esc(t.trajectoryLabel)}</title></line>`,
    );
  // Marks are numbered in series order (the table's order) but the unit's own series is drawn last,
  // on top, so that a former province with the same value never hides it.
  let i = 0;
  const drawn = l.lines.map((line) => {
    const colour = SERIES[line.index % SERIES.length]!;
    const marks = line.points.map(
      (p) =>
        `<g class="mark" data-i="${i++}">${marker(line.kind, p.x, p.y, colour)}<circle cx="${p.x}" cy="${p.y}" r="10" fill="transparent"/></g>`,
    );
    return {
      kind: line.kind,
      svg: `<path d="${line.d}" fill="none" stroke="${colour}" stroke-width="2"${DASH[line.kind] ?? ''}/>${marks.join('')}`,
    };
  });
  out.push(...drawn.filter((d) => d.kind !== 'unit').map((d) => d.svg), ...drawn.filter((d) => d.kind === 'unit').map((d) => d.svg));
  for (const item of l.legend) {
    if (item.kind === 'trajectory') {
      // The steady path is a reference line: its legend row has no marker, as it has no data points.
      out.push(
        `<g transform="translate(${plot.left},${item.y})"><line x1="0" x2="24" y1="6" y2="6" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="2 3"/><text x="30" y="10">${esc(t.trajectoryLegend)}</text></g>`,
      );
      continue;
    }
    const colour = item.kind === 'target' ? INK : SERIES[item.index % SERIES.length]!;
    const dash = item.kind === 'target' ? ' stroke-dasharray="6 3"' : (DASH[item.kind] ?? '');
    out.push(
      `<g transform="translate(${plot.left},${item.y})"><line x1="0" x2="24" y1="6" y2="6" stroke="${colour}" stroke-width="2"${dash}/>${item.kind === 'target' ? '' : marker(item.kind, 12, 6, colour)}<text x="30" y="10">${esc(item.label)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

export function renderTimeline(
  l: TimelineLayout,
  t: SvgText & { asOfLabel: string; deadlineLabel: string; statusLabel: (s: string) => string },
): string {
  const statuses = [...new Set(l.rows.map((r) => r.status))];
  const legend = legendBand(
    [
      ...statuses.map((s) => ({ label: t.statusLabel(s), swatch: square(l.rows.find((r) => r.status === s)!.colour) })),
      { label: t.deadlineLabel, swatch: `<path d="M6,0l5,6l-5,6l-5,-6Z" fill="#fff" stroke="${INK}" stroke-width="1.5"/>` },
      { label: t.asOfLabel, swatch: `<line x1="6" x2="6" y1="0" y2="13" stroke="${INK}" stroke-dasharray="3 2"/>` },
    ],
    l.width,
    l.height + 4,
  );
  const out = [open(t, l.width, l.height + legend.height + 8)];
  for (const tick of l.ticks)
    out.push(
      `<line x1="${tick.x}" x2="${tick.x}" y1="${l.plot.top - 6}" y2="${l.plot.bottom}" stroke="${GRID}"/><text x="${tick.x}" y="${l.plot.top - 10}" text-anchor="middle" fill="${MUTED}" font-size="11">${esc(tick.label)}</text>`,
    );
  const chars = Math.floor((l.plot.right - l.plot.left) / 6.2);
  l.rows.forEach((r, i) => {
    const barY = r.y + 13;
    const parts = [
      `<rect x="0" y="${r.y}" width="${l.width}" height="${l.rowHeight}" fill="transparent"/><rect x="${l.plot.left}" y="${r.y + 2}" width="9" height="9" fill="${r.colour}"/><text x="${l.plot.left + 13}" y="${r.y + 10}" font-size="11">${esc(clip(r.label, chars - 2))}</text>`,
    ];
    if (r.x1 !== null)
      parts.push(`<rect x="${r.x1}" y="${barY}" width="${Math.max(2, r.x2 - r.x1).toFixed(1)}" height="8" fill="${r.colour}"/>`);
    if (r.completed) parts.push(`<circle cx="${r.x2}" cy="${barY + 4}" r="4.5" fill="${r.colour}" stroke="${INK}"/>`);
    if (r.deadlineX !== null)
      parts.push(`<path d="M${r.deadlineX},${barY - 2}l5,6l-5,6l-5,-6Z" fill="#fff" stroke="${INK}" stroke-width="1.5"/>`);
    out.push(`<g class="mark" data-i="${i}">${parts.join('')}</g>`);
  });
  out.push(`<line x1="${l.asOfX}" x2="${l.asOfX}" y1="${l.plot.top - 6}" y2="${l.plot.bottom}" stroke="${INK}" stroke-dasharray="3 2"/>`);
  out.push(legend.svg, '</svg>');
  return out.join('');
}

export function classLegend(classes: readonly ColourClass[], fmt: (v: number) => string, noData: string): LegendItem[] {
  return [
    ...classes.map((c) => ({ label: `${fmt(c.from)}–${fmt(c.to)}`, swatch: square(c.fill) })),
    { label: noData, swatch: square(NO_DATA_FILL) },
  ];
}

export function renderTileGrid(
  l: TileGridLayout,
  t: SvgText & { fmt: (v: number) => string; legend: LegendItem[]; highlight?: string | null },
): string {
  const legend = legendBand(t.legend, l.width, l.height + 8);
  const out = [open(t, l.width, l.height + legend.height + 12)];
  l.tiles.forEach((tile, i) => {
    const hl = tile.code === t.highlight;
    out.push(
      `<g class="mark" data-i="${i}" data-code="${esc(tile.code)}"><rect x="${tile.x}" y="${tile.y}" width="${TILE.width}" height="${TILE.height}" rx="3" fill="${tile.fill}" stroke="${hl ? INK : MUTED}" stroke-width="${hl ? 3 : 0.5}"/>` +
        `<text x="${tile.x + TILE.width / 2}" y="${tile.y + 18}" text-anchor="middle" font-size="11" fill="${tile.ink}">${esc(clip(tile.name, 13))}</text>` +
        `<text x="${tile.x + TILE.width / 2}" y="${tile.y + 35}" text-anchor="middle" font-size="12" font-weight="700" fill="${tile.ink}">${tile.value === null ? '—' : esc(t.fmt(tile.value))}</text></g>`,
    );
  });
  out.push(legend.svg, '</svg>');
  return out.join('');
}

export interface ChoroplethShape {
  code: string;
  d: string;
  fill: string;
}

export function renderChoropleth(
  m: { width: number; height: number; shapes: readonly ChoroplethShape[]; labels: readonly { text: string; x: number; y: number }[] },
  t: SvgText & { legend: LegendItem[]; attribution: string; highlight?: string | null },
): string {
  const legend = legendBand(t.legend, m.width, m.height + 6);
  const attribution = wrap(t.attribution, Math.floor(m.width / 5));
  const out = [open(t, m.width, m.height + legend.height + 12 + attribution.length * 11)];
  m.shapes.forEach((s, i) =>
    out.push(
      `<path class="mark" data-i="${i}" data-code="${esc(s.code)}" d="${s.d}" fill="${s.fill}" stroke="${s.code === t.highlight ? INK : '#ffffff'}" stroke-width="${s.code === t.highlight ? 2 : 0.6}"/>`,
    ),
  );
  for (const label of m.labels)
    out.push(
      `<text x="${label.x}" y="${label.y}" font-size="10" font-style="italic" fill="${MUTED}" text-anchor="middle">${esc(label.text)}</text>`,
    );
  out.push(
    legend.svg,
    ...attribution.map(
      (line, i) => `<text x="0" y="${m.height + legend.height + 18 + i * 11}" font-size="9" fill="${MUTED}">${esc(line)}</text>`,
    ),
    '</svg>',
  );
  return out.join('');
}
