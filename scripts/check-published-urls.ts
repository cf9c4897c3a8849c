/**
 * npm run check:urls [-- --dist dist]
 * Every file of every published release must be served by the build, byte for byte: each URL
 * /data/v/{version}/{file} a release ever published keeps working, with its recorded checksum;
 * and every URL of the JSON API's record (data/releases/api-v1-urls.txt) is still served.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sha256 } from '../src/lib/data/read-releases.ts';
import { readReleases } from '../src/lib/release/releases.ts';
import { manifestPath, readManifest } from '../src/lib/api/manifest.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, 'data-dir': { type: 'string', default: 'data' } } });
const dist = resolve(values.dist);
const problems: string[] = [];
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
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
// Every URL the JSON API has published (data/releases/api-v1-urls.txt) is still served, as JSON.
for (const url of readManifest(manifestPath(resolve(values['data-dir'])))) {
  const path = join(dist, url);
  checked++;
  if (!existsSync(path)) problems.push(`${url}: published API resource missing from the build`);
  else if (!isJson(readFileSync(path, 'utf8'))) problems.push(`${url}: not JSON`);
}
for (const p of problems) console.error(p);
console.log(`${checked - problems.length} of ${checked} published URLs served with their published bytes.`);
process.exit(problems.length > 0 ? 1 : 0);
