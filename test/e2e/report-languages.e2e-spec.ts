import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { QueueService } from '@gcm/platform';
import { handMadeDataset } from '../../libs/reports/src/testing/hand-made.fixture';
import { pdfCatalog, pdfFonts, pdfToText, structureTree } from '../../libs/reports/src/testing/pdf-text';
import { bearer, createUser, CreatedUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';
import { obliterateQueues, startWorker, waitFor } from '../helpers/worker';
import { seedReportDataset } from '../support/report-dataset.seeder';

/** Arabic and Chinese as focal points write them: whole sentences, no Latin or digits inside, so the logical order is unambiguous. */
const AR = {
  title: 'برنامج حماية المهاجرين في البحر',
  description: 'يهدف هذا التعهد إلى إنقاذ الأرواح وتنسيق الجهود الدولية بشأن المهاجرين المفقودين.',
  actions: 'أنشأنا مركزا وطنيا لتنسيق البحث والإنقاذ ودربنا فرق خفر السواحل على إجراءات جديدة.',
};
const ZH = {
  title: '移民安全与救助方案',
  description: '本承诺旨在拯救生命，并协调各国关于失踪移民的国际努力。',
  actions: '我们设立了国家搜救协调中心，并对海岸警卫队进行了新程序培训。',
};
/** pdftotext marks right-to-left runs with embedding controls; words are what a reader compares. */
const plain = (text: string) => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');

describe('reports in the six languages', () => {
  let t: TestApp;
  let worker: INestApplication;
  let sec: CreatedUser;
  const arabicState = { alpha3: '' };
  const chineseState = { alpha3: '' };
  const request = (body: object) => t.http.post('/api/v1/reports/requests').set(bearer(sec.accessToken)).send(body);
  const finished = (id: string) => waitFor(async () => {
    const r = (await t.http.get(`/api/v1/reports/runs/${id}`).set(bearer(sec.accessToken))).body;
    if (r.status === 'failed') throw new Error(`report failed: ${r.error}`);
    return r.status === 'completed' ? r : null;
  }, `run ${id} to finish`, 120_000);
  const download = async (versionId: string, format: string, token = sec.accessToken) => {
    const get = t.http.get(`/api/v1/reports/${versionId}/download.${format}`);
    const res = await (token ? get.set(bearer(token)) : get).buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return { bytes: res.body as Buffer, language: res.headers['content-language'] };
  };
  const built = async (body: object) => {
    const res = await request(body);
    expect(res.status).toBe(202);
    return (await finished(res.body.id)).versionId as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    const data = handMadeDataset();
    // p01 (validated) is written in Arabic, p04 (validated) in Chinese.
    for (const [id, text, holder] of [['p01', AR, arabicState], ['p04', ZH, chineseState]] as const) {
      const p = data.pledges.find((x) => x.id === id)!;
      Object.assign(p, { title: text.title, description: text.description });
      Object.assign(data.updates.find((u) => u.pledgeId === id)!, { lifecycle: 'validated', actionsTaken: text.actions });
      holder.alpha3 = data.organisations.find((o) => o.id === p.leadOrganisationId)!.countryAlpha3!;
    }
    await seedReportDataset(t.dataSource, data);
    worker = await startWorker();
  });
  afterAll(async () => {
    if (t) await obliterateQueues(t.app.get(QueueService));
    await worker?.close();
    await t?.close();
  });

  it('refuses an unknown language with a 400 that lists the six, and stores no run', async () => {
    const res = await request({ kind: 'objective', scope: '8', cycle: '2026-H1', language: 'de' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('language must be one of ar, zh, en, fr, ru, es');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM report_run'))[0].n).toBe(0);
  });

  it('prints a State report in Arabic: shaped, right to left, fonts embedded, text read back in logical order', async () => {
    const id = await built({ kind: 'state', scope: arabicState.alpha3, cycle: '2026-H1', language: 'ar' });
    const pdf = await download(id, 'pdf');
    expect(pdf.language).toBe('ar');
    const text = plain(pdfToText(pdf.bytes, false));
    for (const s of [AR.title, AR.description, AR.actions]) expect(text).toContain(s);
    // The report's own headings are Arabic too.
    expect(text).toContain('الإجراءات المتخذة');
    const fonts = pdfFonts(pdf.bytes);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['NotoSansArabic-Regular']));
    expect(fonts.every((f) => f.embedded && f.subset && f.unicode)).toBe(true);
    // Tagged, in Arabic: the structure tree reads the content in logical order too.
    expect(pdfCatalog(pdf.bytes)).toEqual({ lang: 'ar', marked: true, structTreeRoot: true, displayDocTitle: true });
    const tree = structureTree(pdf.bytes);
    expect(tree.filter((n) => n.type === 'H1')).toHaveLength(1);
    expect(tree.filter((n) => n.type === 'H2').length).toBeGreaterThan(1);
    // The tree's marked content holds the Arabic glyphs in visual order (poppler's -struct-text does not reorder); pdftotext, above, reads them logically.
    expect(tree.some((n) => n.type === 'TH')).toBe(true);

    const html = (await download(id, 'html')).bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain(AR.actions);
    const json = JSON.parse((await download(id, 'json')).bytes.toString('utf8'));
    expect(json.metadata.language).toBe('ar');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(id, 'xlsx')).bytes as unknown as ArrayBuffer);
    const about = wb.worksheets[0];
    expect(about.views[0]).toMatchObject({ rightToLeft: true });
    expect(about.getColumn(2).values).toContain('ar');
    for (const ws of wb.worksheets) expect(ws.name.length).toBeLessThanOrEqual(31);
    const csv = (await download(id, 'csv')).bytes;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(AR.title);
  });

  it('prints a State report in Chinese with the Chinese font embedded and the text read back', async () => {
    const id = await built({ kind: 'state', scope: chineseState.alpha3, cycle: '2026-H1', language: 'zh' });
    const pdf = await download(id, 'pdf');
    const text = pdfToText(pdf.bytes, false).replace(/\s+/g, '');
    for (const s of [ZH.title, ZH.description, ZH.actions]) expect(text).toContain(s);
    expect(text).toContain('已采取的行动');
    const fonts = pdfFonts(pdf.bytes);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['NotoSansSC-Regular']));
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
    expect(pdfCatalog(pdf.bytes)).toMatchObject({ lang: 'zh', marked: true, structTreeRoot: true });
    const tree = structureTree(pdf.bytes);
    expect(tree.map((n) => n.text).join('').replace(/\s+/g, '')).toContain(ZH.actions);
    expect(tree.filter((n) => /^H[1-4]$/.test(n.type)).map((n) => n.type)[0]).toBe('H1');
    expect((await download(id, 'html')).bytes.toString('utf8')).toMatch(/<html lang="zh" dir="ltr">/);
  });

  it('keys versions by language: English and French of one report coexist, and the public lists both', async () => {
    const en = await built({ kind: 'objective', scope: '8', cycle: '2026-H1' });
    const fr = await built({ kind: 'objective', scope: '8', cycle: '2026-H1', language: 'fr' });
    expect(fr).not.toBe(en);
    const versions = (await t.http.get('/api/v1/reports/versions?kind=objective&scope=8').set(bearer(sec.accessToken))).body.items;
    expect(versions.map((v: { language: string; number: number }) => [v.language, v.number]).sort()).toEqual([['en', 1], ['fr', 1]]);
    // The same request again is the same version: the identical-request dedup holds per language.
    expect(await built({ kind: 'objective', scope: '8', cycle: '2026-H1', language: 'fr' })).toBe(fr);

    expect((await t.http.post('/api/v1/reports/versions/publish').set(bearer(sec.accessToken)).send({ ids: [en, fr] })).status).toBe(200);
    const list = await t.http.get('/api/v1/reports?kind=objective&scope=8');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    for (const v of list.body.items) {
      expect(v.languages.map((l: { language: string; versionId: string }) => [l.language, l.versionId])).toEqual([['en', en], ['fr', fr]]);
    }
    const french = await t.http.get('/api/v1/reports?kind=objective&scope=8&language=fr');
    expect(french.body.items.map((v: { id: string }) => v.id)).toEqual([fr]);
    const frJson = JSON.parse((await download(fr, 'json', '')).bytes.toString('utf8'));
    expect(frJson.metadata.language).toBe('fr');
    expect((await download(en, 'html', '')).bytes.toString('utf8')).toMatch(/<html lang="en" dir="ltr">/);
    expect((await t.http.get('/api/v1/reports?language=xx')).status).toBe(400);
  });
  it('titles the catalogue in the report language: a French theme report names the theme as the framework answers it in French', async () => {
    const theme = (await t.http.get('/api/v1/framework/themes/T1?lang=fr')).body;
    expect(theme.titleLang).toBe('fr');
    const english = (await t.http.get('/api/v1/framework/themes/T1')).body.title;
    const fr = await built({ kind: 'theme', scope: 'T1', cycle: '2026-H1', language: 'fr' });
    const doc = JSON.parse((await download(fr, 'json')).bytes.toString('utf8'));
    expect(doc.title).toBe(`Thème T1 : ${theme.title}`);
    expect(doc.title).not.toContain(english);
    expect(doc.sections[0].title).toBe('Résumé');
    // A region named by CLDR in Arabic, its States too.
    const ar = await built({ kind: 'region', scope: '150', cycle: '2026-H1', language: 'ar' });
    const region = JSON.parse((await download(ar, 'json')).bytes.toString('utf8'));
    const arabicEurope = new Intl.DisplayNames(['ar'], { type: 'region' }).of('150')!;
    expect(region.title.replace(/[\u2068\u2069]/g, '')).toContain(arabicEurope);
    const states = region.sections.flatMap((s: { blocks: { id?: string; rows?: { state: string }[] }[] }) => s.blocks).find((b: { id?: string }) => b.id === 'states');
    expect(states.rows.map((r: { state: string }) => r.state)).toContain(new Intl.DisplayNames(['ar'], { type: 'region' }).of('FR'));
  });
  it('names SG recommendations and actionable commitments in the report language, from the shipped translations', async () => {
    const rec = (await t.http.get('/api/v1/framework/recommendations?lang=fr')).body.find((r: { paragraph: number }) => r.paragraph === 101);
    expect(rec).toMatchObject({ shortTitleLang: 'fr', shortTitleSource: 'unofficial' });
    const fr = JSON.stringify(JSON.parse((await download(await built({ kind: 'objective', scope: '5', cycle: '2026-H1', language: 'fr' }), 'json')).bytes.toString('utf8')));
    expect(fr).toContain(`Recommandation du SG, par. 101 : ${rec.shortTitle}`);
    const c6 = (await t.http.get('/api/v1/framework/themes/T2?lang=ar')).body.commitments.find((c: { code: string }) => c.code === 'T2.C6');
    expect(c6).toMatchObject({ textLang: 'ar', textSource: 'unofficial' });
    const ar = JSON.stringify(JSON.parse((await download(await built({ kind: 'theme', scope: 'T2', cycle: '2026-H1', language: 'ar' }), 'json')).bytes.toString('utf8')));
    expect(ar).toContain(c6.text);
    expect(ar).not.toContain('Support Integrated Border Management measures');
  });
});
