/** The site's base path, which the layout writes on <html data-base>. */
export const base = document.documentElement.dataset.base ?? '/';
