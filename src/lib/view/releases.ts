/**
 * The release pages: the list of data releases (/data/releases/), one release (/data/releases/{version}/)
 * and one table's changelog (/data/{table}/changes/). The history and the unreleased changes come
 * from lib/release; this module only picks what each page shows and words it.
 */
import { countChanges, type TableChanges } from '../release/diff.ts';
import { buildReleaseHistory, diffWorkingData, SITE_DIFF_SAMPLE, type ReleaseHistoryEntry } from '../release/history.ts';
import { t, textIn, type Lang } from '../i18n/index.ts';
import { TABLES } from '../../schemas/index.ts';

export interface ReleasesPage {
  lang: Lang;
  title: string;
  /** Said when the site shows data not yet in a release. */
  pending: string | null;
  /** Newest first. */
  history: ReleaseHistoryEntry[];
}

export function releasesPage(lang: Lang): ReleasesPage {
  const pending = countChanges(diffWorkingData(undefined, SITE_DIFF_SAMPLE).changes);
  return {
    lang,
    title: t(lang, 'dataReleases'),
    pending:
      pending.added + pending.removed + pending.changed > 0
        ? t(lang, 'unreleasedChanges', { added: String(pending.added), removed: String(pending.removed), changed: String(pending.changed) })
        : null,
    history: buildReleaseHistory().slice().reverse(),
  };
}

export interface ReleasePage {
  lang: Lang;
  title: string;
  entry: ReleaseHistoryEntry;
  /** Each table's changes in this release, in the order of TABLES. */
  tables: { name: string; file: string; changes: TableChanges }[];
}

export function releasePage(version: string, lang: Lang): ReleasePage {
  const entry = buildReleaseHistory().find((x) => x.release.version === version);
  if (!entry) throw new Error(`No release ${version}.`);
  return {
    lang,
    title: `${t(lang, 'release')} ${version}`,
    entry,
    tables: TABLES.map((def) => ({ name: def.name, file: def.file, changes: entry.changes.find((x) => x.table === def.name)! })),
  };
}

export interface TableChangesPage {
  lang: Lang;
  path: string;
  title: string;
  description: string;
  breadcrumbs: [string, string][];
  /** The unreleased changes of the table, when there are any. */
  pending: { heading: string; changes: TableChanges } | null;
  /** Newest first. */
  releases: { version: string; heading: string; changes: TableChanges; limit: number }[];
}

export function tableChangesPage(name: string, lang: Lang): TableChangesPage {
  const def = TABLES.find((d) => d.name === name);
  if (!def) throw new Error(`No table named ${name}.`);
  const working = diffWorkingData(undefined, SITE_DIFF_SAMPLE);
  const pending = working.changes.find((c) => c.table === def.name)!;
  const title = textIn(lang, def, 'title');
  return {
    lang,
    path: `/data/${def.name}/changes/`,
    title: `${t(lang, 'changelog')}: ${title}`,
    description: t(lang, 'tableChangesDescription', { file: def.file }),
    breadcrumbs: [
      [t(lang, 'openData'), '/data/'],
      [title, `/data/${def.name}/`],
    ],
    pending:
      pending.counts.added + pending.counts.removed + pending.counts.changed > 0
        ? { heading: t(lang, 'notYetReleased', { against: working.against ?? t(lang, 'noRelease') }), changes: pending }
        : null,
    releases: buildReleaseHistory()
      .slice()
      .reverse()
      .map((h) => ({
        version: h.release.version,
        heading: ` (${h.release.released_on})${h.previous ? t(lang, 'againstRelease', { version: h.previous }) : t(lang, 'firstReleaseSuffix')}`,
        changes: h.changes.find((x) => x.table === def.name)!,
        // The first release adds every row: its rows are not listed, only counted.
        limit: h.previous ? 50 : 0,
      })),
  };
}
