/**
 * The stability record of the API: data/releases/api-v1-urls.txt lists every resource URL v1 has
 * published, one path a line, sorted. It only grows (scripts/api-manifest.ts adds the new URLs when
 * a release is cut); a test and `npm run check:urls` fail when a build no longer serves one of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const manifestPath = (dataDir: string) => join(dataDir, 'releases', 'api-v1-urls.txt');

export function readManifest(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The URLs of the manifest a build does not serve any more. */
export function missingFromManifest(manifest: readonly string[], current: readonly string[]): string[] {
  const now = new Set(current);
  return manifest.filter((u) => !now.has(u));
}

/** The manifest with the new URLs added: nothing is ever removed. */
export function mergeManifest(manifest: readonly string[], current: readonly string[]): string[] {
  return [...new Set([...manifest, ...current])].sort();
}

export function manifestText(urls: readonly string[]): string {
  return `# Every URL /api/v1/ has published; none may disappear (docs/api.md). Updated by npm run api:manifest.\n${urls.join('\n')}\n`;
}
