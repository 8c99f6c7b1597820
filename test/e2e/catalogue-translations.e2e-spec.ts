import { buildSnapshot, FrameworkSeeder } from '@gcm/framework';
import { sourceTexts } from '../../libs/framework/src/i18n/catalogue-i18n';
import { LOCALES, placeholders, SOURCE_LOCALE } from '@gcm/platform/pure';
import { bearer, createUser } from '../helpers/auth';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Translations spelled as the English is, rightly: not a text left untranslated. */
const SAME_AS_ENGLISH = new Set(['objective 3 shortLabel [fr]']);

/**
 * What a faithful translation keeps from the English: its numbers (paragraphs,
 * years) and placeholders exactly, its closing mark (a list's ";" or ":"), and
 * at least its Latin acronyms and bracketed asides (a translation may spell an
 * acronym out and keep it in brackets, or add its own, as ONG for NGO).
 */
function faithful(english: string, text: string): string[] {
  const closing = (s: string) => (/[;；؛]$/.test(s) ? ';' : /[:：]$/.test(s) ? ':' : /[.。]$/.test(s) ? '.' : '');
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).sort().join(' ');
  // IMRF is spelled out in each language, as the UN's own texts do.
  const acronyms = (s: string) => (s.match(/\b(?:[A-Z]{3,}|i-Map)\b/g) ?? []).filter((a) => a !== 'IMRF');
  const brackets = (s: string) => (s.match(/[(（]/g) ?? []).length;
  const out: string[] = [];
  if (numbers(text) !== numbers(english)) out.push(`numbers ${numbers(text)}, English has ${numbers(english)}`);
  if (placeholders(text).join() !== placeholders(english).join()) out.push(`placeholders {${placeholders(text).join()}}, English has {${placeholders(english).join()}}`);
  if (closing(text) !== closing(english)) out.push(`ends "${closing(text)}", English ends "${closing(english)}"`);
  const lost = acronyms(english).filter((a) => !text.includes(a));
  if (lost.length) out.push(`lost ${lost.join(', ')}`);
  if (brackets(text) < brackets(english)) out.push(`${brackets(text)} bracketed asides, English has ${brackets(english)}`);
  return out;
}

