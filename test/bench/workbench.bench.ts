import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { UsersService } from '@gcm/accounts';
import { configureHttpApp } from '@gcm/platform';
import { WorkbookService } from '@gcm/reporting';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { dropDatabase, withDatabase } from '../../apps/launcher/src/postgres.util';
import { ensureServices } from '../../apps/launcher/src/services';
import { pledgeBody } from '../helpers/pledges';
import { SHARE_INDICATOR } from '../helpers/workbench-fixture';
import { BUNDLE_REPORT_FILE, type BundleReport } from '../../apps/web/build/first-visit';

/**
 * `npm run bench` (this file): a State with PLEDGES (500) published pledges of
 * 3 indicators each on a scratch database through the real API; its cycle
 * workbook is downloaded, filled (every pledge, every indicator) and imported,
 * timing validation + import (goal < 5 s) and the same file again. Then the
 * workbench page's first visit in Chromium: bytes on the wire by kind (cache
 * off), and the time to its rows over throttled Regular 3G. Asserts nothing.
 */
const out = (label: string, value: string) => process.stdout.write(`${label.padEnd(48)} ${value}\n`);
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const PLEDGES = Number(process.env.PLEDGES ?? 500);
const REGULAR_3G = { offline: false, latency: 300, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 };

async function main(): Promise<void> {
  const services = await ensureServices('postgres');
  const name = `gcm_bench_wb_${process.pid}`;
  const url = withDatabase(services.databaseUrl, name);
  const { ensureDatabase } = await import('../../apps/launcher/src/postgres.util');
  await ensureDatabase(url);
  Object.assign(process.env, { DATABASE_URL: url, REDIS_URL: services.redisUrl, REDIS_PREFIX: `gcmbench:${process.pid}`, LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bodyParser: false, logger: ['error'] });
  configureHttpApp(app, { useLogger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const ds = app.get(DataSource);
    const [{ id: org }] = await ds.query("SELECT id FROM organisation WHERE country_alpha3 = 'MEX'");
    const users = app.get(UsersService);
    const signIn = async (role: 'focal_point' | 'secretariat') => {
      const email = `${role.replace('_', '-')}-${process.pid}@bench.example.org`;
      const password = `pass-${randomBytes(9).toString('hex')}`;
      await users.createWithPassword({ email, name: `Bench ${role}`, role, organisationId: role === 'focal_point' ? org : null, password });
      const res = await fetch(`${base}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const body = (await res.json()) as { accessToken: string; refreshToken: string; user: { id: string; email: string } };
      return { ...body, email, password };
    };
    const focal = await signIn('focal_point');
    const secretariat = await signIn('secretariat');
    const call = async (who: { accessToken: string }, method: string, path: string, body: unknown = {}) => {
      const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${who.accessToken}` }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ id: string }>;
    };
    await call(secretariat, 'POST', '/api/v1/cycles', { code: '2026-H2', periodStart: '2026-07-01', periodEnd: '2026-12-31', deadline: '2099-12-31' });
    await call(secretariat, 'POST', '/api/v1/cycles/2026-H2/open');
    const seedStart = performance.now();
    const third = { name: 'Officials trained', unit: 'officials', direction: 'increase', baseline: { value: 0, date: '2025-12-31' }, target: { value: 800, date: '2027-12-31' } };
    const indicators = [...(pledgeBody().indicators as object[]), SHARE_INDICATOR, third];
    for (let i = 0; i < PLEDGES; i += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, PLEDGES - i) }, async (_, k) => {
          const p = await call(focal, 'POST', '/api/v1/pledges', pledgeBody({ title: `Bench pledge ${i + k + 1} of Mexico`, indicators }));
          await call(focal, 'POST', `/api/v1/pledges/${p.id}/submit`);
          await call(secretariat, 'POST', `/api/v1/pledges/${p.id}/publish`);
        }),
      );
    }
    out('data set', `${PLEDGES} published pledges × 3 indicators (${((performance.now() - seedStart) / 1000).toFixed(0)} s through the API)`);

    const workbook = app.get(WorkbookService);
    const user = { id: focal.user.id, role: 'focal_point', organisationId: org } as Parameters<WorkbookService['download']>[0];
    let t0 = performance.now();
    const { file } = await workbook.download(user, '2026-H2');
    out('download the cycle workbook', `${(performance.now() - t0).toFixed(0)} ms, ${kB(file.length)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    const pledges = wb.getWorksheet('Pledges')!;
    for (let r = 2; r <= pledges.rowCount; r++) {
      pledges.getCell(r, 7).value = r % 3 ? 'On track' : 'Delayed';
      pledges.getCell(r, 8).value = r % 100;
      pledges.getCell(r, 9).value = `Offline progress on row ${r}.`;
    }
    const measurements = wb.getWorksheet('Measurements')!;
    for (let r = 2; r <= measurements.rowCount; r++) {
      measurements.getCell(r, 8).value = r % 90;
      measurements.getCell(r, 9).value = new Date(Date.UTC(2026, 11, 1));
    }
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const rows = `${pledges.rowCount - 1} pledge rows, ${measurements.rowCount - 1} measurement rows`;
    // WORKBOOK_CPU_PROFILE=file.cpuprofile: a CPU profile of this import alone (open it in Chrome's DevTools).
    const profiler = process.env.WORKBOOK_CPU_PROFILE ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    t0 = performance.now();
    const result = await workbook.import(user, '2026-H2', { buffer: filled }, false);
    const importMs = performance.now() - t0;
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(process.env.WORKBOOK_CPU_PROFILE!, JSON.stringify(profile));
      profiler.disconnect();
    }
    out('validate + import the workbook (goal < 5 s)', `${(importMs / 1000).toFixed(2)} s (${rows}; ${result.created} drafts written)`);
    t0 = performance.now();
    const again = await workbook.import(user, '2026-H2', { buffer: filled }, false);
    out('the same file again (answered from its hash)', `${(performance.now() - t0).toFixed(0)} ms, replayed=${again.replayed}`);
    const bad = wb.getWorksheet('Pledges')!;
    bad.getCell(2, 8).value = 101;
    t0 = performance.now();
    await workbook.import(user, '2026-H2', { buffer: Buffer.from(await wb.xlsx.writeBuffer()) }, false).catch(() => undefined);
    out('validate a workbook with one bad cell (rejected)', `${((performance.now() - t0) / 1000).toFixed(2)} s`);

    // The page's first visit: a fresh browser, signed in through the form, then the workbench with the cache off.
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/sign-in?next=/workspace`);
      await page.getByLabel('E-mail address').fill(focal.email);
      await page.getByLabel('Password', { exact: true }).fill(focal.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/workspace`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const types = new Map<string, string>();
      const urls = new Map<string, string>();
      const scripts: string[] = [];
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
      const bytes = new Map<string, number>();
      let scriptBodies = 0;
      const encodings = new Set<string>();
      cdp.on('Network.responseReceived', (e) => {
        types.set(e.requestId, e.type);
        if (e.type !== 'Script') return;
        const header = (name: string) => Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === name)?.[1];
        scriptBodies += Number(header('content-length') ?? 0);
        encodings.add(header('content-encoding') ?? 'identity');
      });
      cdp.on('Network.loadingFinished', (e) => {
        const type = types.get(e.requestId) ?? 'Other';
        bytes.set(type, (bytes.get(type) ?? 0) + e.encodedDataLength);
        if (type === 'Script') scripts.push(`${(urls.get(e.requestId) ?? '').replace(/^https?:\/\/[^/]+\/(assets\/)?/, '').slice(0, 60)} ${kB(e.encodedDataLength)}`);
      });
      const visit = async () => {
        bytes.clear();
        scripts.length = 0;
        scriptBodies = 0;
        encodings.clear();
        const start = performance.now();
        await page.goto(`${base}/workspace/cycles/2026-H2`);
        await page.locator('li.wb-row').first().waitFor({ timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        return performance.now() - start;
      };
      await visit();
      const total = [...bytes.values()].reduce((a, b) => a + b, 0);
      out('workbench first visit, bytes on the wire', `${kB(total)} (${[...bytes].map(([k, v]) => `${k} ${kB(v)}`).join(', ')}; ${PLEDGES} pledges)`);
      out('  scripts', scripts.join(', '));
      // Beside the build's figure for the same page (apps/web/build/first-visit.ts): gzipped JS, without HTTP headers.
      const report = JSON.parse(readFileSync(join(__dirname, '../../../apps/web/dist', BUNDLE_REPORT_FILE), 'utf8')) as BundleReport;
      out(
        'workbench first visit JS, Chromium vs build',
        `${kB(bytes.get('Script') ?? 0)} transferred (${kB(scriptBodies)} of it bodies, ${[...encodings].join('/')}, ${scripts.length} scripts); ` +
          `build: ${kB(report.workbench.en.js)} gzipped (${report.workbench.en.files.length} files), budget ${kB(report.budget)}`,
      );
      await cdp.send('Network.emulateNetworkConditions', REGULAR_3G);
      const slow = await visit();
      out('workbench first visit over Regular 3G', `${(slow / 1000).toFixed(1)} s to its rows and network idle`);
    } finally {
      await browser.close();
    }
  } finally {
    await app.close();
    await dropDatabase(services.databaseUrl, name).catch(() => undefined);
    await services.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
