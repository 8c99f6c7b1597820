import { REPORT_FORMATS, renderReport, type ReportDocument } from '@gcm/reports';
import { bearer } from './auth';
import type { TestApp } from './test-app';
import { waitFor } from './worker';

/** Requests a report as the given (secretariat) user and waits for its run to complete; the version it made. */
export async function compileReport(t: TestApp, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.http.post('/api/v1/reports/requests').set(bearer(token)).send(body);
  if (res.status >= 300) throw new Error(`report request ${JSON.stringify(body)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const done = await waitFor(async () => {
    const r = (await t.http.get(`/api/v1/reports/runs/${res.body.id}`).set(bearer(token))).body;
    return r.status === 'completed' ? r : null;
  }, JSON.stringify(body));
  return done.versionId as string;
}

/** The bytes of one format of a report version, read as the given user; fails unless 200. */
export async function downloadReport(t: TestApp, token: string, versionId: string, format: string): Promise<Buffer> {
  const res = await t.http.get(`/api/v1/reports/${versionId}/download.${format}`).set(bearer(token)).buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`download ${versionId}.${format} answered ${res.status}`);
  return res.body as Buffer;
}

/**
 * A report version as the worker leaves it (report-content.e2e covers that build): the built model of an IMRF summary
 * of `cycleCode` and its five rendered files, inserted directly. `mark` keeps each file's fake hashes apart.
 */
export async function insertBuiltVersion(t: TestApp, model: ReportDocument, cycleCode: string, mark: string): Promise<string> {
  const [{ id: cycleId }] = await t.dataSource.query('SELECT id FROM reporting_cycle WHERE code = $1', [cycleCode]);
  const [{ id: versionId }] = await t.dataSource.query(
    `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model)
     VALUES ('imrf_summary', 'global', $4, $1, ARRAY[$1]::uuid[], repeat($2, 64), 1, $3, $5) RETURNING id`,
    [cycleId, mark, model.title, cycleCode, model],
  );
  for (const format of REPORT_FORMATS) {
    const file = await renderReport(model, format);
    await t.dataSource.query(
      `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, $3, repeat('b', 64), $4, $5)`,
      [versionId, format, file.contentType, file.bytes.length, file.bytes],
    );
  }
  return versionId as string;
}
