// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { luminance, pageTheme } from '../../../lib/mail/theme';

function inPage(pageBackground: string): HTMLElement {
  document.body.innerHTML = `<div id="app" style="background-color: ${pageBackground}"><div id="compose"><div id="body"></div></div></div>`;
  return document.getElementById('body')!;
}

describe('page theme', () => {
  it('follows the first opaque background around the compose', () => {
    expect(pageTheme(inPage('rgb(31, 31, 31)'))).toBe('dark');
    expect(pageTheme(inPage('rgb(255, 255, 255)'))).toBe('light');
    expect(pageTheme(inPage('rgb(242, 246, 252)'))).toBe('light');
  });

  it('looks through transparent layers', () => {
    const body = inPage('rgb(20, 20, 24)');
    body.parentElement!.style.backgroundColor = 'rgba(255, 255, 255, 0)';
    expect(pageTheme(body)).toBe('dark');
  });

  it('computes WCAG luminance', () => {
    expect(luminance([0, 0, 0, 1])).toBe(0);
    expect(luminance([255, 255, 255, 1])).toBeCloseTo(1);
  });
});
