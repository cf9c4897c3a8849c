/** Every figure of a page as one BibTeX file (lib/view/citations.ts, docs/citing.md). */
import type { APIRoute } from 'astro';
import { getModel } from '../../../../../lib/model/index.ts';
import { citationFileResponse, citationPaths } from '../../../../../lib/view/citations.ts';

export const getStaticPaths = () => citationPaths(getModel(), 'files');

export const GET: APIRoute = ({ params, site }) => citationFileResponse(getModel(), 'bibtex', params, site);
