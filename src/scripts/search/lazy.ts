/**
 * The search engine (FlexSearch and the query code), loaded only when a
 * visitor uses a search box: every search script imports it from here.
 */
export const engine = () => import('./engine.ts');

/** Starts loading the engine and what every query needs. */
export const warmUp = (): void => void engine().then((e) => e.warmUp());
