import type { AstroPrerenderer, RouteData } from 'astro';
import { describe, expect, test, vi } from 'vitest';
import {
  withPageWorker,
  type FromWorker,
  type PageThread,
  type ToWorker,
} from '../../src/integrations/page-worker.ts';

const PAPER = 'src/pages/papers/[slug].astro';
const HOME = 'src/pages/index.astro';

const route = (component: string, path = '/papers/[slug]') =>
  ({ component, route: path }) as unknown as RouteData;

type PageMessage = Extract<ToWorker, { kind: 'page' }>;
type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

/** Astro's own prerenderer, rendering "main:<url>", with `paths` as its pages. */
function fakeBase(paths: { pathname: string; component: string }[]) {
  const rendered: string[] = [];
  const base: AstroPrerenderer = {
    name: 'astro:default',
    setup: vi.fn(async () => {}),
    getStaticPaths: async () =>
      paths.map((p) => ({ pathname: p.pathname, route: route(p.component) })),
    render: async (request) => {
      rendered.push(request.url);
      return new Response(`main:${request.url}`);
    },
    teardown: vi.fn(async () => {}),
  };
  return { base, rendered };
}

/** A worker that holds what it is sent until the test answers. */
function fakeThread() {
  const sent: ToWorker[] = [];
  const pages = () => sent.filter((m): m is PageMessage => m.kind === 'page');
  let listener: (message: FromWorker) => void = () => {};
  let exit: (reason: string) => void = () => {};
  const thread: PageThread & { closed: boolean } = {
    closed: false,
    post: (message) => sent.push(message),
    onMessage: (l) => (listener = l),
    onExit: (l) => (exit = l),
    close: async () => {
      thread.closed = true;
    },
  };
  const answer = (message: PageMessage, body: string, metadata?: { contentEntryKeys: string[] }) =>
    listener({
      type: 'page',
      id: message.id,
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'text/html']],
      body: new TextEncoder().encode(body).buffer,
      metadata: metadata && { ...metadata, staticImages: [] },
      ms: 1,
    });
  return {
    thread,
    sent,
    pages,
    answer,
    say: (m: FromWorker) => listener(m),
    exit: (r: string) => exit(r),
  };
}

/** `list[i]`, which the test expects to be there. */
function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`nothing at ${i}`);
  return item;
}

const papers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ pathname: `/papers/p${i}/`, component: PAPER }));

const request = (path: string) => new Request(`http://localhost${path}`);

const bodyOf = async (rendered: Rendered) =>
  (rendered instanceof Response ? rendered : rendered.response).text();

async function setUp(count: number, options: { minPages?: number; inFlight?: number } = {}) {
  const { base, rendered } = fakeBase([...papers(count), { pathname: '/', component: HOME }]);
  const worker = fakeThread();
  const start = vi.fn(() => worker.thread);
  const warn = vi.fn();
  const prerenderer = withPageWorker(
    base,
    { routes: [PAPER], minPages: options.minPages ?? 3, inFlight: options.inFlight ?? 2 },
    start,
    warn,
  );
  await prerenderer.setup?.();
  const paths = await prerenderer.getStaticPaths();
  return { prerenderer, base, rendered, worker, start, warn, paths };
}

