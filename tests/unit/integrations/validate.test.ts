/**
 * The build's check of its data (src/integrations/validate.ts) says what `npm run validate:data` says,
 * word for word but the time taken, and stops the build on an error: on the valid fixture (warnings
 * only) and on a copy with one bad cell.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import validate from '../../../src/integrations/validate.ts';
import { treeWith } from '../data/helpers.ts';

const root = join(import.meta.dirname, '../../..');
const node = join(root, 'node_modules/.bin/node');
const untimed = (text: string) => text.replace(/ in \d+ ms\.$/m, ' in … ms.');

/** What npm run validate:data prints for `dir`, and its exit code. */
function script(dir: string): { out: string; status: number | null } {
  const run = spawnSync(node, ['scripts/validate-data.ts', '--data-dir', dir, '--no-cache'], { cwd: root, encoding: 'utf8' });
  return { out: run.stdout, status: run.status };
}

/** What the build's hook prints for `dir`, and whether it stopped the build. */
function build(dir: string): { out: string; stopped: boolean } {
  const env = { PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR, PORTAL_CACHE_DIR: process.env.PORTAL_CACHE_DIR };
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const cwd = vi.spyOn(process, 'cwd').mockReturnValue(root);
  process.env.PORTAL_DATA_DIR = dir;
  process.env.PORTAL_CACHE_DIR = 'off';
  try {
    (validate().hooks['astro:build:start'] as () => void)();
    return { out, stopped: false };
  } catch {
    return { out, stopped: true };
  } finally {
    write.mockRestore();
    cwd.mockRestore();
    for (const [k, v] of Object.entries(env))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the build’s check of its data', () => {
  it('prints validate:data’s report and lets a valid tree build', () => {
    const dir = treeWith({});
    const [cli, hook] = [script(dir), build(dir)];
    expect(cli.status).toBe(0);
    expect(hook.stopped).toBe(false);
    expect(untimed(hook.out)).toBe(untimed(cli.out));
    expect(hook.out).toMatch(/^Checked \d+ rows in /m);
  });

  it('prints the same problems, with file, row and column, and stops the build on an error', () => {
    const dir = treeWith({ 'observations.csv': (text) => text.replace('0.8241', '"0,8241"') });
    const [cli, hook] = [script(dir), build(dir)];
    expect(cli.status).toBe(1);
    expect(hook.stopped).toBe(true);
    expect(untimed(hook.out)).toBe(untimed(cli.out));
    expect(hook.out).toContain('observations.csv:3 [value]');
  });
});
