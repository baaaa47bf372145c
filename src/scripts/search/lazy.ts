/**
 * The search engine (FlexSearch and the query code) and the result renderer,
 * loaded only when a visitor uses a search box: every search script imports
 * them from here.
 */
export const engine = () => import('./engine.ts');

/** Draws results: the header box needs it only once someone types. */
export const renderer = () => import('./render.ts');

/** Starts loading the engine, the renderer and what every query needs. */
export const warmUp = (): void => {
  void engine().then((e) => e.warmUp());
  void renderer();
};