describe('withPageWorker', () => {
  test('starts no worker when the chosen routes have fewer pages than the threshold', async () => {
    const { prerenderer, start, rendered, paths } = await setUp(2);
    expect(paths).toHaveLength(3);
    expect(start).not.toHaveBeenCalled();
    const page = await prerenderer.render(request('/papers/p0/'), { routeData: route(PAPER) });
    expect(await bodyOf(page)).toBe('main:http://localhost/papers/p0/');
    expect(rendered).toEqual(['http://localhost/papers/p0/']);
  });

  test("hands the chosen routes' pages to the worker, and returns its response and metadata", async () => {
    const { prerenderer, worker, start, rendered } = await setUp(3);
    expect(start).toHaveBeenCalledWith(3);
    const pending = prerenderer.render(request('/papers/p1/'), {
      routeData: route(PAPER),
      collectMetadata: true,
    });
    expect(worker.sent).toEqual([
      {
        kind: 'page',
        id: 0,
        url: 'http://localhost/papers/p1/',
        route: '/papers/[slug]',
        component: PAPER,
        collectMetadata: true,
      },
    ]);
    worker.answer(at(worker.pages(), 0), '<h1>p1</h1>', { contentEntryKeys: ['papers/p1'] });
    const page = await pending;
    expect(page).not.toBeInstanceOf(Response);
    if (page instanceof Response) return;
    expect(page.metadata).toEqual({ contentEntryKeys: ['papers/p1'], staticImages: [] });
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('content-type')).toBe('text/html');
    expect(await page.response.text()).toBe('<h1>p1</h1>');
    expect(rendered).toEqual([]);
  });

  test('a page rendered without metadata comes back as a bare response', async () => {
    const { prerenderer, worker } = await setUp(3);
    const pending = prerenderer.render(request('/papers/p2/'), { routeData: route(PAPER) });
    worker.answer(at(worker.pages(), 0), 'p2');
    const page = await pending;
    expect(page).toBeInstanceOf(Response);
    expect(await bodyOf(page)).toBe('p2');
  });

  test('renders other routes, and pages beyond what the worker may hold, on the main thread', async () => {
    const { prerenderer, worker, rendered } = await setUp(5, { inFlight: 2 });
    const home = prerenderer.render(request('/'), { routeData: route(HOME, '/') });
    const pages = ['/papers/p0/', '/papers/p1/', '/papers/p2/'].map((p) =>
      prerenderer.render(request(p), { routeData: route(PAPER) }),
    );
    expect(await bodyOf(await home)).toBe('main:http://localhost/');
    expect(worker.pages().map((m) => m.url)).toEqual([
      'http://localhost/papers/p0/',
      'http://localhost/papers/p1/',
    ]);
    expect(await bodyOf(await at(pages, 2))).toBe('main:http://localhost/papers/p2/');
    // Once the worker answers, it takes pages again.
    worker.answer(at(worker.pages(), 0), 'w0');
    expect(await bodyOf(await at(pages, 0))).toBe('w0');
    void prerenderer.render(request('/papers/p3/'), { routeData: route(PAPER) });
    expect(worker.pages().map((m) => m.url)).toContain('http://localhost/papers/p3/');
    expect(rendered).toEqual(['http://localhost/', 'http://localhost/papers/p2/']);
  });

  test("a page that fails on the worker fails the build with the page's error", async () => {
    const { prerenderer, worker } = await setUp(3);
    const pending = prerenderer.render(request('/papers/p0/'), { routeData: route(PAPER) });
    worker.say({
      type: 'error',
      id: 0,
      message: 'no such paper: p0',
      stack: 'Error: no such paper: p0\n    at x',
    });
    await expect(pending).rejects.toThrow('no such paper: p0');
  });

  test('when the worker cannot start, its queued pages and the rest render on the main thread', async () => {
    const { prerenderer, worker, warn, rendered } = await setUp(3);
    const pending = prerenderer.render(request('/papers/p0/'), { routeData: route(PAPER) });
    worker.say({ type: 'failed', message: "the worker could not load Astro's bundle" });
    expect(await bodyOf(await pending)).toBe('main:http://localhost/papers/p0/');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("could not load Astro's bundle"));
    const later = await prerenderer.render(request('/papers/p1/'), { routeData: route(PAPER) });
    expect(await bodyOf(later)).toBe('main:http://localhost/papers/p1/');
    expect(worker.sent).toHaveLength(1);
    expect(rendered).toHaveLength(2);
  });

  test('when the worker stops mid-build, the pages it held render on the main thread', async () => {
    const { prerenderer, worker, warn } = await setUp(3);
    const pending = prerenderer.render(request('/papers/p0/'), { routeData: route(PAPER) });
    worker.exit('the worker stopped (exit code 1)');
    expect(await bodyOf(await pending)).toBe('main:http://localhost/papers/p0/');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('exit code 1'));
  });

  test('starts the worker before Astro lists the pages when their number is known ahead, and warms it up once pages come', async () => {
    const { base, rendered } = fakeBase(papers(5));
    const worker = fakeThread();
    const start = vi.fn(() => worker.thread);
    const prerenderer = withPageWorker(
      base,
      {
        routes: [PAPER],
        minPages: 3,
        inFlight: 2,
        warmAfter: 1,
        ahead: () => ({ pages: 5, warmUp: ['http://localhost/papers/p0/'] }),
      },
      start,
      vi.fn(),
    );
    await prerenderer.setup?.();
    expect(start).toHaveBeenCalledWith(5);
    await prerenderer.getStaticPaths();
    expect(start).toHaveBeenCalledTimes(1);
    expect(worker.sent).toEqual([]);
    // The first page renders on the main thread; the second asks the worker to warm up,
    // and queues behind that.
    await prerenderer.render(request('/papers/p1/'), { routeData: route(PAPER) });
    void prerenderer.render(request('/papers/p2/'), { routeData: route(PAPER) });
    expect(worker.sent).toEqual([
      { kind: 'warm', urls: ['http://localhost/papers/p0/'] },
      expect.objectContaining({ kind: 'page', url: 'http://localhost/papers/p2/' }),
    ]);
    expect(rendered).toEqual(['http://localhost/papers/p1/']);
  });

  test('a rebuild that renders no more pages than `warmAfter` leaves the worker cold', async () => {
    const { base, rendered } = fakeBase(papers(5));
    const worker = fakeThread();
    const prerenderer = withPageWorker(
      base,
      {
        routes: [PAPER],
        minPages: 3,
        inFlight: 2,
        warmAfter: 2,
        ahead: () => ({ pages: 5, warmUp: ['http://localhost/papers/p0/'] }),
      },
      () => worker.thread,
      vi.fn(),
    );
    await prerenderer.setup?.();
    await prerenderer.getStaticPaths();
    for (const p of ['/papers/p1/', '/papers/p2/'])
      await prerenderer.render(request(p), { routeData: route(PAPER) });
    expect(worker.sent).toEqual([]);
    expect(rendered).toHaveLength(2);
  });

  test('a small build known ahead starts no worker at all', async () => {
    const { base } = fakeBase(papers(2));
    const start = vi.fn(() => fakeThread().thread);
    const prerenderer = withPageWorker(
      base,
      { routes: [PAPER], minPages: 3, inFlight: 2, ahead: () => ({ pages: 2, warmUp: [] }) },
      start,
      vi.fn(),
    );
    await prerenderer.setup?.();
    await prerenderer.getStaticPaths();
    expect(start).not.toHaveBeenCalled();
  });

  test('teardown stops the worker, then tears down Astro’s prerenderer', async () => {
    const { prerenderer, worker, base } = await setUp(3);
    await prerenderer.teardown?.();
    expect(worker.thread.closed).toBe(true);
    expect(base.teardown).toHaveBeenCalledTimes(1);
  });
});
