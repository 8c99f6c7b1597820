/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Route } from 'playwright-core';
import { bearer, createUser, type CreatedUser } from '../helpers/auth';
import { launchBrowser, person, type Person } from '../helpers/browser-person';
import { signIn } from '../helpers/journey';
import { openCycle, publishedPledge } from '../helpers/pledges';
import { auditPage, LAPTOP, PHONE, settled } from '../helpers/page-audit';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Issue 13 item 7 in the browser: a 2 MB evidence file chosen in the progress
 * update form goes up resumably (tus-js-client, loaded when the upload starts);
 * the network is cut mid-upload and restored, and the upload completes from
 * where it stopped and the file is listed with its SHA-256. The form with its
 * progress bar at 390 px and 1366 px, in English and Arabic, no serious axe violation.
 */
describe('evidence upload resumes in the browser after the network drops', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let focal: CreatedUser;
  let pledgeId: string;
  let updateId: string;
  const CYCLE = '2026-H1';
  const dir = mkdtempSync(join(tmpdir(), 'gcm-resume-'));
  const file = join(dir, 'sea-rescue-log.pdf');
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * 1024 * 1024 - 9)]);
  writeFileSync(file, bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    t = await createTestApp();
    const sec = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'CPV' });
    await openCycle(t, sec, { code: CYCLE, periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    pledgeId = (await publishedPledge(t, focal, sec, { title: 'Rescue coordination at sea, reported with evidence' })).id;
    updateId = (await t.http.post(`/api/v1/pledges/${pledgeId}/updates`).set(bearer(focal.accessToken))
      .send({ cycle: CYCLE, status: 'on_track', percentComplete: 30 }).expect(201)).body.id;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const form = (lang = '') => `${base}${lang}/workspace/pledges/${pledgeId}/updates/${CYCLE}`;

  it('cut mid-upload and restored, the upload completes and the file is listed', async () => {
    const me: Person = await person(browser, 'resume', LAPTOP);
    me.page.setDefaultTimeout(60_000);
    await signIn(me.page, base, focal.user.email, focal.password);
    const scripts: string[] = [];
    me.page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await me.page.goto(form());
    await me.page.getByRole('heading', { level: 1, name: `Progress update ${CYCLE}` }).waitFor();
    await settled(me.page);
    const firstVisit = scripts.length;

    // The first 1 MB request goes through; then the network is down for the uploads until restored.
    let patches = 0;
    let down = false;
    let refused = 0;
    const cut = async (route: Route) => {
      const req = route.request();
      if (req.method() === 'PATCH' && ++patches === 2) down = true;
      if (down) {
        refused += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    };
    await me.page.route('**/evidence/uploads**', cut);
    await me.page.getByLabel('File', { exact: true }).setInputFiles(file);
    await me.page.getByLabel('Title of the file').fill('Rescue log with photographs');
    await me.page.getByRole('button', { name: 'Upload the file' }).click();
    // tus-js-client came with the upload, not with the page.
    await me.page.waitForFunction(() => !!document.querySelector('.upload-progress progress'));
    expect(scripts.slice(0, firstVisit).filter((u) => /resumable-upload|tus/i.test(u))).toEqual([]);
    expect(scripts.slice(firstVisit).filter((u) => /resumable-upload/.test(u))).toHaveLength(1);

    await me.page.getByText(/Connection lost at 1\.0 MB of 2\.0 MB/).waitFor();
    const progress = me.page.locator('.upload-progress progress');
    expect(Number(await progress.getAttribute('value'))).toBe(1024 * 1024);
    await me.shot('paused');
    for (const viewport of [PHONE, LAPTOP]) {
      await me.page.setViewportSize(viewport);
      const { overflow, violations } = await auditPage(me.page);
      expect({ width: viewport.width, overflow, violations }).toEqual({ width: viewport.width, overflow: 0, violations: [] });
    }
    const [{ offset }] = await t.dataSource.query('SELECT offset_bytes AS offset FROM evidence_upload WHERE update_id = $1', [updateId]);
    expect(offset).toBe(1024 * 1024);

    down = false;
    await me.page.getByRole('link', { name: 'Rescue log with photographs' }).waitFor({ timeout: 90_000 });
    expect(refused).toBeGreaterThan(0);
    const [stored] = await t.dataSource.query("SELECT file_sha256 AS sha, size_bytes AS size FROM progress_evidence WHERE update_id = $1 AND kind = 'file'", [updateId]);
    expect(stored).toEqual({ sha, size: bytes.length });
    await me.page.getByText(`SHA-256 ${sha.slice(0, 12)}…`).waitFor();
    await me.page.unroute('**/evidence/uploads**', cut);
    expect(me.errors.filter((e) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED|Failed to load resource/i.test(e))).toEqual([]);
    await me.close();
  });

  it('in Arabic: a refused file says why beside the field, and the progress bar reads right to left, at both widths', async () => {
    const me: Person = await person(browser, 'resume-ar', PHONE);
    me.page.setDefaultTimeout(60_000);
    await signIn(me.page, base, focal.user.email, focal.password);
    await me.page.goto(form('/ar'));
    await me.page.getByRole('heading', { level: 1 }).waitFor();
    await settled(me.page);
    const fake = join(dir, 'not-a-pdf.pdf');
    writeFileSync(fake, Buffer.from('MZ\x90\x00 a program, not a pdf'));
    await me.page.locator('#evidence-file').setInputFiles(fake);
    await me.page.locator('#evidence-title').fill('ملف مزيف');
    await me.page.locator('form.upload button[type=submit]').click();
    const reason = me.page.locator('#evidence-file-error');
    await reason.waitFor();
    expect(await me.page.locator('#evidence-file').getAttribute('aria-invalid')).toBe('true');
    expect(await t.dataSource.query("SELECT count(*)::int AS n FROM progress_evidence WHERE update_id = $1 AND title = 'ملف مزيف'", [updateId])).toEqual([{ n: 0 }]);
    expect(await me.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    for (const viewport of [PHONE, LAPTOP]) {
      await me.page.setViewportSize(viewport);
      const { overflow, violations } = await auditPage(me.page);
      expect({ width: viewport.width, overflow, violations }).toEqual({ width: viewport.width, overflow: 0, violations: [] });
      await me.shot(`refused-${viewport.width}`);
    }
    await me.close();
  });
});
