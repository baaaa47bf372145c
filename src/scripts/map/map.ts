/**
 * Draws the map on a canvas (fast at 75,000 points) and makes it usable by
 * pointer, touch and keyboard: a tooltip at the point under the pointer or at
 * the keyboard's point (arrow keys move to the nearest point that way), Enter
 * or a click opens it, a tap shows a preview card with an Open link, legend
 * filters. The view is fitted to the points' bounds.
 */
import { bounds, OTHER_COLOR } from '../../lib/map-data.ts';
import { base, loadPoints, pointInfo } from './data.ts';

const root = document.querySelector<HTMLElement>('[data-map-page]');
const box = root?.querySelector<HTMLElement>('[data-map]');
const canvas = root?.querySelector<HTMLCanvasElement>('[data-map-canvas]');
const overlay = root?.querySelector<HTMLCanvasElement>('[data-map-overlay]');
const label = root?.querySelector<HTMLElement>('[data-map-label]');
const tip = root?.querySelector<HTMLElement>('[data-map-tip]');
/** Margin around the points, in CSS pixels: room for a dot and its focus ring. */
const PAD = 12;

if (root && box && canvas && overlay && label && tip)
  void start(root, box, canvas, overlay, label, tip);

async function start(
  root: HTMLElement,
  box: HTMLElement,
  canvas: HTMLCanvasElement,
  overlay: HTMLCanvasElement,
  label: HTMLElement,
  tip: HTMLElement,
) {
  const points = await loadPoints();
  const extent = bounds(points.x, points.y, points.n);
  // The box takes the points' shape (within reason), so no band of it stays empty.
  box.style.aspectRatio = String(Math.min(1.8, Math.max(0.75, extent.w / extent.h)));
  const legend = points.data.legend;
  const colors = [...legend.map((l) => l.color), OTHER_COLOR];
  let filter: number | undefined = legendFromUrl();
  let cursor = -1;
  let width = 0;
  let height = 0;

  function legendFromUrl(): number | undefined {
    const slug = new URLSearchParams(location.search).get('topic');
    const i = legend.findIndex((l) => l.slug === slug);
    return i >= 0 ? i : undefined;
  }
  const visible = (i: number) => filter === undefined || points.t[i] === filter;
  // One scale for both axes (distances mean the same across and down), centred in the box.
  let scale = 1;
  let offsetX = 0;
  let offsetY = 0;
  const px = (i: number) => offsetX + ((points.x[i] as number) - extent.x0) * scale;
  const py = (i: number) => offsetY + ((points.y[i] as number) - extent.y0) * scale;

  let radius = 2;
  let ringColor = '#fff';
  /** The theme's focus colour, resolved through an element: the token is a light-dark() pair. */
  function focusColor(token = '--focus'): string {
    const probe = document.createElement('span');
    probe.style.color = `var(${token})`;
    box.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }
  /** Sizes a canvas to the box at the screen's pixel density; returns its context. */
  function fit(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    const ctx = c.getContext('2d');
    ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
    return ctx;
  }

  /** All points, one path per colour (fast at 75,000): filtered-out topics faint, the rest on top. */
  function draw() {
    width = box.clientWidth;
    height = box.clientHeight;
    scale = Math.min((width - 2 * PAD) / extent.w, (height - 2 * PAD) / extent.h);
    offsetX = (width - extent.w * scale) / 2;
    offsetY = (height - extent.h * scale) / 2;
    const ctx = fit(canvas);
    if (!ctx) return;
    radius = Math.max(1, Math.min(4.5, 900 / Math.sqrt(points.n)));
    ringColor = focusColor('--foreground');
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
        // A thin ring in the text colour keeps light dots visible on white, dark ones on black,
        // and neighbouring dots apart.
        if (pass && points.n <= 20000) {
          ctx.globalAlpha = 0.45;
          ctx.lineWidth = 1;
          ctx.strokeStyle = ringColor;
          ctx.stroke();
        }
      }
    }
    drawCursor();
    if (cursor >= 0) placeTip(cursor);
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

  /** Puts the tooltip beside point `i`, inside the box. */
  function placeTip(i: number) {
    const gap = radius + 8;
    const x = px(i);
    const y = py(i);
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = x + gap + w <= width ? x + gap : Math.max(0, x - gap - w);
    const top = y + gap + h <= height ? y + gap : Math.max(0, y - gap - h);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  /**
   * Shows point `i`: its ring, a tooltip beside it, and its title in the live
   * region below for screen readers. `preview` (a tap) makes the tooltip a
   * card with an Open link, since a touch cannot hover first.
   */
  async function show(i: number, preview = false) {
    cursor = i;
    drawCursor();
    box.dataset.cursor = String(i);
    const info = await pointInfo(points, i);
    if (cursor !== i) return;
    const href = `${base}papers/${encodeURIComponent(info.slug)}/`;
    const topic =
      points.t[i] !== undefined && (points.t[i] as number) < legend.length
        ? legend[points.t[i] as number]?.name
        : 'Other topics';
    const link = document.createElement('a');
    link.href = href;
    link.textContent = info.title;
    link.className = 'font-serif font-semibold';
    link.dataset.mapPaper = info.slug;
    label.replaceChildren(link, ` · ${topic ?? ''}`);

    const title = document.createElement('span');
    title.className = 'block font-serif font-semibold text-fg';
    title.textContent = info.title;
    const meta = document.createElement('span');
    meta.className = 'mt-0.5 block text-xs text-muted';
    meta.textContent = topic ?? '';
    const parts: Node[] = [title, meta];
    if (preview) {
      const openLink = document.createElement('a');
      openLink.href = href;
      openLink.textContent = 'Open';
      openLink.className =
        'mt-2 inline-flex min-h-11 items-center rounded-md bg-accent px-4 font-medium text-bg no-underline';
      openLink.dataset.mapOpen = info.slug;
      parts.push(openLink);
    }
    tip.replaceChildren(...parts);
    tip.dataset.preview = String(preview);
    tip.classList.toggle('pointer-events-none', !preview);
    // The card holds a link when it is a preview; otherwise it repeats the live region.
    tip.setAttribute('aria-hidden', String(!preview));
    tip.hidden = false;
    placeTip(i);
  }

  function hide() {
    cursor = -1;
    tip.hidden = true;
    delete box.dataset.cursor;
    drawCursor();
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
    if (cursor < 0) return nearest(width / 2, height / 2, Infinity);
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
    } else if (event.key === 'Escape') {
      hide();
    }
  });
  box.addEventListener('focus', () => {
    if (cursor < 0) {
      const first = step(0, 0);
      if (first >= 0) void show(first);
    }
  });
  const at = (event: PointerEvent | MouseEvent, within: number) => {
    const rect = box.getBoundingClientRect();
    return nearest(event.clientX - rect.left, event.clientY - rect.top, within);
  };
  let touch = false;
  box.addEventListener('pointerdown', (event) => {
    touch = event.pointerType !== 'mouse';
  });
  box.addEventListener('pointermove', (event) => {
    if (event.pointerType !== 'mouse') return;
    const i = at(event, 12);
    if (i >= 0 && i !== cursor) void show(i);
  });
  box.addEventListener('click', (event) => {
    if ((event.target as Element).closest('[data-map-tip]')) return;
    if (!touch) {
      void open();
      return;
    }
    // A tap previews the nearest paper (a finger is wider than a dot); tapping empty map closes it.
    const i = at(event, 24);
    if (i >= 0) void show(i, true);
    else hide();
  });

  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-legend]')];
  const all = root.querySelector<HTMLButtonElement>('[data-legend-all]');
  const applyFilter = (next: number | undefined) => {
    filter = next;
    for (const b of buttons)
      b.setAttribute('aria-pressed', String(Number(b.dataset.legend) === filter));
    if (all) all.hidden = filter === undefined;
    if (cursor >= 0 && !visible(cursor)) {
      hide();
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
