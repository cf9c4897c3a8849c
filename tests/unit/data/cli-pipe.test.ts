/**
 * The CLI's report through a real pipe read slowly: the whole report arrives, however large
 * (a process that exits right after writing loses what the pipe had not taken yet, 64–128 KiB).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeWith } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const ROWS = 20_000;

/** SYNTHETIC: the valid tree with 20,000 observation rows that each carry a decimal comma. */
function treeWithManyDefects(): string {
  const dir = treeWith({});
  const path = join(dir, 'observations.csv');
  const header = readFileSync(path, 'utf8').split('\n')[0]!;
  const rows = Array.from({ length: ROWS }, (_, i) => `dti,province,01,${1000 + i},"0,5",fixture-article,2025-10-21,as_published,,,,`);
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return dir;
}

/** Runs the CLI with standard output on a pipe that is not read for the first second. */
function runSlowlyRead(args: string[]): Promise<{ status: number | null; stdout: string }> {
  const child = spawn(NODE, ['scripts/validate-data.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    setTimeout(() => child.stdout.on('data', (c: Buffer) => chunks.push(c)), 1000);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('validate:data through a pipe', () => {
  const dir = treeWithManyDefects();

  it('writes a JSON report of several MB whole, then exits 1', async () => {
    const { status, stdout } = await runSlowlyRead(['--data-dir', dir, '--format', 'json']);
    expect(stdout.length).toBeGreaterThan(4_000_000);
    const issues = JSON.parse(stdout) as { code: string }[];
    expect(issues.filter((i) => i.code === 'decimal-comma')).toHaveLength(ROWS);
    expect(status).toBe(1);
  }, 60_000);

  it('writes every GitHub annotation', async () => {
    const { status, stdout } = await runSlowlyRead(['--data-dir', dir, '--format', 'github']);
    expect(stdout.split('\n').filter((l) => l.startsWith('::error ') && l.includes('decimal-comma'))).toHaveLength(ROWS);
    expect(status).toBe(1);
  }, 60_000);
});

describe('validate:data without --data-dir', () => {
  it('checks the folder the build reads (PORTAL_DATA_DIR), not data/', async () => {
    // SYNTHETIC: one broken row in a fixture tree; data/ itself is valid, so a check of data/ would exit 0.
    const dir = treeWith({});
    const path = join(dir, 'observations.csv');
    const header = readFileSync(path, 'utf8').split('\n')[0]!;
    writeFileSync(path, `${header}\ndti,province,01,2024,"0,5",fixture-article,2025-10-21,as_published,,,,\n`);
    const child = spawn(NODE, ['scripts/validate-data.ts', '--no-cache'], {
      cwd: ROOT,
      env: { ...process.env, PORTAL_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const out = Buffer.concat(chunks).toString('utf8');
    expect(out).toContain('observations.csv:2 [value] decimal-comma');
    expect(status).toBe(1);
  }, 60_000);
});
