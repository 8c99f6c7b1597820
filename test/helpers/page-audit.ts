/// <reference lib="dom" />
// (page functions here run in the browser)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './browser-person';

/** The phone and the laptop screens the issue measured at. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Waits until the page has rendered its data: no "Loading…" status and no request in flight. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('p.status[role="status"]'));
}

/** The innermost elements that stick out past the screen's edge (a failure names the culprit, not just the width). */
function widest(): string[] {
  const edge = document.documentElement.clientWidth;
  const out = Array.from(document.querySelectorAll('body *')).filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > edge + 0.5 || r.left < -0.5) && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > edge + 0.5);
  });
  return out.slice(0, 4).map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
}

/**
 * Boxes that scroll sideways but are not a labelled, focusable region with a visible
 * "scroll sideways" hint: keyboard users could not reach the hidden columns and
 * phone users would not know they are there.
 */
function unannouncedScrollers(): string[] {
  return Array.from(document.querySelectorAll('body *'))
    .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .filter((el) => {
      const hint = el.getAttribute('aria-describedby') && document.getElementById(el.getAttribute('aria-describedby') as string);
      const labelled = el.getAttribute('role') === 'region' && !!el.getAttribute('aria-label') && (el as HTMLElement).tabIndex === 0;
      return !labelled || !hint || !(hint as HTMLElement).offsetHeight;
    })
    .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}[${el.getAttribute('aria-label') ?? ''}]`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * What a phone user or an auditor would notice on the open page: how much wider
 * than the screen it is, and the serious or critical WCAG 2.1 A/AA violations
 * axe-core finds (plus the label/name mismatch rule, experimental in axe). The
 * site's CSP (script-src 'self') refuses an inline <script>, so axe is
 * evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function auditPage(page: Page): Promise<{ overflow: number; wide: string[]; hiddenScrollers: string[]; violations: string[] }> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = overflow > 0 ? await page.evaluate(widest) : [];
  const hiddenScrollers = await page.evaluate(unannouncedScrollers);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = (await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return axe
      .run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules: { 'label-content-name-mismatch': { enabled: true } },
        resultTypes: ['violations'],
      })
      .then((r) => r.violations);
  })) as AxeViolation[];
  const violations = found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  return { overflow, wide, hiddenScrollers, violations };
}
