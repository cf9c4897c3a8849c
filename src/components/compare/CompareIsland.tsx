/**
 * The comparison tool (the portal's React island, hydrated on /compare/ only). Until its data has
 * loaded, and whenever JavaScript is off, it shows what the page renders inside it (the links to the
 * province pages and the downloads). It reads one same-origin JSON file built from the model
 * (lib/view/compare.ts), keeps the choice in the address (selection.ts) and announces each change.
 * Every string arrives translated in `strings`; every figure arrives formatted.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CompareCell, CompareData, CompareStrings } from '../../lib/view/compare.ts';
import { parseSelection, selectionSearch, toggleCode, type Selection, type SelectionLevel } from './selection.ts';

interface Props {
  dataUrl: string;
  max: number;
  strings: CompareStrings;
  children?: ReactNode;
}

type Load = { state: 'loading' } | { state: 'error' } | { state: 'ready'; data: CompareData };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * A figure's source as a numbered note: "[2]" links to the list of sources under the table. Its name
 * ("Source [2]") is an aria-label, not a visually hidden span: an absolutely positioned span inside the
 * scrolling table escapes the region's overflow and widened the whole page on a phone.
 */
function SourceNote({ index, notes, strings }: { index: number | null; notes: Map<number, number>; strings: CompareStrings }) {
  const n = index === null ? undefined : notes.get(index);
  if (n === undefined) return null;
  return (
    <a className="compare-note small" href={`#compare-source-${n}`} aria-label={`${strings.source} [${n}]`}>
      [{n}]
    </a>
  );
}

function Cell({ cell, notes, strings }: { cell: CompareCell | undefined; notes: Map<number, number>; strings: CompareStrings }) {
  if (!cell) return <td className="muted">{strings.noValue}</td>;
  return (
    <td>
      {cell.value !== null && (
        <span className="compare-value">
          <strong>{cell.value}</strong> <SourceNote index={cell.valueSource} notes={notes} strings={strings} />
        </span>
      )}
      {cell.rank !== null && (
        <span className="compare-rank">
          {cell.rank} <SourceNote index={cell.rankSource} notes={notes} strings={strings} />
        </span>
      )}
    </td>
  );
}

