import ExcelJS from 'exceljs';
import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { count, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const HEAD = 'Title,Description,Form,Objectives,Principles,Recommendations,Commitments,Countries,Start date,Target date,Budget,Currency,Indicator,Unit,Direction,Baseline,Baseline date,Target,Target value date';
const row = (title: string, extra: Partial<Record<'form' | 'objectives' | 'start' | 'target' | 'currency', string>> = {}) =>
  [title, `"${text(400, 'Regular pathways for labour migrants')}"`, extra.form ?? 'Policy', extra.objectives ?? '5*; 8', 'a; c', '101', 'T1.C1', 'KEN; UGA',
    extra.start ?? '2026-01-01', extra.target ?? '2028-12-31', '100000', extra.currency ?? 'USD', 'Migrants informed', 'people', 'Increase', '0', '2025-12-31', '5000', '2028-12-31'].join(',');

describe('secretariat bulk import of an organisation’s pledges (CSV or XLSX): per-cell report, all or nothing, idempotent by file', () => {
  let t: TestApp;
  let secretariat: CreatedUser;
  let focal: CreatedUser;
  let ken: string;
  const url = () => `/api/v1/organisations/${ken}/pledges/import`;
  const send = (file: Buffer, name: string, who: CreatedUser = secretariat) =>
    t.http.post(url()).set(bearer(who.accessToken)).attach('file', file, { filename: name, contentType: name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await createUser(t, { role: 'secretariat' });
    focal = await createUser(t, { role: 'focal_point', organisationAlpha3: 'KEN' });
    ken = await stateOrganisationId(t, 'KEN');
  });
  afterAll(() => t.close());

  it('reports every bad cell by row and column and writes nothing', async () => {
    const csv = [HEAD, row('Good pledge one'), row('Bad form', { form: 'Wishful' }), row('Bad objective', { objectives: '99' }),
      row('Bad currency', { currency: 'XYZ' }), row('Good pledge one'), row('Bad date', { start: '2026-13-45' })].join('\n');
    const before = [await count(t, 'pledge'), await count(t, 'audit_log')];
    const res = await send(Buffer.from(csv), 'pledges.csv').expect(400);
    const at = (res.body.details.issues as { row: number; column: string; message: string }[]).map((i) => `${i.row}${i.column}`);
    expect(at).toEqual(expect.arrayContaining(['3C', '4D', '5L', '6A', '7I']));
    expect(res.body.details.issues.find((i: { row: number }) => i.row === 6).message).toContain('listed twice (also on row 2)');
    expect([await count(t, 'pledge'), await count(t, 'audit_log')]).toEqual(before);
    await send(Buffer.from('%PDF-1.7 nope'), 'pledges.xlsx').expect(400);
    await send(Buffer.from(csv), 'pledges.csv', focal).expect(403);
  });

  it('imports a CSV as drafts of the organisation, and the same file twice creates them once', async () => {
    const csv = Buffer.from([HEAD, row('Migrant resource centres in Nairobi'), row('Pre-departure training in Mombasa')].join('\n'));
    const res = await send(csv, 'pledges.csv').expect(200);
    expect(res.body).toMatchObject({ created: 2, replayed: false, pledges: [expect.objectContaining({ row: 2 }), expect.objectContaining({ row: 3 })] });
    const mine = await t.http.get('/api/v1/my/pledges').set(bearer(focal.accessToken)).expect(200);
    expect(mine.body.items.map((p: { title: string }) => p.title).sort()).toEqual(['Migrant resource centres in Nairobi', 'Pre-departure training in Mombasa']);
    const working = await t.http.get(`/api/v1/pledges/${res.body.pledges[0].id}`).set(bearer(focal.accessToken)).expect(200);
    expect(working.body).toMatchObject({ status: 'draft', form: 'policy', budget: { amount: 100000, currency: 'USD' } });
    expect(working.body.indicators).toEqual([expect.objectContaining({ name: 'Migrants informed', unit: 'people', direction: 'increase' })]);
    const audits = await t.dataSource.query("SELECT after->>'via' AS via FROM audit_log WHERE action = 'pledge.create' AND entity_id = ANY($1)", [res.body.pledges.map((p: { id: string }) => p.id)]);
    expect(audits).toEqual([{ via: 'import' }, { via: 'import' }]);
    const pledges = await count(t, 'pledge');
    const again = await send(csv, 'pledges.csv').expect(200);
    expect(again.body).toMatchObject({ replayed: true, created: 2 });
    expect(await count(t, 'pledge')).toBe(pledges);
  });

  it('reads the same columns from an XLSX, refusing a formula and an extra sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pledges');
    ws.addRow(HEAD.split(','));
    ws.addRow(['Return and reintegration support', text(400, 'Reintegration for returnees'), 'Technical', '21*', 'a', '', '', 'KEN', '2026-01-01', '2027-12-31', 5000, 'EUR']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    ws.getCell('K2').value = { formula: '2500*2', result: 5000 } as ExcelJS.CellValue;
    wb.addWorksheet('Notes');
    const bad = await send(Buffer.from(await wb.xlsx.writeBuffer()), 'pledges.xlsx').expect(400);
    expect(bad.body.details.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ sheet: 'Pledges', row: 2, column: 'K', message: expect.stringContaining('formula') }),
      expect.objectContaining({ sheet: 'Notes' }),
    ]));
    const ok = await send(good, 'pledges.xlsx').expect(200);
    expect(ok.body.created).toBe(1);
  });
});
