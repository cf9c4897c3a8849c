/**
 * /data/latest/{file}: the files of the newest release (before the first release: the validated
 * working data). For a citation, use the versioned URL /data/v/{version}/{file}, which never changes.
 */
import type { APIRoute } from 'astro';
import { getModel } from '../../../lib/model/index.ts';
import { downloadNames, downloadResponse, latestVersion } from '../../../lib/release/endpoints.ts';

export function getStaticPaths() {
  getModel(); // validates the data before anything is published
  return downloadNames(latestVersion(), true).map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params, site }) => downloadResponse(latestVersion(), params.file!, site);
