import { Logger, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { mountObservability, QueueService, startTracing, stopTracing } from '@gcm/platform';
import request from 'supertest';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

const TOKEN = 'metrics-token-for-the-test-0123';

/** The value of one series in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/**
 * Prometheus metrics on the API and the worker, and one trace from a request
 * into the job it queued: a report flow moves the queue and job series, routes
 * are labelled by template, /metrics wants its token, and the worker's audit
 * rows and log lines name the requester's correlation id and user.
 */
describe('observability: metrics and traces across the API and the worker', () => {
  const spans = new InMemorySpanExporter();
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  const scrape = async (app: INestApplication) =>
    (await request(app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;

  beforeAll(async () => {
    startTracing({ serviceName: 'gcm-test', spanProcessor: new SimpleSpanProcessor(spans) });
    t = await createTestApp({ env: { METRICS_TOKEN: TOKEN, REPORT_REQUEST_DELAY_MS: '200' } });
    sec = await createUser(t, { role: 'secretariat' });
    await seedReportDataset(t.dataSource, handMadeDataset());
    // As the worker's main.ts builds it: /metrics beside /health.
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    worker = moduleRef.createNestApplication({ logger: false });
    mountObservability(worker);
    await worker.init();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
    await stopTracing();
  });

  it('wants the token on both processes: 401 without or with a wrong one', async () => {
    for (const app of [t.app, worker]) {
      const none = await request(app.getHttpServer()).get('/metrics').expect(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      await request(app.getHttpServer()).get('/metrics').set('Authorization', 'Bearer not-the-metrics-token').expect(401);
      const ok = await request(app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
      expect(ok.text).toContain('nodejs_eventloop_lag_seconds');
      expect(ok.text).toMatch(/^db_pool_connections\{state="total"[^}]*\} [1-9]/m);
    }
  });

  it('a report flow moves the queue and job series; routes are templates; the trace and the audit follow the request into the worker', async () => {
    const logged: unknown[] = [];
    const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: Logger, ...args: unknown[]) {
      logged.push(args[0]);
    });
    try {
      const apiBefore = await scrape(t.app);
      const workerBefore = await scrape(worker);
      const completedBefore = sample(apiBefore, 'queue_jobs', { queue: 'reports', state: 'completed' });
      const correlationId = 'observability-test-request-1';
      const res = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).set('X-Correlation-Id', correlationId)
        .send({ kind: 'objective', scope: '8', cycle: '2026-H1' }).expect(202);
      const runId = res.body.id as string;
      // Queued and waiting (delayed by REPORT_REQUEST_DELAY_MS) or already taken: the queue series show it.
      const during = await scrape(t.app);
      expect(['delayed', 'waiting', 'active', 'completed'].reduce((n, state) => n + sample(during, 'queue_jobs', { queue: 'reports', state }), 0))
        .toBeGreaterThan(completedBefore);
      await waitFor(async () => {
        const run = await t.http.get(`/api/v1/reports/runs/${runId}`).set(bearer(sec.accessToken));
        return run.body.status === 'completed' ? run.body : null;
      }, 'the report run to complete');

      const apiAfter = await scrape(t.app);
      const workerAfter = await scrape(worker);
      expect(sample(apiAfter, 'queue_jobs', { queue: 'reports', state: 'completed' })).toBeGreaterThan(completedBefore);
      const jobs = (text: string) => sample(text, 'job_duration_seconds_count', { queue: 'reports', name: 'report.build', outcome: 'completed' });
      expect(jobs(workerAfter)).toBeGreaterThan(jobs(workerBefore));
      expect(sample(apiAfter, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/reports/requests', status: '202' })).toBeGreaterThanOrEqual(1);
      expect(sample(apiAfter, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/reports/runs/:id', status: '200' })).toBeGreaterThanOrEqual(1);
      // Never a raw URL, an address or a token in a label.
      for (const text of [apiAfter, workerAfter]) {
        expect(text).not.toContain(runId);
        expect(text).not.toContain(sec.user.email);
        expect(text).not.toContain(sec.accessToken);
        expect(text).not.toContain(TOKEN);
      }

      // The worker's audit rows and log lines carry the requester's correlation id and user.
      const [audit] = await t.dataSource.query(
        "SELECT correlation_id AS \"correlationId\", actor_id AS \"actorId\" FROM audit_log WHERE action = 'report.run_completed' AND entity_id = $1",
        [runId],
      );
      expect(audit).toEqual({ correlationId, actorId: sec.user.id });
      expect(logged).toContainEqual(expect.objectContaining({ name: 'report.build', correlationId, actorId: sec.user.id }));

      // One trace: the API's request span and the worker's job span share its id.
      const finished = spans.getFinishedSpans();
      const requestSpan = finished.find((s) => s.name === 'POST /api/v1/reports/requests');
      const jobSpan = finished.find((s) => s.name === 'job report.build');
      expect(requestSpan).toBeDefined();
      expect(jobSpan).toBeDefined();
      expect(jobSpan!.spanContext().traceId).toBe(requestSpan!.spanContext().traceId);
      expect(jobSpan!.attributes['job.outcome']).toBe('completed');
    } finally {
      spy.mockRestore();
    }
  });

  it('counts stats cache lookups (a miss, then hits) and labels an answer from memory by its prefix', async () => {
    const before = await scrape(t.app);
    for (let i = 0; i < 3; i++) await t.http.get('/api/v1/stats/headline').expect(200);
    const after = await scrape(t.app);
    const lookups = (text: string) => ['memory', 'redis', 'miss', 'bypass']
      .reduce((n, result) => n + sample(text, 'stats_cache_lookups_total', { result }), 0);
    expect(lookups(after)).toBeGreaterThan(lookups(before));
    expect(sample(after, 'stats_cache_lookups_total', { result: 'memory' }) + sample(after, 'stats_cache_lookups_total', { result: 'redis' }))
      .toBeGreaterThan(0);
  });

  it('serves no /metrics (404) while METRICS_TOKEN is unset', async () => {
    const off = await createTestApp({ env: { METRICS_TOKEN: '' } });
    try {
      await request(off.app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
    } finally {
      await off.close();
    }
  });
});
