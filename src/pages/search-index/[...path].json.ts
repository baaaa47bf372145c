/**
 * `/search-index/<file>.json` in development: the JSON files of the search
 * index (see lib/search-index-files.ts; a build links them in instead).
 */
import { indexFileRoute } from '../../lib/search-index-files.ts';

export const { getStaticPaths, GET } = indexFileRoute('json');
