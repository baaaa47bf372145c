/**
 * The page worker (see page-worker.ts): loads Astro's prerender bundle, as
 * Astro's own prerenderer does, and renders the pages the main thread sends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { installRenderScope, renderForPrerender } from 'astro/app';
import type { RouteData } from 'astro';
import type { FromWorker, ToWorker, WorkerInit } from './page-worker.ts';
import { collectWhenGrown, exposedGc } from '../lib/memory.ts';

/**
 * The parts of Astro's build app the worker calls. `setInternals` and
 * `setOptions` are not public API; the build reads only the page styles and
 * injected scripts from them when rendering (astro/dist/core/build/environment.js).
 */
type BuildApp = Parameters<typeof renderForPrerender>[0] & {
  manifest: { routes: { routeData: RouteData }[] };
  match(request: Request, allowPrerenderedRoutes: boolean): RouteData | undefined;
  logger: { options: { destination: unknown } };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
};

const port = parentPort;
if (!port) throw new Error('page-worker-thread.ts runs as a worker thread');
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

async function load(init: WorkerInit): Promise<BuildApp> {
  // Where `renderForPrerender` collects the content entries each page read, for the incremental cache.
  installRenderScope(new AsyncLocalStorage());
  const { app } = (await import(init.entry)) as { app: BuildApp };
  app.setInternals({ pagesByKeys: new Map(init.pages), entrySpecifierToBundleMap: new Map() });
  app.setOptions({
    settings: { scripts: init.scripts },
    logger: { options: { destination: app.logger.options.destination } },
  });
  return app;
}

const started = performance.now();
let app: BuildApp;
try {
  app = await load(workerData as WorkerInit);
  post({ type: 'ready', ms: performance.now() - started });
} catch (error) {
  post({ type: 'failed', message: `the worker could not load Astro's bundle: ${String(error)}` });
  throw error;
}
/** A route's key, as Astro keys its pages (`<route>&<component>`). */
const routeKey = (r: { route: string; component: string }) => `${r.route}&${r.component}`;
const routes = new Map(app.manifest.routes.map(({ routeData: r }) => [routeKey(r), r]));

/**
 * The first render of each route, which the route's other pages wait for:
 * Astro computes a route's `getStaticPaths` on its first render and caches
 * it, but pages rendered meanwhile would each compute it again (for the
 * paper route that is all 74,728 pages' cache keys, once per page in flight).
 */
const firstRenders = new Map<string, Promise<unknown>>();

async function afterFirst<T>(route: RouteData, render: () => Promise<T>): Promise<T> {
  const key = routeKey(route);
  const first = firstRenders.get(key);
  if (first) {
    await first;
    return render();
  }
  const rendering = render();
  firstRenders.set(
    key,
    rendering.catch(() => undefined),
  );
  return rendering;
}

const collect = collectWhenGrown(384, 500);

port.on('message', (message: ToWorker) => {
  void (message.kind === 'warm' ? warm(message.urls) : render(message));
});

/**
 * Renders a page of each route and drops them: the first page of a route
 * builds what all its pages share (the model, the route's list of pages).
 * Then collects the garbage that building left, before rendering begins.
 */
async function warm(urls: string[]): Promise<void> {
  const started = performance.now();
  await Promise.all(
    urls.map(async (url) => {
      const request = new Request(url);
      const routeData = app.match(request, true);
      if (!routeData) return;
      // A page that fails here is rendered again for real, and fails then if it must.
      await afterFirst(routeData, () => renderForPrerender(app, request, { routeData })).catch(
        () => undefined,
      );
    }),
  );
  exposedGc()?.();
  post({ type: 'warm', ms: performance.now() - started });
}

async function render(message: Extract<ToWorker, { kind: 'page' }>): Promise<void> {
  const pageStarted = performance.now();
  try {
    const routeData = routes.get(routeKey(message));
    if (!routeData)
      throw new Error(`no route ${message.route} (${message.component}) in the bundle`);
    const { response, metadata } = await afterFirst(routeData, () =>
      renderForPrerender(app, new Request(message.url), {
        routeData,
        collectMetadata: message.collectMetadata,
      }),
    );
    const body = response.body === null ? null : await response.arrayBuffer();
    post(
      {
        type: 'page',
        id: message.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
        metadata,
        ms: performance.now() - pageStarted,
      },
      body ? [body] : [],
    );
    collect();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', id: message.id, message: e.message, stack: e.stack });
  }
}
