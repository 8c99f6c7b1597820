import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { count, publishedPledge } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';
import { workbenchFixture, WorkbenchFixture } from '../helpers/workbench-fixture';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
import type { Response } from 'supertest';

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A one-entry ZIP (deflated), as a zip bomb is built: 200 MB of zeros in a few hundred kB. */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(content.length, 22); local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(content.length, 24); central.writeUInt16LE(file.length, 28);
  const start = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12); end.writeUInt32LE(start, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

interface Issue { sheet: string | null; row: number | null; column: string | null; heading: string | null; message: string }

describe('cycle workbench: the organisation’s cycle on one page, bulk "no change", inline drafts, the offline workbook', () => {
  let t: TestApp;
  let f: WorkbenchFixture;
  let other: CreatedUser;
  let withdrawn: { id: string; reference: string };
  const as = (u: CreatedUser) => bearer(u.accessToken);
  const base = () => `/api/v1/workspace/cycles/${f.cycle}`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await workbenchFixture(t, 8);
    other = await createUser(t, { role: 'focal_point', organisationAlpha3: 'ESP' });
    await publishedPledge(t, other, f.secretariat, { title: 'A Spanish pledge nobody else reports on' });
    // Withdrawn before 2026-H2 began: it owes 2026-H1 but not 2026-H2.
    withdrawn = await publishedPledge(t, f.focal, f.secretariat, { title: 'A pledge withdrawn in June' });
    await t.dataSource.query(`UPDATE pledge SET status = 'withdrawn', withdrawn_at = '2026-06-15T00:00:00Z', first_published_at = '2026-01-05T00:00:00Z' WHERE id = $1`, [withdrawn.id]);
  });
  afterAll(() => t.close());

  const download = async (u: CreatedUser = f.focal, cycle = f.cycle) => {
    const res = await t.http.get(`/api/v1/workspace/cycles/${cycle}/workbook.xlsx`).set(as(u)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return wb;
  };
  const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  const upload = (file: Buffer, u: CreatedUser = f.focal, query = '', cycle = f.cycle) =>
    t.http.post(`/api/v1/workspace/cycles/${cycle}/workbook${query}`).set(as(u)).attach('file', file, { filename: 'cycle.xlsx', contentType: XLSX });
  /** The status, with the report in the failure message when it differs. */
  const status = async (res: Promise<Response> | Response, expected: number) => {
    const r = await res;
    if (r.status !== expected) throw new Error(`expected ${expected}, got ${r.status}: ${JSON.stringify(r.body).slice(0, 1500)}`);
    return r;
  };
  const rowOf = (ws: ExcelJS.Worksheet, reference: string) => {
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === reference) return ws.getRow(r);
    throw new Error(`no row for ${reference} on ${ws.name}`);
  };
  const written = async () => [await count(t, 'progress_update'), await count(t, 'progress_measurement'), await count(t, 'progress_evidence'), await count(t, 'audit_log')];

  it('lists exactly the pledges the cycle population says owe an update, last cycle beside this one', async () => {
    const res = await t.http.get(base()).set(as(f.focal)).expect(200);
    const org = await stateOrganisationId(t, 'MEX');
    const population: { pledge_id: string }[] = await t.dataSource.query(
      `SELECT x.pledge_id FROM reporting_cycle c CROSS JOIN LATERAL cycle_pledge_population(c.id) x WHERE c.code = $1 AND x.lead_organisation_id = $2`, [f.cycle, org],
    );
    expect(res.body.rows.map((r: { pledgeId: string }) => r.pledgeId).sort()).toEqual(population.map((p) => p.pledge_id).sort());
    expect(res.body.rows).toHaveLength(8);
    expect(res.body.rows.map((r: { pledgeId: string }) => r.pledgeId)).not.toContain(withdrawn.id);
    // The previous cycle's population still holds the withdrawn pledge: the one rule decides, not the page.
    expect((await t.http.get(`/api/v1/workspace/cycles/${f.previous}`).set(as(f.focal)).expect(200)).body.rows.map((r: { pledgeId: string }) => r.pledgeId)).toContain(withdrawn.id);
    const first = res.body.rows[0];
    expect(first).toMatchObject({ reference: f.pledges[0].reference, state: 'missing', update: null, canReconfirm: true });
    expect(first.previous).toMatchObject({ cycle: '2026-H1', status: 'on_track', links: [{ url: expect.stringMatching(/^https:\/\/example\.org\/evidence\//), title: expect.any(String) }] });
    expect(first.previous.measurements).toEqual([
      { indicatorId: f.pledges[0].indicators[0], value: expect.any(Number), asOf: '2026-06-30' },
      { indicatorId: f.pledges[0].indicators[1], value: 50, asOf: '2026-06-30' },
    ]);
    expect(first.indicators.map((i: { unit: string }) => i.unit)).toEqual(['people', '%']);
    expect(res.body.cycle).toMatchObject({ code: '2026-H2', status: 'open', deadline: '2099-12-31' });
    expect(res.body.cycle.daysLeft).toBeGreaterThan(20000);
    expect(res.body.counts).toEqual({ total: 8, missing: 8, draft: 0, returned: 0, submitted: 0, validated: 0 });
    // Another organisation sees its own cycle only; the secretariat and anonymous callers are refused.
    expect((await t.http.get(base()).set(as(other)).expect(200)).body.rows.map((r: { pledgeId: string }) => r.pledgeId)).not.toContain(f.pledges[0].id);
    await t.http.get(base()).set(as(f.secretariat)).expect(403);
    await t.http.get(base()).expect(401);
    await t.http.get('/api/v1/workspace/cycles/2031-H1').set(as(f.focal)).expect(404);
  });

  it('reconfirms several pledges in one action: each its own audited update, all or nothing, idempotent', async () => {
    const [a, b, c] = f.pledges;
    const before = await written();
    const bad = await t.http.post(`${base()}/no-change`).set(as(f.focal)).send({ pledgeIds: [a.id, withdrawn.id] }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'pledgeIds.1', messages: [expect.stringContaining('not a pledge of your organisation that owes an update')] }]);
    const foreign = (await t.dataSource.query("SELECT id FROM pledge WHERE title = 'A Spanish pledge nobody else reports on'"))[0].id;
    await t.http.post(`${base()}/no-change`).set(as(f.focal)).send({ pledgeIds: [foreign] }).expect(400);
    expect(await written()).toEqual(before);

    const res = await t.http.post(`${base()}/no-change`).set(as(f.focal)).set('Idempotency-Key', 'bulk-no-change-1').send({ pledgeIds: [a.id, b.id] }).expect(200);
    expect(res.body.updates.map((u: { pledgeId: string }) => u.pledgeId)).toEqual([a.id, b.id]);
    const again = await t.http.post(`${base()}/no-change`).set(as(f.focal)).set('Idempotency-Key', 'bulk-no-change-1').send({ pledgeIds: [a.id, b.id] }).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(res.body);
    const audits = await t.dataSource.query("SELECT entity_id FROM audit_log WHERE action = 'progress_update.no_change' ORDER BY id");
    expect(audits.map((x: { entity_id: string }) => x.entity_id)).toEqual(res.body.updates.map((u: { updateId: string }) => u.updateId));
    const view = await t.http.get(`/api/v1/updates/${res.body.updates[0].updateId}`).set(as(f.focal)).expect(200);
    expect(view.body).toMatchObject({ editorialStatus: 'submitted', noChange: true, cycle: '2026-H2', percentComplete: view.body.previous.percentComplete });
    expect(view.body.evidence).toHaveLength(1);
    // A pledge already reconfirmed makes the whole action refuse; the fresh one in it is not written either.
    const mixed = await t.http.post(`${base()}/no-change`).set(as(f.focal)).send({ pledgeIds: [c.id, a.id] }).expect(400);
    expect(mixed.body.details[0]).toEqual({ field: 'pledgeIds.1', messages: [expect.stringContaining('already has its 2026-H2 update (submitted)')] });
    const page = await t.http.get(base()).set(as(f.focal)).expect(200);
    expect(page.body.counts).toMatchObject({ missing: 6, submitted: 2 });
    expect(page.body.rows.find((r: { pledgeId: string }) => r.pledgeId === c.id).state).toBe('missing');
  });

  it('saves inline edits as server drafts with versions: a concurrent edit gets 409', async () => {
    const d = f.pledges[3];
    const draft = await t.http.post(`/api/v1/pledges/${d.id}/updates`).set(as(f.focal)).set('Idempotency-Key', 'inline-d')
      .send({ cycle: f.cycle, status: 'delayed', percentComplete: 30 }).expect(201);
    await t.http.patch(`/api/v1/updates/${draft.body.id}`).set(as(f.focal)).set('If-Match', '"1"').send({ percentComplete: 35 }).expect(200);
    const stale = await t.http.patch(`/api/v1/updates/${draft.body.id}`).set(as(f.focal)).set('If-Match', '"1"').send({ percentComplete: 40 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const row = (await t.http.get(base()).set(as(f.focal)).expect(200)).body.rows.find((r: { pledgeId: string }) => r.pledgeId === d.id);
    expect(row).toMatchObject({ state: 'draft', canReconfirm: false, update: { status: 'delayed', percentComplete: 35, version: 2 } });
  });

  it('downloads a workbook: instructions first, previous values, drop-downs, locked identifiers, a hidden binding', async () => {
    const wb = await download();
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Instructions', 'visible'], ['Pledges', 'visible'], ['Measurements', 'visible'], ['Evidence', 'visible'], ['_binding', 'veryHidden'],
    ]);
    const pledges = wb.getWorksheet('Pledges')!;
    const row = rowOf(pledges, f.pledges[4].reference);
    expect(row.getCell(1).value).toBe(f.pledges[4].id);
    expect([row.getCell(4).value, row.getCell(5).value, row.getCell(7).value]).toEqual(['On track', 24, null]);
    expect(row.getCell(7).dataValidation).toMatchObject({ type: 'list', formulae: ['"Not started,On track,Delayed,Achieved,Discontinued"'] });
    expect(row.getCell(1).protection?.locked).not.toBe(false);
    expect(row.getCell(7).protection).toMatchObject({ locked: false });
    expect((pledges as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const m = rowOf(wb.getWorksheet('Measurements')!, f.pledges[4].reference);
    expect([m.getCell(3).value, m.getCell(6).value, m.getCell(7).value]).toEqual([f.pledges[4].indicators[0], 154, 'people']);
    expect(m.getCell(7).dataValidation).toMatchObject({ type: 'list' });
    expect(rowOf(pledges, f.pledges[0].reference).getCell(6).value).toBe('submitted');
    expect(wb.getWorksheet('_binding')!.getCell('B2').value).toBe('2026-H2');
  });

  const fill = (wb: ExcelJS.Workbook, i: number, status: string, percent: unknown, value: unknown = 300) => {
    const p = rowOf(wb.getWorksheet('Pledges')!, f.pledges[i].reference);
    p.getCell(7).value = status;
    p.getCell(8).value = percent as ExcelJS.CellValue;
    p.getCell(9).value = `Offline report of pledge ${i + 1}.`;
    const m = rowOf(wb.getWorksheet('Measurements')!, f.pledges[i].reference);
    m.getCell(8).value = value as ExcelJS.CellValue;
    m.getCell(9).value = new Date(Date.UTC(2026, 11, 15));
  };

  it('reports each bad cell by sheet, row and column, writes nothing, and never answers 500', async () => {
    const before = await written();
    const clean = await download();
    const cases: [string, (wb: ExcelJS.Workbook) => void, Partial<Issue>][] = [
      ['wrong type', (wb) => fill(wb, 5, 'On track', 'forty'), { sheet: 'Pledges', column: 'H', message: '"forty" is not a whole percent from 0 to 100' }],
      ['percent 101', (wb) => fill(wb, 5, 'On track', 101), { sheet: 'Pledges', column: 'H', message: '101 is outside the allowed range 0 to 100' }],
      ['unknown status', (wb) => fill(wb, 5, 'Finished', 50), { sheet: 'Pledges', column: 'G', heading: 'Status' }],
      ['a formula', (wb) => { fill(wb, 5, 'On track', 50); rowOf(wb.getWorksheet('Measurements')!, f.pledges[5].reference).getCell(8).value = { formula: '100+200', result: 300 } as ExcelJS.CellValue; },
        { sheet: 'Measurements', column: 'H', message: 'This cell holds a formula; type the value itself (formulas are not accepted)' }],
      ['duplicated row', (wb) => { fill(wb, 5, 'On track', 50); const ws = wb.getWorksheet('Pledges')!; ws.addRow((rowOf(ws, f.pledges[5].reference).values as ExcelJS.CellValue[]).slice(1)); },
        { sheet: 'Pledges', column: 'A', message: expect.stringContaining('listed twice') }],
      ['an extra sheet', (wb) => { fill(wb, 5, 'On track', 50); wb.addWorksheet('My notes').getCell('A1').value = 'x'; }, { sheet: 'My notes', row: null, message: expect.stringContaining('not part of this workbook') }],
      ['a percentage indicator at 120', (wb) => { fill(wb, 5, 'On track', 50); rowOf2(wb, 5).getCell(8).value = 120; }, { sheet: 'Measurements', column: 'H', message: expect.stringContaining('percentage') }],
    ];
    const rowOf2 = (wb: ExcelJS.Workbook, i: number) => {
      const ws = wb.getWorksheet('Measurements')!;
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value === f.pledges[i].indicators[1]) return ws.getRow(r);
      throw new Error('no % row');
    };
    for (const [name, spoil, expected] of cases) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await bytes(clean));
      spoil(wb);
      const res = await upload(await bytes(wb));
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect({ name, issues: res.body.details.issues }).toEqual({ name, issues: expect.arrayContaining([expect.objectContaining(expected)]) });
      const issue = (res.body.details.issues as Issue[]).find((i) => i.sheet === expected.sheet)!;
      if (expected.column) expect(issue.row).toBeGreaterThan(1);
    }
    for (const junk of [Buffer.from('%PDF-1.7\nnot a workbook'), Buffer.from('PK\x03\x04 truncated zip'), Buffer.alloc(0)]) {
      const res = await upload(junk);
      expect(res.status).toBe(400);
    }
    const pdf = await upload(Buffer.from('%PDF-1.7\nnot a workbook')).expect(400);
    expect(pdf.body.details.issues).toEqual([expect.objectContaining({ sheet: null, message: expect.stringContaining('not an Excel workbook') })]);
    expect(await written()).toEqual(before);
  });

  it('refuses a zip bomb from its directory, before inflating it', async () => {
    const before = await written();
    const res = await status(upload(zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024))), 400);
    expect(res.body.details.issues[0].message).toMatch(/expands/);
    expect(await written()).toEqual(before);
  });

  it('annotates the workbook: the bad cell carries the problem as a note and a Problems sheet lists them', async () => {
    const wb = await download();
    fill(wb, 5, 'On track', 101);
    const res = await t.http.post(`${base()}/workbook/annotated`).set(as(f.focal)).attach('file', await bytes(wb), { filename: 'x.xlsx', contentType: XLSX })
      .buffer(true).parse(binary).expect(200);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(res.body);
    const cell = rowOf(back.getWorksheet('Pledges')!, f.pledges[5].reference).getCell(8);
    expect(JSON.stringify(cell.note)).toContain('outside the allowed range 0 to 100');
    expect(back.getWorksheet('Problems')!.getCell('E2').value).toContain('outside the allowed range');
  });

  it('imports a filled workbook as drafts, and the same file again changes nothing', async () => {
    const wb = await download();
    fill(wb, 5, 'Delayed', 45, 320);
    fill(wb, 3, 'On track', 50, 400);
    const ev = wb.getWorksheet('Evidence')!;
    ev.addRow([f.pledges[5].reference, 'https://example.org/offline-2026-h2', 'Offline evidence']);
    const file = await bytes(wb);
    const before = await count(t, 'audit_log');
    const res = await status(upload(file), 200);
    expect(res.body).toMatchObject({ cycle: '2026-H2', replayed: false, created: 1, updated: 1, submitted: 0 });
    const created = res.body.updates.find((u: { pledgeId: string }) => u.pledgeId === f.pledges[5].id);
    const view = await t.http.get(`/api/v1/updates/${created.updateId}`).set(as(f.focal)).expect(200);
    expect(view.body).toMatchObject({ editorialStatus: 'draft', status: 'delayed', percentComplete: 45, actionsTaken: 'Offline report of pledge 6.' });
    expect(view.body.measurements).toEqual([expect.objectContaining({ indicatorId: f.pledges[5].indicators[0], value: 320, asOf: '2026-12-15' })]);
    expect(view.body.evidence.map((e: { url: string }) => e.url).sort()).toEqual(['https://example.org/evidence/6', 'https://example.org/offline-2026-h2']);
    const updated = (await t.http.get(base()).set(as(f.focal)).expect(200)).body.rows.find((r: { pledgeId: string }) => r.pledgeId === f.pledges[3].id);
    expect(updated.update).toMatchObject({ percentComplete: 50, version: 3, editorialStatus: 'draft' });
    const audits = await count(t, 'audit_log');
    expect(audits - before).toBe(2);
    const again = await upload(file).expect(200);
    expect(again.body).toMatchObject({ replayed: true, created: 1, updated: 1, sha256: res.body.sha256 });
    expect(await count(t, 'audit_log')).toBe(audits);
  });

  it('leaves drafts listed as downloaded alone', async () => {
    const before = await written();
    const res = await status(upload(await bytes(await download())), 200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, submitted: 0, replayed: false });
    expect(await written()).toEqual(before);
  });

  it('says which rows are stale when a pledge’s update changed since the download, and writes nothing', async () => {
    const wb = await download();
    fill(wb, 3, 'On track', 60);
    fill(wb, 6, 'On track', 10);
    const row = (await t.http.get(base()).set(as(f.focal)).expect(200)).body.rows.find((r: { pledgeId: string }) => r.pledgeId === f.pledges[3].id);
    await t.http.patch(`/api/v1/updates/${row.update.id}`).set(as(f.focal)).set('If-Match', `"${row.update.version}"`).send({ challenges: 'Edited online meanwhile.' }).expect(200);
    const before = await written();
    const res = await status(upload(await bytes(wb)), 409);
    expect(res.body.details.issues).toEqual([expect.objectContaining({ sheet: 'Pledges', row: rowOf(wb.getWorksheet('Pledges')!, f.pledges[3].reference).number, column: 'A', message: expect.stringContaining('stale') })]);
    expect(await written()).toEqual(before);
  });

  it('refuses another organisation’s workbook and another cycle’s', async () => {
    const wb = await download();
    fill(wb, 6, 'On track', 10);
    const file = await bytes(wb);
    const before = await written();
    const foreign = await upload(file, other).expect(403);
    expect(foreign.body.details.issues[0].message).toContain('another organisation');
    const wrongCycle = await upload(file, f.focal, '', f.previous).expect(400);
    expect(wrongCycle.body.details.issues).toEqual([expect.objectContaining({ message: expect.stringContaining('is for the 2026-H2 cycle, not 2026-H1') })]);
    expect(await written()).toEqual(before);
  });

  it('submits the imported updates when asked', async () => {
    const wb = await download();
    fill(wb, 6, 'Achieved', 100, 500);
    const res = await status(upload(await bytes(wb), f.focal, '?submit=true'), 200);
    // Every filled row is submitted: the new one and the two drafts listed as they are.
    expect(res.body).toMatchObject({ created: 1, updated: 2, submitted: 3 });
    expect(res.body.updates.map((u: { editorialStatus: string }) => u.editorialStatus)).toEqual(['submitted', 'submitted', 'submitted']);
    const queue = await t.http.get('/api/v1/review/updates?cycle=2026-H2').set(as(f.secretariat)).expect(200);
    expect(queue.body.items.map((i: { pledgeId: string }) => i.pledgeId)).toContain(f.pledges[6].id);
  });
});
