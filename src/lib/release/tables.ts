/**
 * The tables of a data tree as it was published: a release holds the tables of its day, each in the
 * schema of its version (1.0.0 had no progress_reports.csv and a tasks.csv with a status column).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type TableDef } from '../../schemas/index.ts';
import { tasksTableBefore110 } from '../../schemas/legacy/tasks-1.0.0.ts';

/** The header row: the first line of the file (read from its first 64 KiB: a table can be larger than a string). */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').split('\n', 1)[0]!;
  } finally {
    closeSync(fd);
  }
}

const headerOf = (path: string) =>
  firstLine(path)
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',');

/** The table definitions of the files in `dir`, in registry order; the working data has them all. */
export function tablesOf(dir: string): TableDef[] {
  return (TABLES as readonly TableDef[]).flatMap((def) => {
    const path = join(dir, def.file);
    if (!existsSync(path)) return [];
    if (def.name === 'tasks' && headerOf(path).includes('status')) return [tasksTableBefore110];
    return [def];
  });
}
