/** The registry of published tables, in the order they are validated and documented. */
import { provincesTable } from './provinces.ts';
import { unitChangesTable } from './unit-changes.ts';
import { formerProvincesTable } from './former-provinces.ts';
import { communesTable } from './communes.ts';
import { communeMergesTable } from './commune-merges.ts';
import { documentsTable } from './documents.ts';
import { indicatorsTable } from './indicators.ts';
import { targetsTable } from './targets.ts';
import { observationsTable } from './observations.ts';
import { tasksTable } from './tasks.ts';
import { progressReportsTable } from './progress-reports.ts';
import { agenciesTable, agencySuccessionsTable } from './agencies.ts';
import { agencyReportsTable } from './agency-reports.ts';
import type { z } from 'zod';

export const TABLES = [
  provincesTable,
  unitChangesTable,
  formerProvincesTable,
  communesTable,
  communeMergesTable,
  documentsTable,
  indicatorsTable,
  targetsTable,
  observationsTable,
  tasksTable,
  progressReportsTable,
  agenciesTable,
  agencySuccessionsTable,
  agencyReportsTable,
] as const;

type TableOf<N> = Extract<(typeof TABLES)[number], { name: N }>;
export type RowOf<N extends (typeof TABLES)[number]['name']> = z.output<TableOf<N>['row']>;

/** All tables of a dataset, parsed. */
export type Tables = { [T in (typeof TABLES)[number] as T['name']]: z.output<T['row']>[] };

export * from './cells.ts';
export * from './table.ts';
export * from './dataset.ts';
export * from './provinces.ts';
export * from './unit-changes.ts';
export * from './former-provinces.ts';
export * from './communes.ts';
export * from './commune-merges.ts';
export * from './documents.ts';
export * from './indicators.ts';
export * from './targets.ts';
export * from './observations.ts';
export * from './tasks.ts';
export * from './releases.ts';
export * from './boundaries.ts';
export * from './progress-reports.ts';
export * from './agencies.ts';
export * from './agency-reports.ts';
