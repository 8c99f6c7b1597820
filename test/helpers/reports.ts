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
