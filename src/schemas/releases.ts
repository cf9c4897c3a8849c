/** The records of immutable data releases: data/releases/index.json and data/releases/{version}/release.json. */
import { z } from 'zod';

/** Versions are MAJOR.MINOR.PATCH: major = incompatible change of the contract, minor = new data, patch = corrections only. */
export const VERSION = /^\d+\.\d+\.\d+$/;

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
