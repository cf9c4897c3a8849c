/**
 * npm run check:urls [-- --dist dist]
 * Every file of every published release must be served by the build, byte for byte: each URL
 * /data/v/{version}/{file} a release ever published keeps working, with its recorded checksum.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sha256 } from '../src/lib/data/read-releases.ts';
import { readReleases } from '../src/lib/release/releases.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, 'data-dir': { type: 'string', default: 'data' } } });
const dist = resolve(values.dist);
const problems: string[] = [];
let checked = 0;
for (const release of readReleases(resolve(values['data-dir']))) {
  for (const f of release.files) {
    const url = `/data/v/${release.version}/${f.path}`;
    const path = join(dist, url);
    checked++;
    if (!existsSync(path)) problems.push(`${url}: missing from the build`);
    else if (sha256(readFileSync(path)) !== f.sha256) problems.push(`${url}: served bytes differ from the published checksum ${f.sha256}`);
  }
}
for (const p of problems) console.error(p);
console.log(`${checked - problems.length} of ${checked} published URLs served with their published bytes.`);
process.exit(problems.length > 0 ? 1 : 0);
