/**
 * Published releases are part of the data tree: every byte of every published file must still match
 * the checksum recorded when the release was cut.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Release, ReleaseIndex } from '../../schemas/index.ts';
import { issue, type Issue } from './issues.ts';
import { readRelease, readReleaseIndex, releaseDir, sha256 } from './read-releases.ts';

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
  const listed = new Set<string>();
  for (const { version } of index.releases) {
    if (listed.has(version)) {
      issues.push(
        issue({
          code: 'duplicate-release',
          file: 'releases/index.json',
          column: 'releases',
          value: version,
          message: `The release index lists version ${version} twice.`,
          hint: 'Restore data/releases/index.json from git; each version is released once, by npm run release.',
        }),
      );
      continue;
    }
    listed.add(version);
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
