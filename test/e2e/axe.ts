/** axe-core in a page of the built extension: the serious and critical violations of what it audits. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe over `include` (null: the whole page; through shadow roots: `{ fromShadowDom: [host, inner] }`). */
export async function audit(page: Page, include: unknown): Promise<Violation[]> {
  // Through the DevTools protocol: the page's CSP does not apply to it.
  await page.evaluate(AXE);
  const { violations, passes } = (await page.evaluate(async (context) => {
    const axe = (window as never as { axe: { run(...args: unknown[]): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const results = context ? await axe.run(context, {}) : await axe.run({});
    return { violations: results.violations, passes: results.passes.length };
  }, include)) as { violations: Violation[]; passes: number };
  // Something was audited: rules passed on the elements (an empty context would pass them all vacuously).
  expect(passes).toBeGreaterThan(5);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`).join('\n');
