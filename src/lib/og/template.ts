/**
 * The social-image layout as a satori element tree (plain objects, no JSX).
 * Pure: the same card always gives the same tree, which is what the cache
 * relies on. Bump `OG_TEMPLATE_VERSION` on any visible change here.
 */
import { DISPLAY_FAMILY, TEXT_FAMILY } from './fonts.ts';
import { displayText, estimateEms, truncate } from './text.ts';

/** Changes whenever the look of the images changes, so cached PNGs are re-rendered. */
export const OG_TEMPLATE_VERSION = 1;

/** Layout size in CSS pixels: the 1.91:1 Open Graph size every platform accepts. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgTheme {
  background: string;
  foreground: string;
  /** Secondary text: footer, eyebrow on dark backgrounds. */
  muted: string;
  /** Accent: top band, eyebrow, site mark. */
  accent: string;
}

export const LIGHT_THEME: OgTheme = {
  background: '#fbfaf8',
  foreground: '#14161c',
  muted: '#5b6070',
  accent: '#4f46e5',
};

export const DARK_THEME: OgTheme = {
  background: '#12141b',
  foreground: '#f3f4f7',
  muted: '#a3a8b8',
  accent: '#8b8cf8',
};

export interface SocialCard {
  kind: 'paper' | 'topic' | 'site';
  /** Main text; may hold `$...$` math, which is shown as plain Unicode. */
  title: string;
  /** Small line above the title, e.g. topic names or `Topic · 42 papers`. */
  eyebrow?: string;
  /** Line at the bottom, e.g. `Ge, Cheng, … · 2024`. */
  footer?: string;
  siteName: string;
  /** Colours; missing ones come from the light theme. */
  theme?: Partial<OgTheme>;
}

/** A satori element: what JSX would compile to. */
export interface OgElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: OgChild | OgChild[];
  };
}
export type OgChild = OgElement | string;

function el(
  type: string,
  style: Record<string, string | number>,
  children?: OgChild | OgChild[],
): OgElement {
  return { type, props: children === undefined ? { style } : { style, children } };
}

const PAD_X = 80;
const TITLE_WIDTH = OG_WIDTH - 2 * PAD_X;
/** Height left for the title between eyebrow and footer. */
const TITLE_HEIGHT = 330;
const TITLE_LINE_HEIGHT = 1.16;

/** Title sizes tried from the largest; the first whose wrapped text fits is used. */
const TITLE_SIZES = [76, 68, 60, 54] as const;
/** Longer titles are cut with an ellipsis after this many lines. */
const MAX_TITLE_LINES = 4;

/**
 * The title's font size and line clamp: the largest size at which the text
 * (estimated) fits the title box, else the smallest size clamped to the lines
 * that fit.
 */
export function titleFit(text: string): { fontSize: number; lines: number } {
  const ems = estimateEms(text);
  for (const fontSize of TITLE_SIZES) {
    const maxLines = Math.floor(TITLE_HEIGHT / (fontSize * TITLE_LINE_HEIGHT));
    // 12% slack for line ends lost to wrapping.
    const lines = Math.ceil((ems * fontSize * 1.12) / TITLE_WIDTH);
    if (lines <= maxLines) return { fontSize, lines: Math.min(maxLines, MAX_TITLE_LINES) };
  }
  const fontSize = TITLE_SIZES[TITLE_SIZES.length - 1] ?? 48;
  return { fontSize, lines: MAX_TITLE_LINES };
}

/** Most graphemes a title can show at the smallest size, with margin; the rest is cut before layout. */
const TITLE_MAX_CHARS = 320;
const LINE_MAX_CHARS = 160;

const DEFAULT_EYEBROW: Record<SocialCard['kind'], string> = {
  paper: 'Paper',
  topic: 'Topic',
  site: '',
};

/** One line of text, cut with an ellipsis when too long. */
function oneLine(text: string, style: Record<string, string | number>): OgElement {
  return el(
    'div',
    {
      ...style,
      display: 'block',
      lineClamp: 1,
      overflowWrap: 'anywhere',
      minWidth: 0,
    },
    text,
  );
}

/** The element tree for `card`. */
export function socialCardElement(card: SocialCard): OgElement {
  const theme: OgTheme = { ...LIGHT_THEME, ...card.theme };
  const title = truncate(displayText(card.title), TITLE_MAX_CHARS) || card.siteName;
  const eyebrow = truncate(displayText(card.eyebrow ?? DEFAULT_EYEBROW[card.kind]), LINE_MAX_CHARS);
  const footer = truncate(displayText(card.footer ?? ''), LINE_MAX_CHARS);
  const siteName = truncate(displayText(card.siteName), 60);
  const fit = titleFit(title);
  const fontSize = card.kind === 'site' ? Math.min(fit.fontSize + 8, 84) : fit.fontSize;

  const header = eyebrow
    ? oneLine(eyebrow, {
        color: theme.accent,
        fontSize: 30,
        fontWeight: 600,
        letterSpacing: 0.2,
        lineHeight: 1.3,
      })
    : el('div', { display: 'flex', height: 39 });

  const titleBox = el(
    'div',
    {
      display: 'flex',
      flexGrow: 1,
      alignItems: 'center',
      minHeight: 0,
    },
    el(
      'div',
      {
        display: 'block',
        width: '100%',
        color: theme.foreground,
        fontFamily: DISPLAY_FAMILY,
        fontSize,
        fontWeight: 700,
        lineHeight: TITLE_LINE_HEIGHT,
        letterSpacing: fontSize >= 60 ? -0.6 : -0.3,
        overflowWrap: 'anywhere',
        wordBreak: 'normal',
        lineClamp: fit.lines,
        textWrap: 'pretty',
      },
      title,
    ),
  );

  const mark = el('div', {
    display: 'flex',
    width: 22,
    height: 22,
    borderRadius: 6,
    backgroundColor: theme.accent,
    marginRight: 14,
    flexShrink: 0,
  });
  const bottom = el(
    'div',
    {
      display: 'flex',
      flexDirection: 'row',
      alignItems: 'center',
      justifyContent: 'space-between',
      width: '100%',
      fontSize: 28,
      lineHeight: 1.3,
    },
    [
      el('div', { display: 'flex', flexShrink: 1, flexGrow: 1, minWidth: 0, marginRight: 40 }, [
        oneLine(footer, { color: theme.muted, fontWeight: 400, width: '100%' }),
      ]),
      el('div', { display: 'flex', alignItems: 'center', flexShrink: 0, maxWidth: 520 }, [
        mark,
        oneLine(siteName, { color: theme.foreground, fontWeight: 600 }),
      ]),
    ],
  );

  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      backgroundColor: theme.background,
      fontFamily: TEXT_FAMILY,
      position: 'relative',
    },
    [
      el('div', {
        display: 'flex',
        width: '100%',
        height: 12,
        backgroundColor: theme.accent,
        flexShrink: 0,
      }),
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          padding: `52px ${PAD_X}px 56px`,
          minHeight: 0,
        },
        [header, titleBox, bottom],
      ),
    ],
  );
}
