/**
 * Renders the pages of chosen routes on a second thread while Astro renders
 * the rest on the main one. Astro 7.3 renders static pages on one core: at
 * 74,728 papers that was ~150 s of a ~280 s build, with the second core idle.
 *
 * Astro's prerenderer hook (`setPrerenderer` in `astro:build:start`) decides
 * how each page is rendered. This one wraps Astro's own: the worker thread
 * loads the same prerender bundle and renders with `renderForPrerender` from
 * `astro/app`; Astro still writes every file, keeps the incremental cache and
 * logs each page, so nothing downstream can tell which thread rendered a page.
 * Pages queue on the worker only up to `inFlight`; the rest render on the
 * main thread, so neither thread waits for the other.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { recordStage } from '../lib/stages.ts';
import { BufferedResponse } from './buffered-response.ts';
import { collectGarbage, collectWhenGrown } from '../lib/memory.ts';

type RenderOptions = Parameters<AstroPrerenderer['render']>[1];
type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;
type Metadata = Extract<Rendered, { response: Response }>['metadata'];

/** What the worker needs to render as Astro's build does (see page-worker-thread.ts). */
export interface WorkerInit {
  /** File URL of the prerender bundle's entry. */
  entry: string;
  /** Each page's stylesheets, by Astro's page key (`<route>&<component>`). */
  pages: [string, { styles: unknown[] }][];
  /** Scripts integrations injected (Astro puts `head-inline` ones in every page's head). */
  scripts: unknown[];
}

/** A page to render and send back, or (`warm`) to render and drop. */
export type ToWorker =
  | {
      kind: 'page';
      id: number;
      url: string;
      route: string;
      component: string;
      collectMetadata: boolean;
    }
  | { kind: 'warm'; urls: string[] };

export type FromWorker =
  | { type: 'ready'; ms: number }
  | { type: 'warm'; ms: number }
  | { type: 'failed'; message: string }
  | {
      type: 'page';
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
      metadata: Metadata;
      ms: number;
    }
  | { type: 'error'; id: number; message: string; stack: string | undefined };

