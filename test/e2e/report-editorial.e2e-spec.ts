import type { ReportDocument } from '@gcm/reports';
import { pdfToText } from '../../libs/reports/src/testing/pdf-text';
import { handMadeSummary } from '../../libs/reports/src/testing/rendered.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle } from '../helpers/pledges';
import { insertBuiltVersion } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';

const HOSTILE = '<h2>Purpose of this note</h2><p>Progress since the last Forum<script>alert("x")</script>.'
  + '<img src="https://tracker.example/pixel.png"> <a href="javascript:alert(1)">Click</a> '
  + 'See <a href="https://www.un.org/en/migration2022">the Forum page</a>.</p><ul><li>Eight objectives in focus</li></ul>';

const binary: Parameters<ReturnType<TestApp['http']['get']>['parse']>[0] = (r, cb) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};
const words = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The editorial layer on a real IMRF summary (the hand-made data set's): sanitising, caps, 409s, audit, preview, publication in
 * every format and carrying the text forward to a rebuilt version.
 */
describe('report editorial layer', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let versionId: string;
  const model = handMadeSummary();
  let sections: { sectionId: string; title: string; html: string }[];
  const url = (id = versionId) => `/api/v1/reports/versions/${id}/editorial`;
  const put = (body: object, version?: string, id = versionId) => {
    const req = t.http.put(url(id)).set(bearer(sec.accessToken));
    return (version === undefined ? req : req.set('If-Match', version)).send(body);
  };
  const revisions = async (id = versionId) => (await t.dataSource.query('SELECT count(*)::int AS n FROM report_editorial_revision WHERE version_id = $1', [id]))[0].n;
  const get = async (path: string): Promise<Buffer> => {
    const res = await t.http.get(path).set(bearer(sec.accessToken)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    versionId = await insertBuiltVersion(t, model, '2026-H1', 'a');
  });
  afterAll(() => t?.close());

  it('starts empty at version 0, listing every section of the document, for the secretariat only', async () => {
    const res = await t.http.get(url()).set(bearer(sec.accessToken)).expect(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toMatchObject({ versionId, version: 0, introduction: '', published: false, carryForward: null });
    sections = res.body.sections;
    expect(sections.length).toBeGreaterThan(2);
    expect(sections.every((s: { html: string }) => s.html === '')).toBe(true);
    const focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
    expect((await t.http.get(url()).set(bearer(focal.accessToken))).status).toBe(403);
    expect((await put({ introduction: 'x', commentary: [] }, '0').set(bearer(focal.accessToken))).status).toBe(403);
    expect((await t.http.get(url())).status).toBe(401);
  });

  it('refuses a save without the version it is based on (428), over the cap or on an unknown section (400 naming the field), writing nothing', async () => {
    expect((await put({ introduction: '<p>x</p>', commentary: [] })).status).toBe(428);
    const long = await put({ introduction: `<p>${'a'.repeat(20_001)}</p>`, commentary: [] }, '0');
    expect(long.status).toBe(400);
    expect(long.body.details.map((d: { field: string }) => d.field)).toEqual(['introduction']);
    const longComment = await put({ introduction: '', commentary: [{ sectionId: sections[0].sectionId, html: 'b'.repeat(8_001) }] }, '0');
    expect(longComment.status).toBe(400);
    expect(longComment.body.details.map((d: { field: string }) => d.field)).toEqual(['commentary.0.html']);
    const unknown = await put({ introduction: '', commentary: [{ sectionId: 'no-such-section', html: '<p>x</p>' }] }, '0');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ field: 'commentary.0.sectionId', messages: ['no-such-section is not a section of this report'] }]);
    expect((await put({ introduction: 5, commentary: 'x' }, '0')).status).toBe(400);
    expect(await revisions()).toBe(0);
  });

  it('saves sanitised text as revision 1: no script, no remote image, no javascript: link; audited', async () => {
    const res = await put({ introduction: HOSTILE, commentary: [{ sectionId: sections[1].sectionId, html: '<p>Coverage of <em>objective 8</em> stays low.</p>' }] }, '0');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.version).toBe(1);
    expect(res.body.introduction).toBe('<h3>Purpose of this note</h3><p>Progress since the last Forum. <a>Click</a> See <a href="https://www.un.org/en/migration2022">the Forum page</a>.</p><ul><li>Eight objectives in focus</li></ul>');
    expect(res.body.sections[1].html).toBe('<p>Coverage of <em>objective 8</em> stays low.</p>');
    const [audit] = await t.dataSource.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'report.editorial_saved' AND entity_id = $1`, [versionId]);
    expect(audit).toMatchObject({ actor_id: sec.user.id, before: null, after: { version: 1, sections: [sections[1].sectionId] } });
    expect(await revisions()).toBe(1);
  });

  it('answers 409 to a save based on an older version, and keeps every save as a revision', async () => {
    const stale = await put({ introduction: '<p>Someone else</p>', commentary: [] }, '0');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    const second = await put({ introduction: HOSTILE.replace('Eight objectives', 'Nine objectives'), commentary: [{ sectionId: sections[1].sectionId, html: '<p>Coverage of objective 8 stays low.</p>' }] }, '"1"');
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect((await put({ introduction: '', commentary: [] }, '1')).status).toBe(409);
    const list = await t.http.get(`${url()}/revisions`).set(bearer(sec.accessToken)).expect(200);
    expect(list.body.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(list.body.items[1].introduction).toContain('Eight objectives in focus');
  });

  it('previews the edition with its editorial text in HTML and PDF before publication', async () => {
    const html = (await get(`${url()}/preview.html`)).toString('utf8');
    expect(html).toContain('<h2 id="introduction-h">Introduction</h2><h3>Purpose of this note</h3>');
    expect(html).not.toMatch(/<script|<img|javascript:/);
    const pdf = words(pdfToText(await get(`${url()}/preview.pdf`), false));
    expect(pdf).toContain('See the Forum page (https://www.un.org/en/migration2022).');
    // The stored files are still the built ones until publication.
    expect((await get(`/api/v1/reports/${versionId}/download.html`)).toString('utf8')).not.toContain('Purpose of this note');
  });

  it('publishes the edition with the editorial introduction in html, pdf, json and csv, and freezes the text', async () => {
    const res = await t.http.post(`/api/v1/reports/versions/${versionId}/publish`).set(bearer(sec.accessToken)).expect(200);
    expect(res.body.editorialRevision).toBe(2);
    const html = (await get(`/api/v1/reports/${versionId}/download.html`)).toString('utf8');
    expect(html).toContain('<h3>Purpose of this note</h3><p>Progress since the last Forum. Click See <a href="https://www.un.org/en/migration2022" rel="noopener noreferrer">the Forum page</a>.</p><ul><li>Nine objectives in focus</li></ul>');
    expect(html).toContain('<aside class="editorial commentary" aria-label="Commentary"><p>Coverage of objective 8 stays low.</p></aside>');
    const pdf = words(pdfToText(await get(`/api/v1/reports/${versionId}/download.pdf`), false));
    expect(pdf).toContain('Introduction Purpose of this note Progress since the last Forum. Click See the Forum page (https://www.un.org/en/migration2022).');
    expect(pdf).toContain('• Nine objectives in focus');
    const json: ReportDocument = JSON.parse((await get(`/api/v1/reports/${versionId}/download.json`)).toString('utf8'));
    expect(json.editorial?.revision).toBe(2);
    expect(json.editorial?.introduction[0]).toEqual({ type: 'heading', level: 3, inlines: [{ text: 'Purpose of this note' }] });
    const csv = (await get(`/api/v1/reports/${versionId}/download.csv`)).toString('utf8');
    expect(csv).toContain('editorial,editorial,"Introduction, Commentary",1,text,Text,text,Purpose of this note');
    expect(csv).toContain('editorial,editorial,"Introduction, Commentary",3,text,Text,text,• Nine objectives in focus');
    // The public reads the same published edition; the data stay the built ones.
    const pub = await t.http.get(`/api/v1/reports/${versionId}/download.html`).buffer(true).parse(binary).expect(200);
    expect((pub.body as Buffer).toString('utf8')).toContain('Purpose of this note');
    const [{ model }] = await t.dataSource.query('SELECT model FROM report_version WHERE id = $1', [versionId]);
    expect(model.editorial).toBeUndefined();
    expect(model.sections).toEqual(json.sections);
    const frozen = await put({ introduction: '<p>late</p>', commentary: [] }, '2');
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('invalid_state');
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'report.published' AND entity_id = $1`, [versionId]);
    expect(audit.after).toEqual({ published: true, editorialRevision: 2 });
  });

  it('offers a rebuilt version to carry the editorial text forward, and copies it as a new, audited revision', async () => {
    const [{ id: rebuilt }] = await t.dataSource.query(
      `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model, language)
       SELECT kind, scope, cycle_key, cycle_id, cycle_ids, repeat('e', 64), number + 1, title, model, language FROM report_version WHERE id = $1 RETURNING id`,
      [versionId],
    );
    await t.dataSource.query(
      `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) SELECT $2, format, content_type, sha256, size, bytes FROM report_file WHERE version_id = $1`,
      [versionId, rebuilt],
    );
    const offer = await t.http.get(url(rebuilt)).set(bearer(sec.accessToken)).expect(200);
    expect(offer.body.version).toBe(0);
    expect(offer.body.carryForward).toEqual({ versionId, number: 1, revision: 2, missingSections: [] });
    const foreign = await t.http.post(`${url(rebuilt)}/carry-forward`).set(bearer(sec.accessToken)).set('If-Match', '0').send({ fromVersionId: rebuilt });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details[0].field).toBe('fromVersionId');
    const res = await t.http.post(`${url(rebuilt)}/carry-forward`).set(bearer(sec.accessToken)).set('If-Match', '0').send({ fromVersionId: versionId });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.introduction).toContain('Nine objectives in focus');
    expect(res.body.sections[1].html).toBe('<p>Coverage of objective 8 stays low.</p>');
    expect(res.body.carryForward).toBeNull();
    const again = await t.http.post(`${url(rebuilt)}/carry-forward`).set(bearer(sec.accessToken)).set('If-Match', '0').send({ fromVersionId: versionId });
    expect(again.status).toBe(409);
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_log WHERE action = 'report.editorial_carried_forward' AND entity_id = $1`, [rebuilt]);
    expect(audit.after).toMatchObject({ version: 1, carriedFrom: versionId });
    const list = await t.http.get(`${url(rebuilt)}/revisions`).set(bearer(sec.accessToken)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ revision: 1, carriedFrom: versionId, createdBy: sec.user.id })]);
  });
});
