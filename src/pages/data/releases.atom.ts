/** /data/releases.atom: releases, and tasks whose computed status changed between releases. */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model/index.ts';
import { buildAtomFeed } from '../../lib/release/metadata.ts';
import { buildReleaseHistory } from '../../lib/release/history.ts';

export const GET: APIRoute = ({ site }) => {
  const base = (site?.href ?? '').replace(/\/$/, '');
  const model = getModel();
  const history = buildReleaseHistory();
  const entries = history.flatMap((h) => [
    {
      id: `${base}/data/releases/${h.release.version}/`,
      title: `Release ${h.release.version} (${h.release.released_on})`,
      updated: h.release.released_on,
      link: `${base}/data/releases/${h.release.version}/`,
      summary: `${h.release.notes.slice(0, 500)} — ${h.totals.added} rows added, ${h.totals.removed} removed, ${h.totals.changed} changed.`,
    },
    ...h.statusChanges.map((s) => ({
      id: `${base}/tasks/${s.id}/#${h.release.version}`,
      title: `Task status: ${s.title} — ${s.before} → ${s.after}`,
      updated: h.release.released_on,
      link: `${base}/tasks/${s.id}/`,
      summary: `Status of task ${s.id} changed from ${s.before} to ${s.after} in release ${h.release.version}.`,
    })),
  ]);
  const updated = history.at(-1)?.release.released_on ?? model.asOf;
  return new Response(
    buildAtomFeed({
      id: `${base}/data/releases.atom`,
      title: 'NQ57 portal — data releases',
      link: `${base}/data/releases/`,
      updated,
      entries: entries.reverse(),
    }),
    { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } },
  );
};
