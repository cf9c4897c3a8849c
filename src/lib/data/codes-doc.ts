/**
 * The code tables of docs/validation-codes.md, generated from the catalogue (codes.ts). Pure.
 */
import { CODES, type CodeGroup, type CodeInfo } from './codes.ts';

const HEADINGS: Record<CodeGroup, string> = {
  file: 'The file',
  cell: 'A cell',
  table: 'Across rows and tables',
  task: 'Tasks, progress reports and agencies',
  release: 'Published releases and nothing lost',
};

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function buildValidationCodesMarkdown(): string {
  const parts: string[] = [];
  for (const group of Object.keys(HEADINGS) as CodeGroup[]) {
    const entries = Object.entries<CodeInfo>(CODES).filter(([, info]) => info.group === group);
    const withExamples = entries.some(([, info]) => info.example !== undefined);
    parts.push(`## ${HEADINGS[group]}`, '');
    parts.push(
      withExamples ? '| code | meaning | example | how to fix |' : '| code | meaning | how to fix |',
      withExamples ? '|---|---|---|---|' : '|---|---|---|',
    );
    for (const [code, info] of entries) {
      const name = `\`${code}\`${info.severity === 'warning' ? ' *(warning)*' : ''}`;
      const title = info.retired ? `*retired*: ${info.title} (${info.retired})` : info.title;
      const columns = withExamples ? [name, title, info.example ?? '', info.hint] : [name, title, info.hint];
      parts.push(`| ${columns.map(cell).join(' | ')} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
