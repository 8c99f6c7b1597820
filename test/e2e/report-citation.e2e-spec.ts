import { REPORT_FORMATS } from '@gcm/reports';
import { handMadeSummary } from '../../libs/reports/src/testing/rendered.fixture';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { openCycle } from '../helpers/pledges';
import { insertBuiltVersion } from '../helpers/reports';
import { createTestApp, TestApp } from '../helpers/test-app';

/** "Cite this" and the permanent address of a published edition, and the provenance every format carries. */
describe('report citation and provenance', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let versionId: string;
  const model = handMadeSummary();
  const snapshot = model.metadata.snapshot;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    await openCycle(t, sec, { code: '2026-H1', periodStart: '2026-01-01', periodEnd: '2026-06-30', deadline: '2099-12-31' });
    versionId = await insertBuiltVersion(t, model, '2026-H1', 'f');
  });
  afterAll(() => t?.close());

  it('hides the citation of an unpublished version from the public, and shows it to the secretariat', async () => {
    expect((await t.http.get(`/api/v1/reports/${versionId}/cite`)).status).toBe(404);
    expect((await t.http.get('/api/v1/reports/editions/imrf_summary/global/2026-H1/en/1')).status).toBe(404);
    expect((await t.http.get(`/api/v1/reports/${versionId}/cite`).set(bearer(sec.accessToken))).status).toBe(200);
  });

  it('gives a published edition a permanent address by report, cycles, language and number', async () => {
    await t.http.post(`/api/v1/reports/versions/${versionId}/publish`).set(bearer(sec.accessToken)).expect(200);
    const v = await t.http.get(`/api/v1/reports/${versionId}`).expect(200);
    expect(v.body.permanentUrl).toBe('/api/v1/reports/editions/imrf_summary/global/2026-H1/en/1');
    expect(v.body.citeUrl).toBe(`/api/v1/reports/${versionId}/cite`);
    const byNumber = await t.http.get(v.body.permanentUrl).expect(200);
    expect(byNumber.body.id).toBe(versionId);
    expect((await t.http.get('/api/v1/reports/editions/imrf_summary/global/2026-H1/en/2')).status).toBe(404);
    const bad = await t.http.get('/api/v1/reports/editions/nonsense/global/2026-H1/xx/0');
    expect(bad.status).toBe(400);
  });

  it('serves a citation sentence, CSL-JSON of the report type and a BibTeX entry, each naming the snapshot', async () => {
    const res = await t.http.get(`/api/v1/reports/${versionId}/cite`).expect(200);
    const url = res.body.permanentUrl as string;
    expect(url).toMatch(/^https?:\/\/[^/]+\/api\/v1\/reports\/editions\/imrf_summary\/global\/2026-H1\/en\/1$/);
    expect(res.body).toMatchObject({ versionId, snapshotId: snapshot.id, dataAsOf: snapshot.takenAt });
    const year = new Date().getUTCFullYear();
    expect(res.body.citation).toBe(`GCM Tracker (${year}). ${model.title}, version 1. Data as of ${snapshot.takenAt}; snapshot ${snapshot.id}. ${url}`);
    const csl = res.body.csl;
    expect(csl).toMatchObject({ type: 'report', title: model.title, author: [{ literal: 'GCM Tracker' }], publisher: 'GCM Tracker', version: '1', language: 'en', URL: url });
    expect(csl.issued['date-parts']).toHaveLength(1);
    expect(csl.issued['date-parts'][0]).toHaveLength(3);
    expect(csl.issued['date-parts'][0].every((n: unknown) => Number.isInteger(n))).toBe(true);
    expect(typeof csl.id).toBe('string');
    expect(csl.note).toContain(snapshot.id);
    const bib: string = res.body.bibtex;
    expect(bib.startsWith(`@techreport{${csl.id},\n`)).toBe(true);
    expect(bib).toContain(`  url = {${url}},`);
    expect(bib).toContain(`  year = {${year}},`);
    expect(bib).toContain(`snapshot ${snapshot.id}`);
    expect([...bib].filter((c) => c === '{').length).toBe([...bib].filter((c) => c === '}').length);
    const file = await t.http.get(`/api/v1/reports/${versionId}/cite.bib`).expect(200);
    expect(file.headers['content-type']).toMatch(/^application\/x-bibtex/);
    expect(file.text).toBe(`${bib}\n`);
  });

  it('cites in the edition language', async () => {
    const fr = { ...model, metadata: { ...model.metadata, language: 'fr' as const } };
    const [{ id: cycleId }] = await t.dataSource.query(`SELECT id FROM reporting_cycle WHERE code = '2026-H1'`);
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model, language, published_at)
       VALUES ('imrf_summary', 'global', '2026-H1', $1, ARRAY[$1]::uuid[], repeat('f', 64), 1, $2, $3, 'fr', now()) RETURNING id`,
      [cycleId, fr.title, fr],
    );
    for (const format of REPORT_FORMATS) {
      await t.dataSource.query(`INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, 'x/y', repeat('b', 64), 1, 'x')`, [id, format]);
    }
    const res = await t.http.get(`/api/v1/reports/${id}/cite`).expect(200);
    expect(res.body.citation).toContain(`Données au ${snapshot.takenAt} ; instantané ${snapshot.id}.`);
    expect(res.body.permanentUrl).toMatch(/\/2026-H1\/fr\/1$/);
  });

  it('prints "data as of" and the snapshot id in the HTML, JSON and CSV editions', async () => {
    const html = (await t.http.get(`/api/v1/reports/${versionId}/download.html`).expect(200)).text;
    expect(html).toContain(`<time datetime="${snapshot.takenAt}">`);
    expect(html).toContain(snapshot.id);
    const csv = (await t.http.get(`/api/v1/reports/${versionId}/download.csv`).expect(200)).text;
    expect(csv).toContain(`provenance,provenance,Provenance,1,snapshot_id,Snapshot,text,${snapshot.id}`);
    expect(csv).toContain(`provenance,provenance,Provenance,1,data_as_of,Data as of,date,${snapshot.takenAt}`);
    const json = (await t.http.get(`/api/v1/reports/${versionId}/download.json`).expect(200)).body;
    expect(json.metadata.snapshot).toEqual(snapshot);
  });
});
