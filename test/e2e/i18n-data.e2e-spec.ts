import ExcelJS from 'exceljs';
import { textSearchSql } from '@gcm/platform';
import { bearer, createUser, CreatedUser, stateOrganisationId } from '../helpers/auth';
import { createPledge, publishedPledge, text } from '../helpers/pledges';
import { createTestApp, TestApp } from '../helpers/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


describe('the six languages on the server: API language, catalogue translations, content language, search', () => {
  let t: TestApp;
  let sec: CreatedUser;
  let fra: CreatedUser;

  beforeAll(async () => {
    t = await createTestApp();
    sec = await createUser(t, { role: 'secretariat' });
    fra = await createUser(t, { role: 'focal_point', organisationAlpha3: 'FRA' });
  });
  afterAll(() => t.close());

  describe('API language', () => {
    it('answers catalogue titles in the language of Accept-Language or ?lang=, says which (an English fallback, marked: catalogue-translations.e2e-spec)', async () => {
      const fr = await t.http.get('/api/v1/framework/objectives/5').set('Accept-Language', 'fr-CH, en;q=0.5').expect(200);
      expect(fr.headers['content-language']).toBe('fr');
      expect(fr.headers.vary).toMatch(/Accept-Language/i);
      expect(fr.body).toMatchObject({
        number: 5, title: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
        titleLang: 'fr', titleSource: 'unofficial',
        shortLabel: 'Voies de migration régulière', shortLabelLang: 'fr', shortLabelSource: 'unofficial',
      });
      const ar = await t.http.get('/api/v1/framework/round-tables/RT2?lang=ar').set('Accept-Language', 'fr').expect(200);
      expect(ar.headers['content-language']).toBe('ar');
      expect(ar.body.title).toBe('المائدة المستديرة 2 لمنتدى استعراض الهجرة الدولية 2022');
      expect(ar.body.objectives.find((o: { number: number }) => o.number === 4)).toMatchObject({ titleLang: 'ar' });
      const zh = await t.http.get('/api/v1/framework/principles?lang=zh').expect(200);
      expect(zh.body.find((p: { key: string }) => p.key === 'f')).toMatchObject({ name: '人权', nameLang: 'zh', gistLang: 'zh' });
      const en = await t.http.get('/api/v1/framework/objectives/5').expect(200);
      expect(en.headers['content-language']).toBe('en');
      expect(en.body.title).toBe('Enhance availability and flexibility of pathways for regular migration');
      expect(en.body).not.toHaveProperty('titleLang');
    });

    it('names countries and regions from CLDR in the requested language', async () => {
      const zh = await t.http.get('/api/v1/framework/countries/FRA?lang=zh').expect(200);
      expect(zh.body).toMatchObject({ alpha3: 'FRA', name: '法国', nameLang: 'zh', region: '欧洲' });
      const ru = await t.http.get('/api/v1/framework/countries?region=Africa').set('Accept-Language', 'ru').expect(200);
      expect(ru.body.find((c: { alpha3: string }) => c.alpha3 === 'EGY')).toMatchObject({ name: 'Египет', region: 'Африка', nameLang: 'ru' });
      const en = await t.http.get('/api/v1/framework/countries/BOL').expect(200);
      const [{ name }] = await t.dataSource.query("SELECT name FROM country WHERE alpha3 = 'BOL'");
      expect(en.body.name).toBe(name); // the UN's own name in English, not CLDR's
      expect(en.body).not.toHaveProperty('nameLang');
    });

    it('refuses an unknown ?lang= with 400 listing the six, on any route, and accepts lang beside a route\'s own parameters', async () => {
      for (const url of ['/api/v1/framework/objectives?lang=de', '/api/v1/pledges?limit=5&lang=xx', '/api/v1/framework/version?lang=']) {
        const res = await t.http.get(url).expect(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.details).toEqual([{ field: 'lang', messages: [expect.stringContaining('ar, zh, en, fr, ru, es')] }]);
      }
      const ok = await t.http.get('/api/v1/pledges?limit=5&lang=es').expect(200);
      expect(ok.headers['content-language']).toBe('es');
      await t.http.get('/api/v1/pledges?limit=5&unknown=1&lang=es').expect(400);
    });

    it('localises error messages and field messages, never codes or field names', async () => {
      const missing = await t.http.get('/api/v1/framework/objectives/99').set('Accept-Language', 'fr').expect(404);
      expect(missing.body).toMatchObject({ code: 'not_found', message: 'Introuvable' });
      const missingEn = await t.http.get('/api/v1/framework/objectives/99').expect(404);
      expect(missingEn.body.message).toBe('Objective 99 not found');
      const bad = await t.http.post('/api/v1/pledges?lang=es').set(bearer(fra.accessToken))
        .send({ title: 'Hi', description: 'short', form: 'policy', alignment: { objectives: [{ number: 5, primary: true }] }, stray: 1 }).expect(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(bad.body.message).toBe('La validación ha fallado');
      const byField = Object.fromEntries(bad.body.details.map((d: { field: string; messages: string[] }) => [d.field, d.messages]));
      expect(byField.title).toEqual(['title debe tener entre 5 y 300 caracteres']);
      expect(byField.stray).toEqual(['stray no es un campo aceptado']);
      const ru = await t.http.get('/api/v1/pledges?limit=500').set('Accept-Language', 'ru').expect(400);
      expect(ru.body.details[0].messages[0]).toMatch(/^limit не может быть больше 100$/);
      const ar = await t.http.post('/api/v1/pledges').set(bearer(fra.accessToken)).set('Accept-Language', 'ar').send({ title: 'x' }).expect(400);
      expect(ar.body.message).toBe('فشل التحقق من صحة البيانات');
    });
  });

  describe('catalogue translation workbook', () => {
    const exportBook = async () => {
      const res = await t.http.get('/api/v1/framework/translations/workbook').set(bearer(sec.accessToken)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(res.headers['content-type']).toContain(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      return wb;
    };
    const rowOf = (ws: ExcelJS.Worksheet, kind: string, code: string, field: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row) => {
        if (row.getCell(1).value === kind && row.getCell(2).value === code && row.getCell(3).value === field) found = row;
      });
      if (!found) throw new Error(`no row ${kind} ${code} ${field}`);
      return found;
    };
    const upload = async (wb: ExcelJS.Workbook, fields: Record<string, string> = {}) => {
      let req = t.http.post('/api/v1/framework/translations/workbook').set(bearer(sec.accessToken));
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('file', Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'translations.xlsx', contentType: XLSX });
    };
    const state = async () => ({
      rows: (await t.dataSource.query('SELECT count(*)::int AS n FROM catalogue_translation'))[0].n,
      version: (await t.dataSource.query('SELECT max(version)::int AS v FROM framework_version'))[0].v,
    });

    it('exports the English source with one column per language, prefilled with the shipped translations', async () => {
      const ws = (await exportBook()).getWorksheet('Translations')!;
      expect(ws.getRow(1).values).toEqual([undefined, 'kind', 'code', 'field', 'en', 'ar', 'zh', 'fr', 'ru', 'es']);
      const five = rowOf(ws, 'objective', '5', 'title');
      expect(five.getCell(4).value).toBe('Enhance availability and flexibility of pathways for regular migration');
      expect(five.getCell(9).value).toBe('Aumentar la disponibilidad y flexibilidad de las vías de migración regular');
      expect(rowOf(ws, 'commitment', 'T2.C4', 'text').getCell(7).value).toMatch(/^Partager des données sur la migration/);
    });

    it('reports every bad cell (unknown language, extra and missing keys, placeholders) and writes nothing', async () => {
      const before = await state();
      const wb = await exportBook();
      const ws = wb.getWorksheet('Translations')!;
      ws.getRow(1).getCell(11).value = 'de';
      rowOf(ws, 'objective', '3', 'title').getCell(7).value = 'Fournir {count} informations';
      const extra = ws.addRow(['objective', '99', 'title', 'No such objective', '', '', 'Aucun']);
      ws.spliceRows(rowOf(ws, 'principle', 'c', 'gist').number, 1);
      const res = await upload(wb);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['K1', 'Translations']));
      expect(res.body.details).toEqual(expect.arrayContaining([
        { field: 'K1', messages: [expect.stringContaining('unknown language column "de"')] },
        { field: 'Translations', messages: ['missing key: no row for the gist of principle c'] },
      ]));
      expect(res.body.details.find((d: { messages: string[] }) => d.messages[0].startsWith('placeholders'))).toBeDefined();
      expect(res.body.details.find((d: { messages: string[] }) => d.messages[0].startsWith('extra key'))?.field).toBe(`A${extra.number - 1}`);
      expect(await state()).toEqual(before);
    });

    it('imports a filled workbook as a new framework version, official, audited, and serves it at once', async () => {
      const before = await state();
      const wb = await exportBook();
      const ws = wb.getWorksheet('Translations')!;
      rowOf(ws, 'objective', '5', 'shortLabel').getCell(7).value = 'Voies régulières';
      rowOf(ws, 'commitment', 'T2.C4', 'text').getCell(8).value = 'Укрепление сотрудничества';
      const res = await upload(wb, { source: 'official', frameworkVersion: String(before.version), note: 'Official French labels' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ frameworkVersion: before.version + 1, source: 'official', languages: { fr: 1, ru: 1 } });
      // Unchanged shipped texts were read back too: only what changed is written, and marked official.
      expect(res.body.written).toBe(2);
      const five = await t.http.get('/api/v1/framework/objectives/5?lang=fr').expect(200);
      expect(five.body).toMatchObject({ shortLabel: 'Voies régulières', shortLabelSource: 'official', titleSource: 'unofficial' });
      const [audit] = await t.dataSource.query("SELECT actor_id, after FROM audit_log WHERE action = 'framework.translations.import' ORDER BY id DESC LIMIT 1");
      expect(audit.actor_id).toBe(sec.user.id);
      expect(audit.after.frameworkVersion).toBe(before.version + 1);
      const [{ snapshot }] = await t.dataSource.query('SELECT snapshot FROM framework_version WHERE version = $1', [before.version + 1]);
      expect(snapshot.translations).toContainEqual(expect.objectContaining({ code: '5', field: 'shortLabel', locale: 'fr', source: 'official' }));
      expect((await upload(wb, { frameworkVersion: String(before.version) })).status).toBe(409);
      await t.http.get('/api/v1/framework/translations/workbook').set(bearer(fra.accessToken)).expect(403);
    });
  });

  describe('content language', () => {
    it('stores a canonical BCP 47 tag, defaults to the organisation\'s, and refuses a malformed one', async () => {
      const tagged = await createPledge(t, fra, { language: 'fr-ca' });
      expect(tagged.language).toBe('fr-CA');
      await t.dataSource.query("UPDATE organisation SET language = 'fr' WHERE country_alpha3 = 'FRA'");
      expect((await createPledge(t, fra)).language).toBe('fr');
      const bad = await t.http.post('/api/v1/pledges').set(bearer(fra.accessToken)).send({ language: 'not a tag!' });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toContainEqual({ field: 'language', messages: ['language must be a BCP 47 language tag such as fr, ar or zh-Hans'] });
      const org = await t.http.patch('/api/v1/organisations/mine').set(bearer(fra.accessToken)).send({ language: 'FR' });
      expect(org.status).toBe(200);
      expect(org.body.language).toBe('fr');
      await t.http.patch('/api/v1/organisations/mine').set(bearer(fra.accessToken)).send({ language: null }).expect(400);
    });

    it('keeps right-to-left text inside left-to-right text (and the reverse) exactly as typed, with its tag, in public', async () => {
      const latinTitle = 'Programme \u2067حماية المهاجرين\u2069 for 2026';
      const arabic = `حماية حقوق العمال المهاجرين في إطار GCM-P-2026-00042 و IOM (2026) ${text(320, 'مع الشركاء')}`;
      const published = await publishedPledge(t, fra, sec, { title: latinTitle, description: arabic, language: 'ar' });
      const pub = await t.http.get(`/api/v1/pledges/${published.reference}`).expect(200);
      expect(pub.body).toMatchObject({ title: latinTitle, description: arabic, language: 'ar' });
      expect(Buffer.from(pub.body.description).equals(Buffer.from(arabic))).toBe(true);
    });
  });

  describe('full-text search in the six languages', () => {
    const refs: Record<string, string> = {};
    beforeAll(async () => {
      const col = await createUser(t, { role: 'focal_point', organisationAlpha3: 'COL' });
      const pub = async (title: string, description: string, language: string) =>
        (await publishedPledge(t, col, sec, { title, description: text(400, description), language })).reference;
      refs.fr = await pub('Éducation des enfants réfugiés', 'Écoles accueillantes et formation des enseignants', 'fr');
      refs.ru = await pub('Защита прав трудящихся-мигрантов', 'Правовая помощь мигрантам и их семьям', 'ru');
      refs.ar = await pub('حماية حقوق العمال المهاجرين', 'تقديم المساعدة القانونية للمهاجرين وأسرهم', 'ar');
      refs.zh = await pub('保护移民工人的权利', '为移民及其家庭提供法律援助', 'zh');
      refs.es = await pub('Integración de migrantes venezolanos', 'Acceso a la educación y a la salud', 'es');
    });
    const search = async (q: string, lang = 'en') => {
      const res = await t.http.get(`/api/v1/pledges?limit=100&q=${encodeURIComponent(q)}&lang=${lang}`).expect(200);
      return res.body.items.map((p: { reference: string }) => p.reference) as string[];
    };

    it('French with and without accents, and by a French stem', async () => {
      expect(await search('éducation enfants', 'fr')).toEqual([refs.fr]);
      expect(await search('education enfants', 'fr')).toEqual([refs.fr]);
      expect(await search('refugie', 'fr')).toEqual([refs.fr]); // réfugiés: accent and plural folded by the French stemmer
      expect(await search('Education', 'en')).toContain(refs.fr); // any interface language finds it by its word
    });

    it('Russian with another word ending, whatever the interface language', async () => {
      expect(await search('мигранты', 'ru')).toContain(refs.ru);
      expect(await search('защиту трудящихся', 'en')).toEqual([refs.ru]);
    });

    it('Arabic and Chinese', async () => {
      expect(await search('المهاجرين', 'ar')).toContain(refs.ar);
      expect(await search('حقوق العمال', 'fr')).toContain(refs.ar);
      expect(await search('移民工人', 'zh')).toEqual([refs.zh]);
      expect(await search('法律援助', 'en')).toEqual([refs.zh]);
      expect(await search('移民', 'zh')).toEqual([refs.zh]);
    });

    it('Spanish content from a French interface, and the GIN index still serves the query', async () => {
      expect(await search('integracion venezolanos', 'fr')).toEqual([refs.es]);
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off');
        for (const locale of ['fr', 'zh'] as const) {
          const plan = await runner.query(`EXPLAIN SELECT id FROM pledge p WHERE ${textSearchSql('p.search', '$1', locale).where}`, ['移民 éducation']);
          expect(plan.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain('ix_pledge_search');
        }
      } finally {
        await runner.release();
      }
    });
  });

  it('gives an Arabic State organisation Arabic content by default', async () => {
    const egyId = await stateOrganisationId(t, 'EGY');
    await t.dataSource.query("UPDATE organisation SET language = 'ar' WHERE id = $1", [egyId]);
    const egy = await createUser(t, { role: 'focal_point', organisationId: egyId });
    expect((await createPledge(t, egy)).language).toBe('ar');
  });
});
