import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core, for journeys through the built
 * web app served by the real API.
 */
export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const DIST = join(ROOT, 'apps', 'web', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST} is missing: build the web app first (\`npm run build\`; \`npm test\` does it)`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: \`npm test\` installs Debian's chromium when run as root; otherwise apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export { freePort } from '../../apps/launcher/src/net.util';

/** One person at their own browser: a context of its own (own sessionStorage), every console error kept. */
export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
  shot(name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function person(browser: Browser, prefix: string, viewport = { width: 1280, height: 900 }): Promise<Person> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    shot: async (name, fullPage = true) => {
      await page.screenshot({ path: join(ARTIFACTS, `${prefix}-${name}.png`), fullPage });
    },
    close: () => context.close(),
  };
}
