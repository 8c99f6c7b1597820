/// <reference lib="dom" />
// (page functions here run in the browser)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ReminderLinksService } from '@gcm/notifications';
import { CyclesService } from '@gcm/reporting';
import { english, flatten } from '../../apps/web/src/i18n/source';
import ar from '../../apps/web/src/i18n/messages/ar.json';
import es from '../../apps/web/src/i18n/messages/es.json';
import fr from '../../apps/web/src/i18n/messages/fr.json';
import ru from '../../apps/web/src/i18n/messages/ru.json';
import zh from '../../apps/web/src/i18n/messages/zh.json';
import { bearer, createUser, stateOrganisationId, type CreatedUser } from './auth';
import { launchBrowser, person, ROOT, type Person } from './browser-person';
import { buildDashboardFixture, type DashboardFixture } from './dashboard-fixture';
import { signIn } from './journey';
import { auditPage, settled } from './page-audit';
import { openCycle } from './pledges';
import { createTestApp, type TestApp } from './test-app';

export type SweepLang = 'ar' | 'zh' | 'fr' | 'ru' | 'es';
const CATALOGUES: Record<SweepLang, unknown> = { ar, zh, fr, ru, es };

/** The data a language sweep visits: the dashboard fixture, plus what the other screens need to show something. */
export interface SweepWorld {
  f: DashboardFixture;
  expert: CreatedUser;
  expertReportId: string;
  updateId: string;
  /** A reminder's "no change" link (path + hash), valid for France's pledge A in 2026-H2. */
  noChangePath: string;
}

