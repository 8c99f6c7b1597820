import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from './browser-person';
import type { TestApp } from './test-app';

export interface BrowserSession {
  base: string;
  /** Opens a page, records console errors into `errors`, and waits for its h1. */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  errors: string[];
  shot(page: Page, name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Debian's Chromium (driven by playwright-core) against the test app listening on a free port. */
export async function browserSession(t: TestApp): Promise<BrowserSession> {
  const browser: Browser = await launchBrowser();
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const session: BrowserSession = {
    base,
    errors: [],
    async open(path, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport });
      session.errors.length = 0;
      page.on('console', (m) => m.type() === 'error' && session.errors.push(m.text()));
      page.on('pageerror', (e) => session.errors.push(e.message));
      await page.goto(base + path);
      await page.locator('main h1').first().waitFor();
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(ARTIFACTS, `web-${name}.png`), fullPage: true }),
    close: () => browser.close(),
  };
  return session;
}
