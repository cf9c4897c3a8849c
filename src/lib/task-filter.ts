/**
 * Progressive enhancement of the server-rendered task table: a small form that filters (by status,
 * programme, deadline group, agency and text, in any combination) and sorts the rows in place.
 * Without JavaScript the same single filters are static pages linked above the table
 * (/tasks/status/{s}/, /tasks/programme/{p}/, /tasks/due/{g}/, /agencies/{id}/). The form exists only
 * when JavaScript runs, takes its choices from those links (data-facet, data-key) and reads only the
 * rendered table (data-status, data-programme, data-deadline, data-due, data-agencies, text); it never fetches data. Plain DOM code rather than a React island: a few
 * hundred bytes instead of 60 KB on a phone.
 */
import { taskDueGroup } from './data/task-due.ts';
import { foldDiacritics } from './text.ts';

const fold = (s: string) => foldDiacritics(s).toLowerCase();

/** What the tracker knows of one row: the facets the server wrote on it, and its text. */
export interface TaskFacets {
  status: string;
  programme: string;
  due: string;
  /** The bodies that carry the task today, as the keys of the agency choices. */
  agencies: readonly string[];
  text: string;
}

/** A choice per facet; an empty string (or a blank query) lets every row through. */
export interface TaskFilter {
  status: string;
  programme: string;
  due: string;
  agency: string;
  query: string;
}

/** Whether a row passes every chosen facet (an AND of them); the query matches without diacritics, đ as d. */
export function matchesTaskFilter(row: TaskFacets, filter: TaskFilter): boolean {
  const query = fold(filter.query.trim());
  return (
    (!filter.status || row.status === filter.status) &&
    (!filter.programme || row.programme === filter.programme) &&
    (!filter.due || row.due === filter.due) &&
    (!filter.agency || row.agencies.includes(filter.agency)) &&
    (!query || fold(row.text).includes(query))
  );
}

function facetsOf(row: HTMLTableRowElement): TaskFacets {
  const d = row.dataset;
  return {
    status: d.status ?? '',
    programme: d.programme ?? '',
    // Only standing tasks carry data-due; the others' group follows from their deadline.
    due: d.due ?? taskDueGroup({ deadline: d.deadline || null, recurrence: 'none' }),
    agencies: (d.agencies ?? '').split(' ').filter(Boolean),
    text: row.textContent ?? '',
  };
}

type Facet = 'status' | 'programme' | 'due' | 'agency';

/** The choices of a facet: the filter links of the page that carry a data-key. */
function choicesOf(facet: Facet): [string, string][] {
  return [...document.querySelectorAll<HTMLAnchorElement>(`nav[data-facet="${facet}"] a[data-key]`)].map((a) => [
    a.dataset.key ?? '',
    a.textContent?.trim() ?? '',
  ]);
}

export function enhanceTaskTable(root: HTMLElement): void {
  const table = document.getElementById(root.dataset.table ?? '');
  const body = table?.querySelector('tbody');
  if (!body) return;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Record<string, string>;
  const options = { status: choicesOf('status'), programme: choicesOf('programme'), due: choicesOf('due'), agency: choicesOf('agency') };
  const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr')].map((el) => ({ el, facets: facetsOf(el) }));

  const form = document.createElement('form');
  form.className = 'task-filter';
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', labels.filter ?? '');
  const field = <E extends HTMLElement>(text: string, control: E): E => {
    const label = document.createElement('label');
    label.append(text, control);
    form.append(label);
    return control;
  };
  const select = (name: Facet) => {
    const el = document.createElement('select');
    for (const [value, text] of [['', labels.all ?? ''], ...options[name]] as [string, string][]) el.append(new Option(text, value));
    el.dataset.testid = `filter-${name}`;
    return field(labels[name] ?? '', el);
  };
  const status = select('status');
  const programme = select('programme');
  const due = select('due');
  const agency = select('agency');
  const text = field(labels.text ?? '', Object.assign(document.createElement('input'), { type: 'search' }));
  text.dataset.testid = 'filter-text';
  const sort = document.createElement('select');
  sort.append(new Option(labels.byStatus ?? '', 'status'), new Option(labels.byDeadline ?? '', 'deadline'));
  field(labels.sort ?? '', sort);
  const count = document.createElement('p');
  count.className = 'small muted';
  count.setAttribute('aria-live', 'polite');
  count.dataset.testid = 'filter-count';
  form.append(count);
  form.addEventListener('submit', (e) => e.preventDefault());

  const order = options.status.map(([s]) => s);
  const apply = () => {
    const filter: TaskFilter = {
      status: status.value,
      programme: programme.value,
      due: due.value,
      agency: agency.value,
      query: text.value,
    };
    let shown = 0;
    for (const row of rows) {
      const visible = matchesTaskFilter(row.facets, filter);
      row.el.hidden = !visible;
      if (visible) shown++;
    }
    const byDeadline = (a: HTMLTableRowElement, b: HTMLTableRowElement) =>
      (a.dataset.deadline || '9999').localeCompare(b.dataset.deadline || '9999');
    const sorted = rows
      .map((r) => r.el)
      .sort(
        sort.value === 'deadline'
          ? byDeadline
          : (a, b) => order.indexOf(a.dataset.status ?? '') - order.indexOf(b.dataset.status ?? '') || byDeadline(a, b),
      );
    body.append(...sorted);
    count.textContent = `${shown} ${labels.shown ?? ''}`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  root.append(form);
  apply();
}
