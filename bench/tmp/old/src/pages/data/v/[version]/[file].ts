/** /data/v/{version}/{file}: every file of every release, at a URL that never changes. */
import type { APIRoute } from 'astro';
import { getModel } from '../../../../lib/model/index.ts';
import { downloadNames, downloadResponse, releaseVersions } from '../../../../lib/release/endpoints.ts';

export function getStaticPaths() {
  getModel();
  return releaseVersions().flatMap((version) => downloadNames(version).map((file) => ({ params: { version, file } })));
}

export const GET: APIRoute = ({ params, site }) => downloadResponse(params.version!, params.file!, site);