/** The worker as the prerenderer sees it: a thread in the build, a fake in tests. */
export interface PageThread {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called if the thread ends before `close`. */
  onExit(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface PageWorkerOptions {
  /** Route components (`src/pages/...`) whose pages may render on the worker. */
  routes: readonly string[];
  /** Fewer pages of those routes than this, and no worker starts: its start-up would cost more than it saves. */
  minPages: number;
  /** Pages queued on the worker at once. */
  inFlight: number;
  /**
   * What is known before Astro lists the pages (~20 s of the main thread at
   * 74,728 papers): about how many there will be, and a page of each costly
   * route. Then the worker loads Astro's bundle meanwhile; it renders those
   * pages to build its copy of the site's model (~20 s at 74,728 papers) once
   * `warmAfter` pages of its routes have asked to be rendered; pages then queue
   * behind that. A rebuild that reuses all but a few pages from Astro's
   * incremental cache renders those few on the main thread at once, and the
   * worker never builds its model.
   */
  ahead?: () => { pages: number; warmUp: string[] } | undefined;
  warmAfter?: number;
}

interface Waiting {
  request: Request;
  options: RenderOptions;
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
}

/** `base` with the pages of `options.routes` shared with a worker from `start`. */
export function withPageWorker(
  base: AstroPrerenderer,
  options: PageWorkerOptions,
  /** Starts the worker for a build of about `pages` pages of `options.routes`. */
  start: (pages: number) => PageThread | undefined,
  warn: (message: string) => void,
): AstroPrerenderer {
  const routes = new Set(options.routes);
  const waiting = new Map<number, Waiting>();
  let thread: PageThread | undefined;
  let nextId = 0;
  let rendered = 0;
  let workerMs = 0;
  let readyMs = 0;
  let warmMs = 0;
  // The main thread's heap grows with the pages it writes as well.
  const collect = collectWhenGrown(384, 500);

  /** The worker cannot go on: its queued pages render on the main thread instead. */
  const giveUp = (reason: string) => {
    if (!thread) return;
    thread = undefined;
    warn(`pages render on the main thread only: ${reason}`);
    const queued = [...waiting.values()];
    waiting.clear();
    for (const w of queued) base.render(w.request, w.options).then(w.resolve, w.reject);
  };

  const receive = (message: FromWorker) => {
    if (message.type === 'ready') readyMs = message.ms;
    if (message.type === 'warm') warmMs += message.ms;
    if (message.type === 'failed') giveUp(message.message);
    if (message.type !== 'page' && message.type !== 'error') return;
    const w = waiting.get(message.id);
    if (!w) return;
    waiting.delete(message.id);
    if (message.type === 'error') {
      const error = new Error(message.message);
      if (message.stack) error.stack = message.stack;
      w.reject(error);
      return;
    }
    rendered += 1;
    workerMs += message.ms;
    const init = {
      status: message.status,
      statusText: message.statusText,
      headers: message.headers,
    };
    const response = message.body
      ? new BufferedResponse(message.body, init)
      : new Response(null, init);
    w.resolve(message.metadata ? { response, metadata: message.metadata } : response);
  };

  let started = false;
  let ahead: ReturnType<NonNullable<PageWorkerOptions['ahead']>>;
  // Whether pages may go to the worker (queued behind its warm-up, if any).
  let open = false;
  let asked = 0;
  const begin = (pages: number) => {
    started = true;
    open = !ahead?.warmUp.length;
    thread = start(pages);
    thread?.onMessage(receive);
    thread?.onExit((reason) => giveUp(reason));
  };

  return {
    name: 'paper-browser:page-worker',
    async setup() {
      await base.setup?.();
      ahead = options.ahead?.();
      if (ahead && ahead.pages >= options.minPages) begin(ahead.pages);
    },
    async getStaticPaths() {
      const paths = await base.getStaticPaths();
      const count = paths.filter((p) => routes.has(p.route.component)).length;
      if (!started && count >= options.minPages) begin(count);
      // Listing the pages leaves ~0.5 GB of garbage on the main thread at 74,728 papers,
      // collected before the worker builds its own copy of the model (~1 GB, and as much
      // again in passing), so that the two do not pile up.
      if (thread) collectGarbage('garbage collection after listing the pages');
      return paths;
    },
    render(request, renderOptions) {
      const { routeData } = renderOptions;
      if (!thread || !routes.has(routeData.component)) return base.render(request, renderOptions);
      collect();
      asked += 1;
      if (!open && asked > (options.warmAfter ?? 0)) {
        open = true;
        thread.post({ kind: 'warm', urls: ahead?.warmUp ?? [] });
      }
      if (!open || waiting.size >= options.inFlight) return base.render(request, renderOptions);
      const id = nextId++;
      const worker = thread;
      return new Promise<Rendered>((resolve, reject) => {
        waiting.set(id, { request, options: renderOptions, resolve, reject });
        worker.post(toWorker(id, request, routeData, renderOptions.collectMetadata === true));
      });
    },
    async teardown() {
      const closing = thread;
      thread = undefined;
      await closing?.close();
      if (closing)
        recordStage('page thread: rendering pages', workerMs, `${rendered} pages`, {
          parallel: true,
        });
      if (readyMs > 0)
        recordStage('page thread: loading the site', readyMs + warmMs, undefined, {
          parallel: true,
        });
      await base.teardown?.();
    },
  };
}

const toWorker = (
  id: number,
  request: Request,
  route: RouteData,
  collectMetadata: boolean,
): ToWorker => ({
  kind: 'page',
  id,
  url: request.url,
  route: route.route,
  component: route.component,
  collectMetadata,
});

/**
 * A worker thread running page-worker-thread.ts, for about `pages` pages.
 * Its old generation is capped so that V8 collects as the heap fills rather
 * than let it grow: building the model left ~0.75 GB of garbage on top of
 * ~1 GB live at 74,728 papers, which with no cap set the build's peak (5.8-6.2 GB;
 * 5.4 GB with it). The cap allows ~28 KB a page, twice what the worker holds;
 * should it ever run out, it stops and the main thread renders the rest.
 */
function startThread(init: WorkerInit, pages: number): PageThread {
  const env = { ...process.env };
  // The worker's model would record the stages the main thread already did.
  delete env['BUILD_STAGES_FILE'];
  const worker = new Worker(new URL('./page-worker-thread.ts', import.meta.url), {
    workerData: init,
    env,
    resourceLimits: { maxOldGenerationSizeMb: Math.max(1024, Math.ceil((pages * 28) / 1024)) },
  });
  let closing = false;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (error) => listener(`the worker failed: ${error.message}`));
      worker.on('exit', (code) => {
        if (!closing) listener(`the worker stopped (exit code ${code})`);
      });
    },
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}

/** Astro's build app, as its own prerenderer holds it after `setup`. */
interface BuildApp {
  getSettings(): { scripts: unknown[] };
}

export function pageWorker(options: PageWorkerOptions): AstroIntegration {
  let entry: string | undefined;
  let pages: Map<string, { styles: unknown[] }> | undefined;
  return {
    name: 'paper-browser:page-worker',
    hooks: {
      'astro:config:setup': ({ updateConfig, command }) => {
        if (command !== 'build') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'paper-browser:page-worker',
                // Where Astro wrote the prerender bundle, for the worker to load.
                writeBundle(
                  output: { dir?: string | undefined },
                  bundle: Record<
                    string,
                    { type: string; fileName: string; isEntry?: boolean | undefined }
                  >,
                ) {
                  for (const chunk of Object.values(bundle))
                    if (
                      chunk.type === 'chunk' &&
                      chunk.isEntry &&
                      chunk.fileName.startsWith('prerender-entry') &&
                      output.dir
                    )
                      entry = pathToFileURL(path.join(output.dir, chunk.fileName)).href;
                },
              },
            ],
          },
        });
      },
      'astro:build:setup': ({ pages: built }) => {
        pages = built as unknown as Map<string, { styles: unknown[] }>;
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((base) => {
          const start = (count: number): PageThread | undefined => {
            const app = (base as { app?: Partial<BuildApp> }).app;
            const scripts = app?.getSettings?.().scripts;
            if (!entry || !pages || !scripts) {
              logger.warn(
                'pages render on the main thread only: Astro did not say where its prerender bundle is',
              );
              return undefined;
            }
            return startThread(
              {
                entry,
                pages: [...pages].map(([key, page]) => [key, { styles: page.styles }]),
                scripts,
              },
              count,
            );
          };
          return withPageWorker(base, options, start, (message) => logger.warn(message));
        });
      },
    },
  };
}
