/**
 * Immutable data releases: data/releases/index.json lists them in order; data/releases/{version}/
 * holds every published file byte for byte and release.json with its SHA-256 checksums.
 * A published file never changes: corrections are new releases.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TABLES } from '../../schemas/index.ts';
import { issue, type Issue } from '../data/issues.ts';

/** Versions are MAJOR.MINOR.PATCH: major = incompatible change of the contract, minor = new data, patch = corrections only. */
export const VERSION = /^\d+\.\d+\.\d+$/;

export const RELEASE_FILES: readonly string[] = [...TABLES.map((t) => t.file), 'dataset.json'];

export const ReleaseFileSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const ReleaseSchema = z.object({
  version: z.string().regex(VERSION),
  released_on: z.iso.date(),
  as_of: z.iso.date(),
  notes: z.string(),
  files: z.array(ReleaseFileSchema),
});
export const ReleaseIndexSchema = z.object({
  releases: z.array(z.object({ version: z.string().regex(VERSION), released_on: z.iso.date(), as_of: z.iso.date() })),
});

export type Release = z.output<typeof ReleaseSchema>;
export type ReleaseIndex = z.output<typeof ReleaseIndexSchema>;

export const releasesDir = (dataDir: string) => join(dataDir, 'releases');
export const releaseDir = (dataDir: string, version: string) => join(releasesDir(dataDir), version);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readReleaseIndex(dataDir: string): ReleaseIndex {
  const path = join(releasesDir(dataDir), 'index.json');
  if (!existsSync(path)) return { releases: [] };
  return ReleaseIndexSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function readRelease(dataDir: string, version: string): Release {
  return ReleaseSchema.parse(JSON.parse(readFileSync(join(releaseDir(dataDir, version), 'release.json'), 'utf8')));
}

/** Releases in publication order, oldest first. */
export function readReleases(dataDir: string): Release[] {
  return readReleaseIndex(dataDir).releases.map((r) => readRelease(dataDir, r.version));
}

export function latestRelease(dataDir: string): Release | null {
  const all = readReleaseIndex(dataDir).releases;
  return all.length === 0 ? null : readRelease(dataDir, all[all.length - 1]!.version);
}

/** Every byte of every published file still matches its recorded checksum; every recorded file exists. */
export function validateReleases(dataDir: string): Issue[] {
  const issues: Issue[] = [];
  let index: ReleaseIndex;
  try {
    index = readReleaseIndex(dataDir);
  } catch (e) {
    return [
      issue({
        code: 'release-index-error',
        file: 'releases/index.json',
        message: `The release index cannot be read: ${(e as Error).message}`,
        hint: 'Restore data/releases/index.json from git; releases are written only by npm run release.',
      }),
    ];
  }
  for (const { version } of index.releases) {
    let release: Release;
    try {
      release = readRelease(dataDir, version);
    } catch (e) {
      issues.push(
        issue({
          code: 'release-file-missing',
          file: `releases/${version}/release.json`,
          message: `The record of release ${version} is missing or unreadable: ${(e as Error).message}`,
          hint: 'Restore it from git: published releases never change.',
        }),
      );
      continue;
    }
    for (const f of release.files) {
      const file = `releases/${version}/${f.path}`;
      const path = join(releaseDir(dataDir, version), f.path);
      if (!existsSync(path)) {
        issues.push(
          issue({
            code: 'release-file-missing',
            file,
            message: `${f.path} of published release ${version} is missing.`,
            hint: 'Restore it from git. A published file is never removed; publish a correction as a new release.',
          }),
        );
        continue;
      }
      const bytes = readFileSync(path);
      const actual = sha256(bytes);
      if (actual !== f.sha256 || bytes.length !== f.bytes) {
        issues.push(
          issue({
            code: 'release-modified',
            file,
            value: actual,
            message: `${f.path} of published release ${version} differs from its recorded checksum (expected sha256 ${f.sha256}, ${f.bytes} bytes; found ${actual}, ${bytes.length} bytes).`,
            hint: 'Published files never change: restore this file from git (git checkout -- data/releases) and put the correction in data/, then cut a new release with npm run release.',
          }),
        );
      }
    }
  }
  return issues;
}

export interface CutOptions {
  dataDir: string;
  version: string;
  notes: string;
  releasedOn: string;
}

/**
 * Writes a new release from the working data. The caller must have validated the data; this
 * function refuses a malformed or existing version and a date before the previous release.
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
  const dir = releaseDir(dataDir, version);
  mkdirSync(dir, { recursive: true });
  const files = RELEASE_FILES.map((path) => {
    const bytes = readFileSync(join(dataDir, path));
    writeFileSync(join(dir, path), bytes);
    return { path, bytes: bytes.length, sha256: sha256(bytes) };
  });
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