function SourceList({ data, notes, strings }: { data: CompareData; notes: Map<number, number>; strings: CompareStrings }) {
  return (
    <>
      <h3 id="compare-sources">{strings.sources}</h3>
      <ol className="compare-sources small">
        {[...notes.entries()].map(([index, n]) => {
          const s = data.sources[index];
          if (!s) return null;
          const label =
            s.href === null ? (
              s.label
            ) : s.external ? (
              <a href={s.href} rel="noopener noreferrer external">
                {s.label}
              </a>
            ) : (
              <a href={s.href}>{s.label}</a>
            );
          return (
            <li key={n} id={`compare-source-${n}`}>
              {label}, {s.date}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export default function CompareIsland({ dataUrl, max, strings, children }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selection, setSelection] = useState<Selection>({ level: 'province', codes: [] });

  useEffect(() => {
    let live = true;
    fetch(dataUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`${dataUrl}: ${r.status}`);
        return r.json() as Promise<CompareData>;
      })
      .then((data) => {
        if (!live) return;
        const known = (level: SelectionLevel) => new Set(data.levels[level].areas.map((a) => a.code));
        setSelection(parseSelection(window.location.search, known, max));
        setLoad({ state: 'ready', data });
      })
      .catch(() => live && setLoad({ state: 'error' }));
    return () => {
      live = false;
    };
  }, [dataUrl, max]);

  const choose = (next: Selection) => {
    setSelection(next);
    const url = `${window.location.pathname}${selectionSearch(next)}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  };

  const data = load.state === 'ready' ? load.data : null;
  const level = data ? data.levels[selection.level] : null;
  const chosen = useMemo(
    () => (level ? selection.codes.map((c) => level.areas.find((a) => a.code === c)).filter((a) => a !== undefined) : []),
    [level, selection.codes],
  );

  if (!data || !level) {
    return (
      <div className="compare-tool" data-compare-state={load.state}>
        {load.state === 'error' && (
          <p className="notice" role="alert">
            {strings.loadError}
          </p>
        )}
        {children}
      </div>
    );
  }

  const rows = level.rows.filter((r) => chosen.some((a) => r.cells[a.code] !== undefined));
  // Sources numbered in the order the table cites them (row by row, area by area).
  const notes = new Map<number, number>();
  for (const r of rows)
    for (const a of chosen)
      for (const i of [r.cells[a.code]?.valueSource, r.cells[a.code]?.rankSource])
        if (i !== undefined && i !== null && !notes.has(i)) notes.set(i, notes.size + 1);
  const full = selection.codes.length >= max;
  const announcement =
    chosen.length === 0
      ? strings.none
      : `${fill(strings.selected, { count: String(chosen.length), names: chosen.map((a) => a.name).join(', ') })}${full ? ` ${strings.limit}` : ''}`;

  return (
    <div className="compare-tool" data-compare-state="ready">
      <form className="compare-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{strings.levelLegend}</legend>
          {(['province', 'former_province'] as const).map((l) => (
            <label key={l} className="compare-choice">
              <input
                type="radio"
                name="compare-level"
                value={l}
                checked={selection.level === l}
                onChange={() => choose({ level: l, codes: [] })}
              />{' '}
              {l === 'province' ? strings.levelProvince : strings.levelFormer}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{strings.chooseLegend}</legend>
          {chosen.length > 0 && (
            // The choice stays in view above the list (which scrolls in a box on a phone) and is undone in one tap.
            <p className="compare-chosen">
              <span className="small">{strings.chosen}</span>{' '}
              {chosen.map((a) => (
                <button
                  type="button"
                  key={a.code}
                  className="compare-remove"
                  aria-label={fill(strings.remove, { name: a.name })}
                  onClick={() => choose(toggleCode(selection, a.code, max))}
                >
                  {a.name} <span aria-hidden="true">×</span>
                </button>
              ))}
            </p>
          )}
          <ul className="compare-areas">
            {level.areas.map((a) => {
              const checked = selection.codes.includes(a.code);
              return (
                <li key={a.code}>
                  <label className="compare-choice">
                    <input
                      type="checkbox"
                      name="p"
                      value={a.code}
                      checked={checked}
                      disabled={!checked && full}
                      onChange={() => choose(toggleCode(selection, a.code, max))}
                    />{' '}
                    {a.name}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </form>
      <p className="compare-status" role="status" aria-live="polite">
        {announcement}
      </p>
      {chosen.length > 0 && (
        <>
          <h2 id="compare-indicators">{strings.indicators}</h2>
          <div className="table-scroll" role="region" aria-label={strings.indicatorsCaption} tabIndex={0}>
            <table className="compare-table" data-compare-table="indicators">
              <caption>{strings.indicatorsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings.indicator}</th>
                  <th scope="col">{strings.period}</th>
                  {chosen.map((a) => (
                    <th scope="col" key={a.code} data-code={a.code}>
                      <a href={a.href}>{a.name}</a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const ind = data.indicators[r.indicator];
                  return (
                    <tr key={`${r.indicator}|${r.period}`}>
                      <th scope="row">{ind ? <a href={ind.href}>{ind.text}</a> : null}</th>
                      <td>{r.period}</td>
                      {chosen.map((a) => (
                        <Cell key={a.code} cell={r.cells[a.code]} notes={notes} strings={strings} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <SourceList data={data} notes={notes} strings={strings} />
          <h2 id="compare-tasks">{strings.tasks}</h2>
          {level.tasks === null ? (
            <p className="muted">{strings.tasksFormer}</p>
          ) : (
            <div className="table-scroll" role="region" aria-label={strings.tasksCaption} tabIndex={0}>
              <table className="compare-table" data-compare-table="tasks">
                <caption>{strings.tasksCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{strings.tasks}</th>
                    {chosen.map((a) => (
                      <th scope="col" key={a.code} className="num">
                        <a href={`${a.href}#tasks`}>{a.name}</a>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {level.tasks.map((row) => (
                    <tr key={row.text}>
                      <th scope="row">{row.text}</th>
                      {chosen.map((a) => (
                        <td key={a.code} className="num">
                          {row.counts[a.code] ?? 0}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
