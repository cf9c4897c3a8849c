/**
 * The data dictionary, generated from the table schemas: for data/README.md and the site's data pages.
 */
import { TABLES, columnsOf, getColumnMeta, type ColumnMeta, type TableDef } from '../../schemas/index.ts';

export interface ColumnDoc extends ColumnMeta {
  name: string;
}

export function describeColumns(def: TableDef): ColumnDoc[] {
  return columnsOf(def).map((name) => ({ name, ...getColumnMeta(def.row.shape[name] as never) }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function buildDataDictionaryMarkdown(): string {
  const parts: string[] = [];
  for (const def of TABLES) {
    parts.push(
      `### ${def.file} — ${def.title_en} (${def.title_vi})`,
      '',
      def.description_en,
      '',
      `Primary key: \`${def.primaryKey.join(', ')}\`.${def.foreignKeys.length ? ` References: ${def.foreignKeys.map((fk) => `\`${fk.fields.join(', ')}\` → ${fk.reference.table}.${fk.reference.fields.join(', ')}`).join('; ')}.` : ''}`,
      '',
    );
    parts.push('| column | type | required | meaning | allowed values / form |', '|---|---|---|---|---|');
    for (const c of describeColumns(def)) {
      const form = c.enum ? c.enum.map((v) => `\`${v}\``).join(', ') : (c.format ?? (c.pattern ? `\`${c.pattern}\`` : ''));
      const allowed = c.maxLength !== undefined ? `${form ? `${form}; ` : ''}at most ${c.maxLength.toLocaleString('en')} characters` : form;
      parts.push(
        `| \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : 'no (empty = not available)'} | ${cell(c.description)} | ${cell(allowed)} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
