/**
 * Immutable data releases: data/releases/index.json lists them in order; data/releases/{version}/
 * holds every published file byte for byte and release.json with its SHA-256 checksums.
 * A published file never changes: corrections are new releases. Reading and checking the records
 * is part of reading the data tree (src/lib/data/read-releases.ts, validate-releases.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TABLES, VERSION, type Release } from '../../schemas/index.ts';
import { readRelease, readReleaseIndex, releaseDir, releasesDir, sha256 } from '../data/read-releases.ts';

// readRelease stays importable from here for src/components/HowToCite.astro.
export { readRelease };

export const RELEASE_FILES: readonly string[] = [...TABLES.map((t) => t.file), 'dataset.json'];

/** Releases in publication order, oldest first. */
export function readReleases(dataDir: string): Release[] {
  return readReleaseIndex(dataDir).releases.map((r) => readRelease(dataDir, r.version));
}

export function latestRelease(dataDir: string): Release | null {
  const all = readReleaseIndex(dataDir).releases;
  return all.length === 0 ? null : readRelease(dataDir, all[all.length - 1]!.version);
}

export interface CutOptions {
  dataDir: string;
  version: string;
  notes: string;
  releasedOn: string;
}

/**
 * Writes a new release from the working data. The caller must have validated the data; this
 * function refuses a malformed or existing version, a date before the previous release, and a
 * release whose files are all those of the previous one (an Error with `code: 'release-unchanged'`).
 */
export function cutRelease({ dataDir, version, notes, releasedOn }: CutOptions): Release {
  if (!VERSION.test(version)) throw new Error(`"${version}" is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.0.0).`);
  if (!z.iso.date().safeParse(releasedOn).success) throw new Error(`"${releasedOn}" is not a date YYYY-MM-DD.`);
  const index = readReleaseIndex(dataDir);
  if (index.releases.some((r) => r.version === version) || existsSync(releaseDir(dataDir, version)))
    throw new Error(`Release ${version} already exists: published releases never change. Choose a new version.`);
  const previous = index.releases.at(-1);
  if (previous && compareVersions(version, previous.version) <= 0)
    throw new Error(`Version ${version} must be greater than the latest release ${previous.version}.`);
  if (previous && releasedOn < previous.released_on)
    throw new Error(`The release date ${releasedOn} is before the latest release (${previous.version}, ${previous.released_on}).`);
  const meta = JSON.parse(readFileSync(join(dataDir, 'dataset.json'), 'utf8')) as { as_of: string };
  const contents = RELEASE_FILES.map((path) => ({ path, data: readFileSync(join(dataDir, path)) }));
  const files = contents.map(({ path, data }) => ({ path, bytes: data.length, sha256: sha256(data) }));
  if (previous) {
    const before = readRelease(dataDir, previous.version).files;
    const same =
      before.length === files.length &&
      files.every((f) => before.some((b) => b.path === f.path && b.sha256 === f.sha256 && b.bytes === f.bytes));
    if (same)
      throw Object.assign(
        new Error(
          `Refusing release ${version}: every file is byte for byte the same as in release ${previous.version} (release-unchanged). Change the data first.`,
        ),
        { code: 'release-unchanged' },
      );
  }
  const dir = releaseDir(dataDir, version);
  mkdirSync(dir, { recursive: true });
  for (const { path, data } of contents) writeFileSync(join(dir, path), data);
  const release: Release = { version, released_on: releasedOn, as_of: meta.as_of, notes, files };
  writeFileSync(join(dir, 'release.json'), `${JSON.stringify(release, null, 2)}\n`);
  index.releases.push({ version, released_on: releasedOn, as_of: meta.as_of });
  writeFileSync(join(releasesDir(dataDir), 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return release;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
