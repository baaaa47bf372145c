/** The site's configured URL helpers, for routes and components. */
import { config } from '../config.ts';
import { createUrls } from './permalinks/urls.ts';

export const urls = createUrls(config.basePath, config.siteUrl);
export { config };
