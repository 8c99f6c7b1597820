import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { JobName, QueueService, queueOf } from '@gcm/platform';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { count, openCycle, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';

/** 2 MiB that is a PDF by its first bytes, random after them (so no two runs share a blob). */
const FILE = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * 1024 * 1024 - 9)]);
const SHA = createHash('sha256').update(FILE).digest('hex');
const MAX = 10 * 1024 * 1024;

interface Answer { status: number; headers: IncomingHttpHeaders; body: string }

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const metadata = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k} ${b64(v)}`).join(',');

/**
 * Resumable evidence uploads (tus 1.0) against two API instances on one database,
 * over real sockets: a request cut mid-body keeps what arrived, any instance resumes it,
 * a finished upload is checked, hashed, attached and audited like a one-request upload.
 */
describe('resumable evidence uploads (tus): dropped connections, two replicas, the evidence checks', () => {
  let t: TestApp;
  let t2: TestApp;
  let worker: INestApplication | undefined;
  let bases: string[];
  let focal: CreatedUser;
  let colleague: CreatedUser;
  let outsider: CreatedUser;
  let updateId: string;
  const CYCLE = '2026-H1';

  const listen = async (app: INestApplication) => {
    const server = app.getHttpServer() as Server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  /** One tus request over node:http; `cutAfter` sends that many bytes of `body`, then destroys the socket (a dropped connection). */
  const tus = (base: string, method: string, path: string, user: CreatedUser | null, headers: Record<string, string | number>, body?: Buffer, cutAfter?: number) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, {
        method,
        headers: { 'Tus-Resumable': '1.0.0', ...(user ? bearer(user.accessToken) : {}), ...(body ? { 'Content-Length': body.length } : {}), ...headers },
      }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      });
      if (cutAfter !== undefined) {
        req.on('error', () => resolve({ status: 0, headers: {}, body: 'cut' }));
        req.write(body!.subarray(0, cutAfter), () => setTimeout(() => req.destroy(), 200));
        return;
      }
      req.on('error', reject);
      req.end(body);
    });

  const uploads = `/api/v1/updates/UPDATE/evidence/uploads`;
  const path = () => uploads.replace('UPDATE', updateId);
  const create = (base: string, user: CreatedUser, meta: Record<string, string>, length = FILE.length) =>
    tus(base, 'POST', path(), user, { 'Upload-Length': length, 'Upload-Metadata': metadata(meta) });
  const pdfMeta = { filename: 'rescue-log.pdf', filetype: 'application/pdf', title: 'Rescue log, first half' };
  const patch = (base: string, user: CreatedUser, location: string, offset: number, bytes: Buffer, cutAfter?: number) =>
    tus(base, 'PATCH', location, user, { 'Upload-Offset': offset, 'Content-Type': 'application/offset+octet-stream' }, bytes, cutAfter);
  const head = (base: string, user: CreatedUser, location: string) => tus(base, 'HEAD', location, user, {});
  /** As tus-js-client does: a 423 (another request still holds the upload) is retried. */
  const patchRetrying = async (base: string, user: CreatedUser, location: string, offset: number, bytes: Buffer) =>
    waitFor(async () => {
      const res = await patch(base, user, location, offset, bytes);
      return res.status === 423 ? null : res;
    }, 'the lock of the cut request to lapse');
  const evidence = async () => (await t.http.get(`/api/v1/updates/${updateId}`).set(bearer(focal.accessToken)).expect(200)).body.evidence as
    { id: string; kind: string; title: string; sha256: string | null; fileName: string | null; sizeBytes: number | null }[];

  beforeAll(async () => {
    t = await createTestApp();
    // A second API instance on the same database, as behind haproxy.
    t2 = await createTestApp({ db: t.db });
    bases = [await listen(t.app), await listen(t2.app)];
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'GRC' });
    colleague = await createUser(t, { role: 'focal_point', organisationAlpha3: 'GRC' });
    outsider = await createUser(t, { role: 'focal_point', organisationAlpha3: 'MLT' });
    const secretariat = await createUser(t, { role: 'secretariat' });
    await openCycle(t, secretariat, { code: CYCLE, periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    const pledge = await publishedPledge(t, focal, secretariat, { title: 'Search and rescue coordination at sea' });
    const created = await t.http.post(`/api/v1/pledges/${pledge.id}/updates`).set(bearer(focal.accessToken)).send({
      cycle: CYCLE, status: 'on_track', percentComplete: 40, actionsTaken: 'Centres opened.', challenges: '', nextSteps: '',
    }).expect(201);
    updateId = created.body.id;
  }, 120_000);

  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t2?.app.close();
    await t?.close();
  });

  it('resumes after a dropped connection, on the other instance, and attaches the file with its SHA-256, audited', async () => {
    const created = await create(bases[0], focal, pdfMeta);
    expect(created.status).toBe(201);
    const location = created.headers.location!;
    expect(location).toMatch(new RegExp(`^/api/v1/updates/${updateId}/evidence/uploads/[A-Za-z0-9_-]+$`));
    expect(created.headers['upload-expires']).toBeDefined();
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    // Same origin only: none of @tus/server's CORS headers.
    expect(created.headers['access-control-allow-origin']).toBeUndefined();

    const half = FILE.length / 2;
    const first = await patch(bases[0], focal, location, 0, FILE.subarray(0, half));
    expect(first.status).toBe(204);
    expect(Number(first.headers['upload-offset'])).toBe(half);

    // The connection drops 600 kB into the second half.
    const cut = await patch(bases[0], focal, location, half, FILE.subarray(half), 600 * 1024);
    expect(cut.status).toBe(0);
    // A resend from a wrong offset is refused (409), never stored twice.
    expect((await patchRetrying(bases[1], focal, location, half, FILE.subarray(half))).status).toBe(409);
    // Resumed on instance 2 as a tus client does: HEAD for the stored offset (the first half and what of the
    // cut request arrived), PATCH the rest from there; 409/423 while the cut request still stores its last bytes: ask again.
    const { offset, stored, done } = await waitFor(async () => {
      const res = await head(bases[1], focal, location);
      const at = Number(res.headers['upload-offset']);
      if (res.status !== 200 || at <= half) return null;
      const rest = await patch(bases[1], focal, location, at, FILE.subarray(at));
      return rest.status === 409 || rest.status === 423 ? null : { offset: at, stored: res, done: rest };
    }, 'the upload to resume on the other instance');
    expect(offset).toBeLessThanOrEqual(half + 600 * 1024);
    expect(Number(stored.headers['upload-length'])).toBe(FILE.length);
    expect(stored.headers['cache-control']).toBe('no-store');
    expect(done.status).toBe(204);
    expect(Number(done.headers['upload-offset'])).toBe(FILE.length);

    const files = (await evidence()).filter((e) => e.kind === 'file');
    expect(files).toEqual([expect.objectContaining({ title: 'Rescue log, first half', fileName: 'rescue-log.pdf', sha256: SHA, sizeBytes: FILE.length })]);
    const download = await t.http.get(`/api/v1/updates/${updateId}/evidence/${files[0].id}/file`).set(bearer(focal.accessToken)).buffer(true).expect(200);
    expect(Buffer.compare(download.body as Buffer, FILE)).toBe(0);
    const audit = await t.dataSource.query(
      "SELECT actor_id AS actor, after->>'sha256' AS sha FROM audit_log WHERE action = 'progress_update.evidence_add' AND entity_id = $1", [updateId],
    );
    expect(audit).toEqual([{ actor: focal.user.id, sha: SHA }]);
    // The bytes moved to evidence_blob; a HEAD after a lost last answer still says "complete"; a repeated last PATCH attaches nothing more.
    expect(await count(t, 'evidence_upload_chunk')).toBe(0);
    const after = await head(bases[0], focal, location);
    expect(Number(after.headers['upload-offset'])).toBe(FILE.length);
    expect((await patch(bases[0], focal, location, FILE.length, Buffer.alloc(0))).status).toBe(204);
    expect((await evidence()).filter((e) => e.kind === 'file')).toHaveLength(1);
  });

  it('answers 423 to a second PATCH while one writes, on either instance, never a 500', async () => {
    const created = await create(bases[0], focal, { ...pdfMeta, filename: 'second.pdf' });
    const location = created.headers.location!;
    // A slow PATCH on instance 1: 300 kB sent, the rest still to come.
    const slow = new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${bases[0]}${location}`, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', ...bearer(focal.accessToken), 'Upload-Offset': 0, 'Content-Type': 'application/offset+octet-stream', 'Content-Length': 600 * 1024 },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' }));
      });
      req.on('error', reject);
      req.write(FILE.subarray(0, 300 * 1024));
      void waitFor(async () => Number((await head(bases[1], focal, location)).headers['upload-offset']) > 0, 'the slow PATCH to store its first chunk')
        .then(async () => {
          const meanwhile = await patch(bases[1], focal, location, 256 * 1024, FILE.subarray(256 * 1024, 300 * 1024));
          expect(meanwhile.status).toBe(423);
          expect(JSON.parse(meanwhile.body)).toMatchObject({ statusCode: 423, code: 'conflict' });
          req.end(FILE.subarray(300 * 1024, 600 * 1024));
        }, reject);
    });
    const finished = await slow;
    expect(finished.status).toBe(204);
    expect(Number(finished.headers['upload-offset'])).toBe(600 * 1024);
    // Cancelled by its owner: gone with its bytes.
    expect((await tus(bases[1], 'DELETE', location, focal, {})).status).toBe(204);
    expect((await head(bases[0], focal, location)).status).toBe(404);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload_chunk WHERE upload_id = $1', [location.split('/').pop()])).toEqual([{ n: 0 }]);
  });

  it("refuses another user's upload (404 on every method), an outsider's POST (404) and an anonymous one (401)", async () => {
    const created = await create(bases[0], focal, { ...pdfMeta, filename: 'mine.pdf' });
    const location = created.headers.location!;
    for (const user of [colleague, outsider]) {
      expect((await head(bases[0], user, location)).status).toBe(404);
      expect((await patch(bases[1], user, location, 0, FILE.subarray(0, 1024))).status).toBe(404);
      expect((await tus(bases[0], 'DELETE', location, user, {})).status).toBe(404);
    }
    expect(Number((await head(bases[0], focal, location)).headers['upload-offset'])).toBe(0);
    const foreign = await create(bases[0], outsider, pdfMeta);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body)).toMatchObject({ code: 'not_found' });
    expect((await tus(bases[0], 'POST', path(), null, { 'Upload-Length': 10, 'Upload-Metadata': metadata(pdfMeta) })).status).toBe(401);
    await t.http.head(location).set(bearer(colleague.accessToken)).set('Tus-Resumable', '1.0.0').expect(404);
  });

  it('refuses an over-size upload (413) and a refused type (400) before a byte is stored', async () => {
    const before = await count(t, 'evidence_upload');
    const big = await create(bases[0], focal, pdfMeta, MAX + 1);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    const exe = await create(bases[1], focal, { filename: 'run.exe', filetype: 'application/x-msdownload', title: 'Program' }, 4);
    expect(exe.status).toBe(400);
    expect(JSON.parse(exe.body).details[0].field).toBe('file');
    const misnamed = await create(bases[1], focal, { filename: 'report.docx', filetype: 'application/pdf', title: 'Misnamed' }, 4);
    expect(misnamed.status).toBe(400);
    const untitled = await create(bases[1], focal, { filename: 'report.pdf', filetype: 'application/pdf' }, 4);
    expect(JSON.parse(untitled.body).details[0].field).toBe('title');
    expect(await count(t, 'evidence_upload')).toBe(before);
  });

  it('checks the content once the last byte arrives: a disguised file is refused with the reason and nothing attached', async () => {
    const fake = Buffer.from('MZ\x90\x00 this is no pdf at all');
    const created = await create(bases[0], focal, { ...pdfMeta, filename: 'fake.pdf' }, fake.length);
    const location = created.headers.location!;
    const before = await count(t, 'progress_evidence');
    const res = await patch(bases[1], focal, location, 0, fake);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'validation_failed', details: [{ field: 'file', messages: ['the content of the file is not application/pdf'] }] });
    expect(await count(t, 'progress_evidence')).toBe(before);
    expect((await head(bases[0], focal, location)).status).toBe(404);
  });

  it('an expired upload answers 404 and the worker job prunes it with its bytes', async () => {
    const created = await create(bases[0], focal, { ...pdfMeta, filename: 'abandoned.pdf' });
    const location = created.headers.location!;
    const id = location.split('/').pop()!;
    expect((await patch(bases[0], focal, location, 0, FILE.subarray(0, 300 * 1024))).status).toBe(204);
    await t.dataSource.query("UPDATE evidence_upload SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1", [id]);
    const gone = await head(bases[1], focal, location);
    expect(gone.status).toBe(404);
    expect(JSON.parse((await patch(bases[1], focal, location, 300 * 1024, FILE.subarray(300 * 1024, 400 * 1024))).body).message).toMatch(/expired/);

    worker = await startWorker();
    const queues = worker.get(QueueService);
    const job = await queues.enqueue(JobName.EvidenceUploadsPrune, {});
    const queue = queues.queue(queueOf(JobName.EvidenceUploadsPrune));
    await waitFor(async () => (await queue.getJob(job))?.finishedOn, 'the prune job');
    // The worker's repeatable schedule may have run first at start: between them, this one upload went.
    expect((await queue.getJob(job))!.returnvalue).toEqual({ deleted: expect.any(Number) });
    const live = await t.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload WHERE expires_at > now()');
    expect(live[0].n).toBeGreaterThan(0);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload WHERE id = $1', [id])).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload_chunk WHERE upload_id = $1', [id])).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload WHERE expires_at > now()')).toEqual(live);
  });
});
