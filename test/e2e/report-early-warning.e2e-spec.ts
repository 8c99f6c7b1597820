import type { INestApplication } from '@nestjs/common';
import { QueueService } from '@gcm/platform';
import type { ReportDocument, TableBlock } from '@gcm/reports';
import { fourCyclesDataset } from '../../libs/reports/src/testing/four-cycles.fixture';
import { LATER } from '../../libs/reports/src/testing/two-cycles.fixture';
import { createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { compileReport, downloadReport } from '../helpers/reports';
import { obliterateQueues, startWorker } from '../helpers/worker';
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
    const versionId = await compileReport(t, sec.accessToken, { kind: 'imrf_summary', cycle: LATER.code });
    const doc = JSON.parse((await downloadReport(t, sec.accessToken, versionId, 'json')).toString('utf8')) as ReportDocument;
    const table = doc.sections.flatMap((s) => s.blocks).find((b) => 'id' in b && b.id === 'warning-no-update') as TableBlock;
    expect(table.rows.map((r) => [r.reference, r.cycles, r.since, r.lastValidated])).toEqual(
      expected.map(([id, n, since, last]) => [pledgeRef(id), n, since, last ?? 'never']),
    );
  });
});
