/**
 * `/search-index/<file>.txt` in development: the text files of the search
 * index (see lib/search-index-files.ts; a build links them in instead).
 */
import { indexFileRoute } from '../../lib/search-index-files.ts';

export const { getStaticPaths, GET } = indexFileRoute('txt');
