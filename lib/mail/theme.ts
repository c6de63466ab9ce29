/**
 * Light or dark, the way the mail client shows itself: Gmail and Outlook both
 * paint their compose on a background of their own, so the first opaque
 * background around the compose tells; when none is set, the system's
 * preference decides.
 */
export type Theme = 'light' | 'dark';

/** « rgb(31, 31, 31) » / « rgba(0, 0, 0, 0) » → [r, g, b, alpha], or null. */
function parseColor(css: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** One sRGB channel (0–255) made linear. */
function lin(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: [number, number, number, number]): number {
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The theme of the page around `el`: its first opaque background, else the system preference. */
export function pageTheme(el: Element): Theme {
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const color = parseColor(view?.getComputedStyle(node).backgroundColor ?? '');
    if (color && color[3] > 0.5) return luminance(color) < 0.2 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
