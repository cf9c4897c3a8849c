import { z } from 'zod';

/** One origin of the data, as recorded in data/sources/<id>/SOURCE.md. */
export const SourceMetaSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('Folder name under data/sources/.'),
  title: z.string().min(1),
  url: z.url().optional(),
  licence: z.string().min(1),
  retrieved: z.string().optional(),
  caveat_vi: z.string().optional(),
  caveat_en: z.string().optional(),
});

/** data/dataset.json: metadata of the whole dataset. */
export const DatasetMetaSchema = z.object({
  title_vi: z.string().min(1),
  title_en: z.string().min(1),
  publisher: z.string().min(1),
  licence: z.string().min(1).describe('SPDX id or name of the data licence.'),
  licence_url: z.url(),
  /** The date the data describes; "overdue" and "due soon" are computed against it, never the clock. */
  as_of: z.iso.date(),
  /**
   * The newest source searched for task progress reports: a task without a report reads "no progress
   * report found in the sources checked up to" this date. Not the as-of date, never the clock.
   */
  reports_checked_on: z.iso.date().optional(),
  sources: z.array(SourceMetaSchema).min(1),
  repository: z
    .url()
    .optional()
    .describe('The project repository on GitHub (https://github.com/owner/name): where corrections are filed as issues.'),
  contact_email: z
    .email()
    .optional()
    .describe("The project's own address for corrections from readers without a GitHub account (a deployment sets its real one)."),
  /** Which sources each table was built from (table name → source ids). */
  table_sources: z.record(z.string(), z.array(z.string())),
});

export type DatasetMeta = z.output<typeof DatasetMetaSchema>;
export type SourceMeta = z.output<typeof SourceMetaSchema>;
