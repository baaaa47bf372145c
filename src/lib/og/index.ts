/**
 * Generated social (Open Graph) images: a 1200×630 PNG per paper, topic and
 * the site, rendered at build time with satori + resvg from local fonts, and
 * cached on disk by content hash so unchanged cards are not re-rendered.
 */
export { renderSocialImage, renderSocialSvg } from './render.ts';
export type { RenderOptions } from './render.ts';
export { cachedRender, cardKey, createImageCache, looksLikePng } from './cache.ts';
export type { CachedRenderResult, ImageCache } from './cache.ts';
export {
  DARK_THEME,
  LIGHT_THEME,
  OG_HEIGHT,
  OG_TEMPLATE_VERSION,
  OG_WIDTH,
  socialCardElement,
} from './template.ts';
export type { OgTheme, SocialCard } from './template.ts';
export { displayText, mathToText } from './text.ts';
