/**
 * Every test run's temporary folders in one folder of its own, removed when the run ends. The tests
 * make theirs with mkdtemp(tmpdir()) and leave them (a run of the release tests left ≈ 600 MB; over a
 * day of runs /tmp filled the disk): TMPDIR points into this folder for the run, and the test
 * processes and the builds they start inherit it (os.tmpdir() reads TMPDIR).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'nq57-test-run-'));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