describe('the shipped catalogue translations (unofficial, all five languages besides English)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const rows = async () => t.dataSource.query<{ entity_kind: string; code: string; field: string; locale: string; text: string; source: string; version: number }[]>(
    'SELECT entity_kind, code, field, locale, text, source, version FROM catalogue_translation');

  it('every translatable text of the seeded catalogue has all six languages, unofficial, numbers, acronyms and placeholders kept', async () => {
    const english = sourceTexts(await buildSnapshot(t.dataSource.manager));
    expect(english.length).toBe(23 * 2 + 10 * 2 + 5 + 30 + 3 * 2 + 4);
    const byKey = new Map((await rows()).map((r) => [`${r.entity_kind}/${r.code}/${r.field}/${r.locale}`, r]));
    const problems: string[] = [];
    for (const src of english) {
      for (const locale of LOCALES.filter((l) => l !== SOURCE_LOCALE)) {
        const where = `${src.kind} ${src.code} ${src.field} [${locale}]`;
        const row = byKey.get(`${src.kind}/${src.code}/${src.field}/${locale}`);
        if (!row) { problems.push(`${where}: missing`); continue; }
        if (row.source !== 'unofficial') problems.push(`${where}: source ${row.source}`);
        if ((row.text === src.text && !SAME_AS_ENGLISH.has(where)) || !row.text.trim()) problems.push(`${where}: not translated`);
        for (const p of faithful(src.text, row.text)) problems.push(`${where}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the API answers commitments, SG recommendations and short labels in the language asked, labelled unofficial', async () => {
    const ar = await t.http.get('/api/v1/framework/themes/T2?lang=ar').expect(200);
    const c4 = ar.body.commitments.find((c: { code: string }) => c.code === 'T2.C4');
    expect(c4).toMatchObject({ textLang: 'ar', textSource: 'unofficial' });
    expect(c4.text).toMatch(/^تبادل البيانات/);
    const fr = await t.http.get('/api/v1/framework/recommendations').set('Accept-Language', 'fr').expect(200);
    expect(fr.body.find((r: { paragraph: number }) => r.paragraph === 102)).toMatchObject({
      shortTitle: 'Veiller au respect de l’obligation de non-refoulement aux frontières', shortTitleLang: 'fr', shortTitleSource: 'unofficial', textLang: 'fr',
    });
    const ru = await t.http.get('/api/v1/framework/objectives/13?lang=ru').expect(200);
    expect(ru.body).toMatchObject({ shortLabel: 'Альтернативы задержанию', shortLabelLang: 'ru', shortLabelSource: 'unofficial' });
    const zh = await t.http.get('/api/v1/framework/principles?lang=zh').expect(200);
    expect(zh.body.find((p: { key: string }) => p.key === 'e')).toMatchObject({ gist: '植根于《2030年可持续发展议程》', gistLang: 'zh' });
    const es = await t.http.get('/api/v1/framework/objectives/5?lang=es').expect(200);
    expect(es.body.recommendations).toContainEqual(expect.objectContaining({ paragraph: 101, shortTitleLang: 'es', shortTitleSource: 'unofficial' }));
  });

  it('a catalogue seeded before these texts shipped gets them as one audited framework version, leaving the secretariat\'s texts and edited English alone', async () => {
    const sec = await createUser(t, { role: 'secretariat' });
    // The catalogue as an earlier release left it: only titles and names translated.
    await t.dataSource.query(`DELETE FROM catalogue_translation WHERE field IN ('shortLabel', 'gist', 'text', 'shortTitle')`);
    // Since then the secretariat gave an official French short label, and rewrote a commitment's English.
    await t.dataSource.query(`INSERT INTO catalogue_translation (entity_kind, code, field, locale, text, source, version)
      VALUES ('objective', '5', 'shortLabel', 'fr', 'Voies régulières', 'official', 1)`);
    await t.dataSource.query(`UPDATE commitment SET text = 'Support structural frameworks for public-private partnerships on skills.' WHERE code = 'T5.C7'`);
    // A recommendation the secretariat adds has no shipped translation: English, marked so.
    await t.http.post('/api/v1/framework/recommendations').set(bearer(sec.accessToken)).send({
      paragraph: 104, shortTitle: 'Ensure access to services for all migrants', text: 'Member States should ensure access to basic services.', objectives: [15],
    }).expect(201);
    const [{ before }] = await t.dataSource.query('SELECT max(version)::int AS before FROM framework_version');

    await expect(t.app.get(FrameworkSeeder).seed(t.dataSource)).resolves.toEqual({ seeded: false });

    const [{ version, note }] = await t.dataSource.query('SELECT version, note FROM framework_version ORDER BY version DESC LIMIT 1');
    expect(version).toBe(before + 1);
    expect(note).toBe('Unofficial translations shipped with the platform');
    const shipped = (await rows()).filter((r) => r.version === version);
    // 23 short labels, 10 gists, 30 commitments, 3 × 2 recommendation texts, in five languages; less the official one and the rewritten commitment.
    expect(shipped).toHaveLength((23 + 10 + 30 + 6) * 5 - 1 - 5);
    const [audit] = await t.dataSource.query(`SELECT actor_role, after FROM audit_log WHERE action = 'framework.translations.ship' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({
      actor_role: 'system', after: { version, translations: shipped.length, languages: { ar: 68, zh: 68, fr: 67, ru: 68, es: 68 }, source: 'unofficial' },
    });
    const snapshot = (await t.dataSource.query('SELECT snapshot FROM framework_version WHERE version = $1', [version]))[0].snapshot;
    expect(snapshot.translations).toContainEqual(expect.objectContaining({ entityKind: 'commitment', code: 'T2.C4', locale: 'zh', source: 'unofficial' }));

    const fr = await t.http.get('/api/v1/framework/objectives/5?lang=fr').expect(200);
    expect(fr.body).toMatchObject({ shortLabel: 'Voies régulières', shortLabelSource: 'official' });
    const t5 = await t.http.get('/api/v1/framework/themes/T5?lang=es').expect(200);
    expect(t5.body.commitments.find((c: { code: string }) => c.code === 'T5.C7')).toMatchObject({ textLang: 'en', textSource: 'original' });
    expect(t5.body.commitments.find((c: { code: string }) => c.code === 'T5.C6')).toMatchObject({ textLang: 'es', textSource: 'unofficial' });
    const recs = await t.http.get('/api/v1/framework/recommendations?lang=ar').expect(200);
    expect(recs.body.find((r: { paragraph: number }) => r.paragraph === 104)).toMatchObject({
      shortTitle: 'Ensure access to services for all migrants', shortTitleLang: 'en', shortTitleSource: 'original',
    });

    // Once shipped, seeding again writes nothing.
    await expect(t.app.get(FrameworkSeeder).seed(t.dataSource)).resolves.toEqual({ seeded: false });
    await t.http.get('/api/v1/framework/version').expect(200).expect((r) => expect(r.body.version).toBe(version));
  });
});
