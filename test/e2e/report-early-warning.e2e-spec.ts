import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument, TableBlock } from '@gcm/reports';
import { fourCyclesDataset } from '../../libs/reports/src/testing/four-cycles.fixture';
import { LATER } from '../../libs/reports/src/testing/two-cycles.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

/**
 * The early warning's "no validated update for two or more cycles" over a
 * real report run: four cycles in PostgreSQL, a report of the last one. The
 * loader reads that cycle and the one before in full and the two earlier ones
 * as otherCycles (which pledges had a validated update there, nothing else);
 * the runs it prints equal the hand computation of four-cycles.fixture.ts.
 */
describe('the early warning looks back over every earlier cycle, over a real report run', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  const { full, expected, pledgeRef } = fourCyclesDataset();

  beforeAll(async () => {
    t = await createTestApp({ env: { REPORT_REQUEST_DELAY_MS: '0' } });
    sec = await createUser(t, { role: 'secretariat' });
    await seedReportDataset(t.dataSource, full);
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('lists each pledge with its cycles in a row, their first and its last validated update', async () => {
    const res = await t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send({ kind: 'imrf_summary', cycle: LATER.code });
    expect(res.status).toBeLessThan(300);
    const done = await waitFor(async () => {
      const r = (await t.http.get(`/api/v1/reports/runs/${res.body.id}`).set(bearer(sec.accessToken))).body;
      return r.status === 'completed' ? r : null;
    }, 'the IMRF summary');
    const json = await t.http.get(`/api/v1/reports/${done.versionId}/download.json`).set(bearer(sec.accessToken)).buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(json.status).toBe(200);
    const doc = JSON.parse((json.body as Buffer).toString('utf8')) as ReportDocument;
    const table = doc.sections.flatMap((s) => s.blocks).find((b) => 'id' in b && b.id === 'warning-no-update') as TableBlock;
    expect(table.rows.map((r) => [r.reference, r.cycles, r.since, r.lastValidated])).toEqual(
      expected.map(([id, n, since, last]) => [pledgeRef(id), n, since, last ?? 'never']),
    );
  });
});
