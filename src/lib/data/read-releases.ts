/**
 * Reads the records of the published releases kept in the data directory (data/releases/), through
 * their schemas (src/schemas/releases.ts). Never writes: releases are cut by src/lib/release/releases.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseIndexSchema, ReleaseSchema, type Release, type ReleaseIndex } from '../../schemas/index.ts';

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
