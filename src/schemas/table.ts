import { z } from 'zod';

/** A reference from columns of one table to the primary key of another. */
export interface ForeignKey {
  fields: readonly string[];
  reference: { table: TableName; fields: readonly string[] };
}

export type TableName =
  | 'provinces'
  | 'unit_changes'
  | 'former_provinces'
  | 'communes'
  | 'commune_merges'
  | 'documents'
  | 'indicators'
  | 'targets'
  | 'observations'
  | 'tasks'
  | 'progress_reports'
  | 'agencies'
  | 'agency_successions'
  | 'agency_reports';

/** What the CSV reader needs of a table: its name, file, row schema and key; every TableDef is one. */
export interface CsvTableDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  /** File path inside the data directory. */
  file: string;
  row: S;
  primaryKey: readonly string[];
}

/** A published table: its file, its row schema and its keys. The single source of truth for each table. */
export interface TableDef<S extends z.ZodObject = z.ZodObject, N extends TableName = TableName> extends CsvTableDef<S> {
  name: N;
  /** File name inside the data directory. */
  file: string;
  title_vi: string;
  title_en: string;
  description_vi: string;
  description_en: string;
  row: S;
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKey[];
}

export function defineTable<S extends z.ZodObject, N extends TableName>(def: TableDef<S, N>): TableDef<S, N> {
  return def;
}

/** Column names of a table, in the order they must appear in the file. */
export function columnsOf(def: Pick<CsvTableDef, 'row'>): string[] {
  return Object.keys(def.row.shape);
}

export const PROVINCE_CODE = /^\d{2}$/;
export const COMMUNE_CODE = /^\d{5}$/;
/** Ids of our own rows (indicators, targets, tasks): lower-case ASCII, digits, - and _. */
export const SLUG_ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/**
 * Document ids as written in Vietnam: "57-NQ/TW", "02-KH/BCĐTW", "9521/VPCP-KGVX",
 * "118/2025/NĐ-CP", or our slug for a press article or web page ("dantri-20251115131757537").
 * Letters (including Đ), digits, "/", "-", "." and "_"; no spaces.
 */
export const DOCUMENT_ID = /^[0-9A-Za-zĐđ]+(?:[/\-._][0-9A-Za-zĐđ]+)*$/;
