/**
 * Draws the map on a canvas (fast at 75,000 points) and makes it usable by
 * pointer and keyboard: nearest point under the pointer, arrow keys to the
 * nearest point in that direction, Enter or click to open, legend filters.
 */
import { OTHER_COLOR } from '../../lib/map-data.ts';
import { base, loadPoints, pointInfo } from './data.ts';

const root = document.querySelector<HTMLElement>('[data-map-page]');
const box = root?.querySelector<HTMLElement>('[data-map]');
const canvas = root?.querySelector<HTMLCanvasElement>('[data-map-canvas]');
const overlay = root?.querySelector<HTMLCanvasElement>('[data-map-overlay]');
const label = root?.querySelector<HTMLElement>('[data-map-label]');
const PAD = 0.03;

if (root && box && canvas && overlay && label) void start(root, box, canvas, overlay, label);

async function start(
  root: HTMLElement,
  box: HTMLElement,
  canvas: HTMLCanvasElement,
  overlay: HTMLCanvasElement,
  label: HTMLElement,
) {
  const points = await loadPoints();
  const legend = points.data.legend;
  const colors = [...legend.map((l) => l.color), OTHER_COLOR];
  let filter: number | undefined = legendFromUrl();
  let cursor = -1;
  let size = 0;

  function legendFromUrl(): number | undefined {
    const slug = new URLSearchParams(location.search).get('topic');
    const i = legend.findIndex((l) => l.slug === slug);
    return i >= 0 ? i : undefined;
  }
  const visible = (i: number) => filter === undefined || points.t[i] === filter;
  const px = (i: number) => (PAD + (1 - 2 * PAD) * ((points.x[i] as number) / 4095)) * size;
  const py = (i: number) => (PAD + (1 - 2 * PAD) * ((points.y[i] as number) / 4095)) * size;

  let radius = 2;
  /** The theme's focus colour, resolved through an element: the token is a light-dark() pair. */
  function focusColor(): string {
    const probe = document.createElement('span');
    probe.style.color = 'var(--focus)';
    box.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }
  /** Sizes a canvas to the box at the screen's pixel density; returns its context. */
  function fit(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(size * dpr);
    c.height = Math.round(size * dpr);
    const ctx = c.getContext('2d');
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  /** All points, one path per colour (fast at 75,000): filtered-out topics faint, the rest on top. */
  function draw() {
    size = box.clientWidth;
    const ctx = fit(canvas);
    if (!ctx) return;
    radius = Math.max(1, Math.min(4, 900 / Math.sqrt(points.n)));
    for (const pass of [false, true]) {
      for (let c = 0; c < colors.length; c++) {
        ctx.fillStyle = colors[c] as string;
        ctx.globalAlpha = pass ? (points.n > 20000 ? 0.55 : 0.9) : 0.12;
        ctx.beginPath();
        for (let i = 0; i < points.n; i++) {
          if (points.t[i] !== c || visible(i) !== pass) continue;
          ctx.moveTo(px(i) + radius, py(i));
          ctx.arc(px(i), py(i), radius, 0, Math.PI * 2);
        }
        ctx.fill();
      }
    }
    drawCursor();
  }

  /** The ring around the current point, on its own canvas so moving it redraws nothing else. */
  function drawCursor() {
    const ctx = fit(overlay);
    if (!ctx || cursor < 0) return;
    ctx.strokeStyle = focusColor();
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.arc(px(cursor), py(cursor), radius + 5, 0, Math.PI * 2);
    ctx.stroke();
  }

  async function show(i: number) {
    cursor = i;
    drawCursor();
    box.dataset.cursor = String(i);
    const info = await pointInfo(points, i);
    if (cursor !== i) return;
    const link = document.createElement('a');
    link.href = `${base}papers/${encodeURIComponent(info.slug)}/`;
    link.textContent = info.title;
    link.className = 'font-serif font-semibold';
    link.dataset.mapPaper = info.slug;
    const topic =
      points.t[i] !== undefined && (points.t[i] as number) < legend.length
        ? legend[points.t[i] as number]?.name
        : 'Other topics';
    label.replaceChildren(link, ` · ${topic ?? ''}`);
  }

  function nearest(x: number, y: number, within: number): number {
    let best = -1;
    let bestD = within * within;
    for (let i = 0; i < points.n; i++) {
      if (!visible(i)) continue;
      const d = (px(i) - x) ** 2 + (py(i) - y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  function step(dx: number, dy: number): number {
    if (cursor < 0) return nearest(size / 2, size / 2, Infinity);
    const x0 = px(cursor);
    const y0 = py(cursor);
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < points.n; i++) {
      if (i === cursor || !visible(i)) continue;
      const along = (px(i) - x0) * dx + (py(i) - y0) * dy;
      if (along <= 0.5) continue;
      const across = Math.abs((px(i) - x0) * dy - (py(i) - y0) * dx);
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best >= 0 ? best : cursor;
  }

  const open = async () => {
    if (cursor < 0) return;
    const info = await pointInfo(points, cursor);
    location.href = `${base}papers/${encodeURIComponent(info.slug)}/`;
  };

  box.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [1, 0],
      ArrowLeft: [-1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = step(move[0], move[1]);
      if (next >= 0) void show(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void open();
    }
  });
  box.addEventListener('focus', () => {
    if (cursor < 0) {
      const first = step(0, 0);
      if (first >= 0) void show(first);
    }
  });
  box.addEventListener('pointermove', (event) => {
    const rect = box.getBoundingClientRect();
    const i = nearest(event.clientX - rect.left, event.clientY - rect.top, 12);
    if (i >= 0 && i !== cursor) void show(i);
  });
  box.addEventListener('click', () => void open());

  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-legend]')];
  const all = root.querySelector<HTMLButtonElement>('[data-legend-all]');
  const applyFilter = (next: number | undefined) => {
    filter = next;
    for (const b of buttons)
      b.setAttribute('aria-pressed', String(Number(b.dataset.legend) === filter));
    if (all) all.hidden = filter === undefined;
    if (cursor >= 0 && !visible(cursor)) {
      cursor = -1;
      label.replaceChildren();
    }
    const url = new URL(location.href);
    if (filter === undefined) url.searchParams.delete('topic');
    else url.searchParams.set('topic', legend[filter]?.slug ?? '');
    history.replaceState(null, '', url);
    root.dataset.filter = filter === undefined ? '' : String(filter);
    draw();
  };
  for (const b of buttons) {
    b.hidden = false;
    b.addEventListener('click', () => {
      const i = Number(b.dataset.legend);
      applyFilter(filter === i ? undefined : i);
    });
  }
  all?.addEventListener('click', () => applyFilter(undefined));
  applyFilter(filter);
  new ResizeObserver(draw).observe(box);
  root.dataset.ready = String(points.n);
}