export async function buildSweepWorld(t: TestApp): Promise<SweepWorld> {
  const f = await buildDashboardFixture(t);
  const [{ id: updateId }] = await t.dataSource.query(`SELECT id FROM progress_update WHERE pledge_id = $1`, [f.b.id]);
  const h2 = await openCycle(t, f.secretariat, { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31', deadline: '2099-12-31' });
  await t.http.post('/api/v1/cycles/2026-H2/extensions').set(bearer(f.fra.accessToken)).send({ reason: 'Our statistics office moves offices in January' }).expect(201);
  const links = await t.dataSource.transaction((m) => t.app.get(ReminderLinksService).issue(m, null, f.fra.user.id, h2.id, [f.a.id]));
  const link = new URL(links.get(f.a.id)!.noChange);
  // 2025-H2 (closed by the fixture) compiled, so its public digest exists; Ken approves Kenya's updates, so his approvals screen opens.
  const [{ id: closedId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2025-H2'`);
  await t.dataSource.transaction((m) => t.app.get(CyclesService).markCompiled(closedId, m));
  await t.http.put(`/api/v1/organisations/${await stateOrganisationId(t, 'KEN')}/approver`).set(bearer(f.secretariat.accessToken))
    .send({ userId: f.ken.user.id }).expect(200);
  const expert = await createUser(t, { role: 'expert' });
  const report = await t.http.post('/api/v1/expert-reports').set(bearer(expert.accessToken)).send({
    objective: 8, year: 2026, title: 'Criminalisation of rescue at sea',
    body: 'Rescue organisations in the central Mediterranean report prosecutions and vessel seizures that delay search and rescue.',
  }).expect(201);
  return { f, expert, expertReportId: report.body.id, updateId, noChangePath: link.pathname + link.hash };
}

/** Every page the sweep visits, by who visits it. */
export function sweepPaths(w: SweepWorld) {
  const { f } = w;
  return {
    public: [
      '/', '/objectives', '/objectives/8', '/themes', '/themes/T2', '/round-tables', '/round-tables/RT2', '/recommendations',
      '/recommendations/101', '/principles', '/countries', '/countries/FRA', '/map', '/pledges', `/pledges/${f.b.reference}`,
      `/pledges/${f.withdrawn.reference}`, '/coverage', '/open-data', '/reports', '/practices', '/practices/2.1.9', '/sign-in',
      '/forgot-password', '/reset-password', '/accept-invitation', w.noChangePath, '/reminder/update', '/sso-complete', '/subscriptions',
      '/subscriptions/confirm', '/subscriptions/unsubscribe', '/digests/2025-H2',
    ],
    secretariat: [
      '/workspace', '/workspace/review', `/workspace/review/pledges/${f.a.id}`, `/workspace/review/updates/${w.updateId}`,
      '/workspace/review/expert-reports', `/workspace/pledges/${f.b.id}`, '/workspace/cycles', '/workspace/extensions', '/workspace/reports',
      '/workspace/queues', '/workspace/organisations', '/workspace/organisations/new', `/workspace/organisations/${f.ngoId}`,
      `/workspace/organisations/${f.ngoId}/team`, '/workspace/users', '/workspace/users/invite', `/workspace/users/${f.fra.user.id}`,
      '/workspace/audit', '/workspace/sso', '/workspace/sso/new', '/workspace/framework', '/workspace/framework/recommendations/new',
      '/workspace/framework/recommendations/101', '/workspace/framework/objectives/8', '/workspace/framework/round-tables/RT2/questions',
      '/workspace/framework/imports',
    ],
    focal: [
      '/workspace', '/workspace/organisation', '/workspace/pledges', '/workspace/pledges/new', `/workspace/pledges/${f.b.id}`,
      `/workspace/pledges/${f.b.id}/updates/2026-H1`, `/workspace/pledges/${f.b.id}/edit`, '/workspace/team', '/workspace/approvals',
      '/workspace/extensions', '/workspace/cycles/2026-H1',
    ],
    expert: ['/workspace', '/workspace/expert-reports', '/workspace/expert-reports/new', `/workspace/expert-reports/${w.expertReportId}`],
  };
}

/**
 * Routes the language sweep does not open, each with why: a screen that shows
 * a single record the sweep's world does not hold. Every other route of
 * apps/web must be among the swept paths (checked by `unsweptRoutes`).
 */
export const NOT_SWEPT: Record<string, string> = {
  '/workspace/reports/versions/:id/editorial': 'needs a built report version (web-report-editorial covers it in English)',
  '/workspace/approvals/:id': 'needs a submission awaiting approval (web-team covers it)',
  '/workspace/sso/:id': 'needs a configured identity provider (web-sso covers it)',
  '/workspace/framework/imports/:id': 'needs a practices import run',
};

/** The route patterns of the web app, read from its route tables. */
export function webRoutePatterns(): string[] {
  const files = ['apps/web/src/app/routes.ts', 'apps/web/src/workspace/workspace-routes.ts'];
  return files.flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\{ path: '([^']+)'/g)].map((m) => m[1]));
}

/** Route patterns that neither a swept path matches nor NOT_SWEPT excuses. */
export function unsweptRoutes(paths: string[]): string[] {
  const matches = (pattern: string, path: string) =>
    new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(path.split(/[?#]/)[0]);
  return webRoutePatterns().filter((pattern) => !NOT_SWEPT[pattern] && !paths.some((p) => matches(pattern, p)));
}

/**
 * English interface messages (from the catalogue, without arguments) that the
 * language translates differently, so finding one on a page means a string
 * was left out of the catalogue. Data (pledge titles, catalogue texts) is
 * English in the fixture and is not an interface message, so it does not count.
 */
function untranslatedScanner(translated: Record<string, string>): string[] {
  return Object.entries(english)
    .filter(([key, text]) => !/[{}]/.test(text) && text.length > 3 && translated[key] !== text)
    .map(([, text]) => text);
}

async function leftInEnglish(page: Page, texts: string[]): Promise<string[]> {
  return page.evaluate((english) => {
    const set = new Set(english);
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (set.has(text) && !(n.parentElement?.closest('[lang="en"], .languages, code'))) found.add(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (el.closest('[lang="en"]')) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr)?.trim();
        if (v && set.has(v)) found.add(`${attr}=${v}`);
      }
    }
    if (set.has(document.title.split(' | ')[0])) found.add(document.title);
    return [...found];
  }, texts);
}

/** A browser on a running app, for one spec file's sweep. */
export interface SweepHarness {
  t: TestApp;
  w: SweepWorld;
  base: string;
  browser: Browser;
}

export async function startSweep(): Promise<SweepHarness> {
  const t = await createTestApp();
  const w = await buildSweepWorld(t);
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  return { t, w, base, browser: await launchBrowser() };
}

export async function stopSweep(h: SweepHarness | undefined): Promise<void> {
  await h?.browser?.close();
  await h?.t?.close();
}

/**
 * Visits each path in `lang` and returns one line per problem, so a failure
 * lists them all: `<html lang dir>`, overflow past the screen, serious axe
 * violations, console errors, interface text left in English and, in Arabic,
 * a layout that is not mirrored.
 */
export async function sweep(base: string, who: Person, lang: SweepLang, paths: string[]): Promise<string[]> {
  const texts = untranslatedScanner(flatten(CATALOGUES[lang] as Parameters<typeof flatten>[0]));
  const problems: string[] = [];
  const width = who.page.viewportSize()?.width ?? 0;
  for (const path of paths) {
    who.errors.length = 0;
    await who.page.goto(`${base}/${lang}${path === '/' ? '' : path}`);
    const where = `/${lang}${path} @${width}`;
    try {
      await settled(who.page);
    } catch {
      problems.push(`${where}: never settled (${who.errors.join('; ')}): ${(await who.page.locator('body').innerText()).slice(0, 300)}`);
      continue;
    }
    const html = await who.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    if (html.lang !== lang || html.dir !== (lang === 'ar' ? 'rtl' : 'ltr')) problems.push(`${where}: <html lang="${html.lang}" dir="${html.dir}">`);
    const { overflow, wide, hiddenScrollers, violations } = await auditPage(who.page);
    if (overflow > 0) problems.push(`${where}: ${overflow}px wider than the screen (${wide.join(', ')})`);
    for (const box of hiddenScrollers) problems.push(`${where}: ${box} scrolls sideways unannounced`);
    for (const v of violations) problems.push(`${where}: ${v}`);
    for (const e of who.errors) problems.push(`${where}: console: ${e}`);
    for (const s of await leftInEnglish(who.page, texts)) problems.push(`${where}: left in English: “${s}”`);
    if (lang === 'ar') {
      // Mirrored: the brand, first in the header, sits at the right end of the header bar; the main text starts at the right.
      const mirrored = await who.page.evaluate(() => {
        const brand = document.querySelector('.brand')?.getBoundingClientRect();
        const bar = document.querySelector('.site-header__bar')?.getBoundingClientRect();
        const h1 = document.querySelector('main h1') as HTMLElement;
        return { brandRight: brand && bar ? Math.round(bar.right - brand.right) : -1, h1Align: getComputedStyle(h1).direction };
      });
      if (mirrored.brandRight < 0 || mirrored.brandRight > 40) problems.push(`${where}: the brand is ${mirrored.brandRight}px from the header's right end`);
      if (mirrored.h1Align !== 'rtl') problems.push(`${where}: main text is ${mirrored.h1Align}`);
    }
  }
  return problems;
}

type SweepPart = 'public' | 'secretariat' | 'focal-expert';
const PARTS: SweepPart[] = ['public', 'secretariat', 'focal-expert'];
const PART_NAMES: Record<SweepPart, string> = { public: 'public site', secretariat: 'secretariat\'s workspace', 'focal-expert': 'focal point\'s and expert\'s workspace' };

/**
 * One language at one width: the public site, the secretariat's workspace and
 * the focal point's and the expert's, on one fixture. One spec file per
 * language and width, so they run in parallel and each builds its world once.
 */
export function describeLanguageSweep(lang: SweepLang, viewport: { width: number; height: number }): void {
  describe(`the site in ${lang} at ${viewport.width} px (browser)`, () => {
    let h: SweepHarness;
    // The fixture is built through the API; on a busy machine that takes longer than Jest's default minute.
    beforeAll(async () => {
      h = await startSweep();
    }, 240_000);
    afterAll(() => stopSweep(h));

    it('sweeps every route of the web app (or says why not)', () => {
      const p = sweepPaths(h.w);
      expect(unsweptRoutes([...p.public, ...p.secretariat, ...p.focal, ...p.expert])).toEqual([]);
    });

    it.each(PARTS)(`every page of the %s in ${lang} at ${viewport.width} px: right lang and dir, fits, no serious axe violation, nothing left in English`, async (part) => {
      const { f, expert } = h.w;
      const paths = sweepPaths(h.w);
      const visits: [string, { email: string; password: string } | null, string[]][] = part === 'public'
        ? [['public', null, paths.public]]
        : part === 'secretariat'
          ? [['sec', { email: f.secretariat.user.email, password: f.secretariat.password }, paths.secretariat]]
          : [['focal', { email: f.ken.user.email, password: f.ken.password }, paths.focal], ['expert', { email: expert.user.email, password: expert.password }, paths.expert]];
      const problems: string[] = [];
      for (const [who, account, list] of visits) {
        const visitor = await person(h.browser, `i18n-${who}-${lang}-${viewport.width}`, viewport);
        if (account) await signIn(visitor.page, h.base, account.email, account.password);
        problems.push(...(await sweep(h.base, visitor, lang, list)));
        await visitor.close();
      }
      expect(problems.map((p) => `${PART_NAMES[part]}: ${p}`)).toEqual([]);
    }, 300_000);
  });
}
