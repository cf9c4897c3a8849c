/**
 * Progressive enhancement of the server-rendered task table: filters and sorts its rows in place.
 * Reads only the rendered table (data-status, data-deadline, text); never fetches data.
 */
import { useEffect, useState } from 'react';
import { foldDiacritics } from '../lib/text.ts';

interface Props {
  lang: 'vi' | 'en';
  tableId: string;
  statuses: [string, string][];
  owners: string[];
  labels: Record<'filter' | 'status' | 'owner' | 'all' | 'text' | 'sort' | 'byDeadline' | 'byStatus' | 'shown', string>;
}

const fold = (s: string) => foldDiacritics(s).toLowerCase();

export default function TaskFilter({ tableId, statuses, owners, labels }: Props) {
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<'status' | 'deadline'>('status');
  const [shown, setShown] = useState<number | null>(null);

  useEffect(() => {
    const table = document.getElementById(tableId);
    const body = table?.querySelector('tbody');
    if (!body) return;
    const rows = [...body.querySelectorAll<HTMLTableRowElement>('tr')];
    const query = fold(text.trim());
    let count = 0;
    for (const row of rows) {
      const ownerCell = row.cells[3]?.textContent ?? '';
      const visible = (!status || row.dataset.status === status) && (!owner || ownerCell === owner) && (!query || fold(row.textContent ?? '').includes(query));
      row.hidden = !visible;
      if (visible) count++;
    }
    const order = statuses.map(([s]) => s);
    const sorted = [...rows].sort((a, b) =>
      sort === 'deadline'
        ? (a.dataset.deadline || '9999').localeCompare(b.dataset.deadline || '9999')
        : order.indexOf(a.dataset.status ?? '') - order.indexOf(b.dataset.status ?? '') || (a.dataset.deadline || '9999').localeCompare(b.dataset.deadline || '9999'),
    );
    for (const row of sorted) body.appendChild(row);
    setShown(count);
  }, [status, owner, text, sort, tableId, statuses]);

  return (
    <form className="task-filter" role="search" aria-label={labels.filter} onSubmit={(e) => e.preventDefault()}>
      <label>
        {labels.status}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="filter-status">
          <option value="">{labels.all}</option>
          {statuses.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </select>
      </label>
      <label>
        {labels.owner}{' '}
        <select value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{labels.all}</option>
          {owners.map((o) => (
            <option key={o} value={o}>{o}</option>
          ))}
        </select>
      </label>
      <label>
        {labels.text}{' '}
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-text" />
      </label>
      <label>
        {labels.sort}{' '}
        <select value={sort} onChange={(e) => setSort(e.target.value as 'status' | 'deadline')}>
          <option value="status">{labels.byStatus}</option>
          <option value="deadline">{labels.byDeadline}</option>
        </select>
      </label>
      <p aria-live="polite" className="small muted" data-testid="filter-count">{shown !== null ? `${shown} ${labels.shown}` : ''}</p>
    </form>
  );
}
