/**
 * The chart island: loaded when a chart scrolls into view (see components/Chart.astro), it adds
 * what needs a browser to the server-rendered figure: tooltips on hover and keyboard focus, arrow
 * keys between marks, switching indicator and year (values fetched once from the site's own JSON),
 * fitting the layout to the screen width, a permalink of the state, and downloads (SVG, PNG, CSV)
 * of exactly what is shown. Plain DOM code over the shared layout and render functions.
 */
import type { AreaChartSpec, AreaValues, ChartSpec, ChartState } from './types.ts';
import { DEFAULT_WIDTH, stateQuery, viewChart, type Cell, type ChartView } from './view.ts';

function readState(): ChartState {
  const q = new URLSearchParams(location.search);
  return { indicator: q.get('indicator') ?? undefined, period: q.get('year') ?? undefined, highlight: q.get('unit') ?? undefined };
}

function cellNode(cell: Cell): Node {
  if (typeof cell === 'string') return document.createTextNode(cell);
  if (!cell.href) return document.createTextNode(cell.text);
  const a = document.createElement('a');
  a.href = cell.href;
  a.textContent = cell.text;
  return a;
}

function fillTable(tbody: HTMLTableSectionElement, view: ChartView): void {
  tbody.replaceChildren(
    ...[...view.rows, ...view.extraRows].map((r) => {
      const tr = document.createElement('tr');
      r.cells.forEach((c, i) => {
        const td = document.createElement(i === view.rowHeader ? 'th' : 'td');
        if (i === view.rowHeader) td.setAttribute('scope', 'row');
        td.append(cellNode(c));
        tr.append(td);
      });
      return tr;
    }),
  );
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The chart's SVG with its title and source lines added underneath, as a standalone file. */
function exportSvg(svg: SVGSVGElement, lines: readonly string[]): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (clone.getAttribute('viewBox') ?? '0 0 400 300').split(' ').map(Number) as [number, number, number, number];
  const extra = lines.length * 14 + 8;
  clone.setAttribute('viewBox', `0 ${-22} ${w} ${h + extra + 22}`);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h + extra + 22));
  clone.querySelectorAll('.active').forEach((el) => el.classList.remove('active'));
  const ns = 'http://www.w3.org/2000/svg';
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('x', '0');
  bg.setAttribute('y', '-22');
  bg.setAttribute('width', String(w));
  bg.setAttribute('height', String(h + extra + 22));
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.querySelector('title')!.nextSibling!.nextSibling);
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('y', '-8');
  heading.setAttribute('font-weight', '700');
  heading.setAttribute('font-size', '13');
  heading.textContent = clone.querySelector('title')!.textContent;
  clone.append(heading);
  lines.forEach((line, i) => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('y', String(h + 14 + i * 14));
    t.setAttribute('font-size', '10');
    t.textContent = line;
    clone.append(t);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

async function svgToPng(svgText: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function hydrate(fig: HTMLElement): Promise<void> {
  const spec = JSON.parse(fig.querySelector('script[data-spec]')!.textContent) as ChartSpec;
  const body = fig.querySelector<HTMLElement>('[data-chart-body]')!;
  const title = fig.querySelector<HTMLElement>('[data-chart-title]');
  const tbody = fig.querySelector<HTMLTableSectionElement>('[data-chart-table] tbody');
  const permalink = fig.querySelector<HTMLAnchorElement>('[data-permalink]');
  const embedCode = fig.querySelector<HTMLElement>('[data-embed-code]');
  const ui = JSON.parse(fig.dataset.ui ?? '{}') as Record<string, string>;
  if (spec.kind === 'choropleth')
    spec.shapes = [...body.querySelectorAll<SVGPathElement>('path.mark')].map((p) => ({ code: p.dataset.code!, d: p.getAttribute('d')! }));

  const area = spec.kind === 'ranking' || spec.kind === 'tilegrid' || spec.kind === 'choropleth' ? spec : null;
  let state: ChartState = area ? readState() : {};
  if (area && needsData(area, state)) await loadAll(area);
  let view: ChartView;
  let active = -1;

  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.hidden = true;
  tip.setAttribute('role', 'status');
  fig.append(tip);

  const width = () =>
    DEFAULT_WIDTH[spec.kind] === null ? undefined : Math.round(Math.max(300, Math.min(body.clientWidth || DEFAULT_WIDTH[spec.kind]!, 760)));

  function marks(): SVGElement[] {
    return [...body.querySelectorAll<SVGElement>('.mark')];
  }

  function showTip(i: number, anchor: Element): void {
    const row = view.rows[i];
    if (!row) return;
    tip.textContent = row.tip;
    tip.hidden = false;
    const box = anchor.getBoundingClientRect();
    const frame = fig.getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - frame.left), Math.max(0, frame.width - 260));
    tip.style.setProperty('--tip-left', `${left}px`);
    tip.style.setProperty('--tip-top', `${box.bottom - frame.top + 6}px`);
  }

  function hideTip(): void {
    tip.hidden = true;
  }

  function setActive(i: number): void {
    const all = marks();
    if (all.length === 0) return;
    active = (i + all.length) % all.length;
    all.forEach((m, j) => m.classList.toggle('active', j === active));
    showTip(active, all[active]!);
  }

  function render(): void {
    view = viewChart(spec, state, width());
    body.innerHTML = view.svg;
    const svg = body.querySelector('svg')!;
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('aria-describedby', `${spec.id}-help`);
    if (title) title.textContent = view.title;
    if (tbody) fillTable(tbody, view);
    state = area ? view.state : {};
    const query = stateQuery(state);
    const here = new URL(location.href);
    if (permalink) permalink.href = `${here.pathname}${query}#${spec.id}`;
    if (embedCode) embedCode.textContent = embedCode.textContent.replace(/src="([^"?]*)[^"]*"/, `src="$1${query}"`);
    active = -1;
    hideTip();
  }

  /** Whether the state asks for an indicator or a period the page did not ship. */
  function needsData(a: AreaChartSpec, s: ChartState): boolean {
    const ind = a.indicators.find((i) => i.id === (s.indicator ?? a.indicators[0]!.id));
    if (!ind) return a.indicatorChoices.some(([id]) => id === s.indicator);
    return s.period !== undefined && ind.periods.includes(s.period) && !ind.rows[s.period];
  }

  async function loadAll(a: AreaChartSpec): Promise<void> {
    const res = await fetch(a.dataUrl);
    if (!res.ok) throw new Error(`${a.dataUrl}: ${res.status}`);
    a.indicators = (await res.json()) as AreaValues[];
  }

  // Controls: indicator and year, for charts of areas.
  if (area) {
    const controls = document.createElement('div');
    controls.className = 'chart-controls';
    const select = (labelText: string, options: [string, string][], value: string, onChange: (v: string) => void) => {
      const label = document.createElement('label');
      const s = document.createElement('select');
      for (const [v, text] of options) s.append(new Option(text, v, false, v === value));
      s.addEventListener('change', () => onChange(s.value));
      label.append(labelText, s);
      controls.append(label);
      return s;
    };
    let periodSelect: HTMLSelectElement | null = null;
    const first = viewChart(spec, state);
    const sync = () => {
      const periods = view.choices!.periods;
      if (!periodSelect) return;
      periodSelect.replaceChildren(...periods.map(([v, text]) => new Option(text, v, false, v === state.period)));
      periodSelect.parentElement!.hidden = periods.length < 2;
    };
    if (first.choices!.indicators.length > 1) {
      select(area.labels.indicator, first.choices!.indicators, first.state.indicator!, async (id) => {
        if (!area.indicators.some((i) => i.id === id)) await loadAll(area);
        state = { indicator: id, highlight: state.highlight };
        render();
        sync();
        history.replaceState(null, '', `${location.pathname}${stateQuery(state)}#${spec.id}`);
      });
    }
    periodSelect = select(area.labels.year, first.choices!.periods, first.state.period!, async (p) => {
      state = { ...state, period: p };
      if (needsData(area, state)) await loadAll(area);
      render();
      history.replaceState(null, '', `${location.pathname}${stateQuery(state)}#${spec.id}`);
    });
    periodSelect.parentElement!.hidden = first.choices!.periods.length < 2;
    body.before(controls);
  }

  // Downloads of what is shown.
  const tools = document.createElement('div');
  tools.className = 'chart-downloads';
  const name = () => [spec.key.replace(/\//g, '-'), state.period].filter(Boolean).join('-');
  const lines = () => [
    ...view.sources.map((s) => `${ui.source ?? 'Source'}: ${s.label}${s.date ? ` (${s.date})` : ''}`),
    `${ui.licence ?? 'Licence'}: ${spec.licence}`,
    new URL(permalink?.getAttribute('href') ?? location.href, location.href).href,
  ];
  const button = (text: string, action: () => void | Promise<void>) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', () => void action());
    tools.append(b);
  };
  button(`${ui.download ?? 'Download'} SVG`, () =>
    download(new Blob([exportSvg(body.querySelector('svg')!, lines())], { type: 'image/svg+xml' }), `${name()}.svg`),
  );
  button(`${ui.download ?? 'Download'} PNG`, async () =>
    download(await svgToPng(exportSvg(body.querySelector('svg')!, lines())), `${name()}.png`),
  );
  button(`${ui.download ?? 'Download'} CSV`, () => download(new Blob([view.csv], { type: 'text/csv;charset=utf-8' }), `${name()}.csv`));
  fig.querySelector('[data-chart-tools]')?.prepend(tools);

  const help = document.createElement('p');
  help.id = `${spec.id}-help`;
  help.className = 'sr-only';
  help.textContent = ui.keys ?? '';
  fig.append(help);

  // Tooltips: pointer and keyboard.
  body.addEventListener('pointerover', (e) => {
    const mark = (e.target as Element).closest<SVGElement>('.mark');
    if (mark) showTip(Number(mark.dataset.i), mark);
  });
  body.addEventListener('pointerleave', () => {
    if (active < 0) hideTip();
  });
  body.addEventListener('focusin', () => setActive(active < 0 ? 0 : active));
  body.addEventListener('focusout', () => {
    marks().forEach((m) => m.classList.remove('active'));
    active = -1;
    hideTip();
  });
  body.addEventListener('keydown', (e) => {
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) setActive(active + step[e.key]!);
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(marks().length - 1);
    else if (e.key === 'Escape') hideTip();
    else return;
    e.preventDefault();
  });

  render();
  fig.dataset.hydrated = 'true';
}
