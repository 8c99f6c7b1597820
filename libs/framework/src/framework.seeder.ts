import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, AuditService, resolveSeedDir } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  CatalogueTranslation, Commitment, Consideration, Country, FrameworkVersion, GuidingQuestion, Objective, ObjectiveTheme, Principle, Recommendation, RoundTable, Theme,
} from './entities';
import { CatalogueSource, loadCatalogueSource, loadShippedTranslations } from './seed';
import { sourceTexts, textKey, type TranslationRow } from './i18n/catalogue-i18n';
import { buildSnapshot, type CatalogueSnapshot } from './framework.snapshot';

/**
 * The brief's recommendations are headed by what they protect; these are the
 * objectives those headings name (pathways → 5, borders → 11, legal identity → 4).
 * The secretariat can change the links; they are a starting point, not a source fact.
 */
export const DEFAULT_RECOMMENDATION_OBJECTIVES: Record<number, number[]> = { 101: [5], 102: [11], 103: [4] };
const RECOMMENDATION_SOURCE = 'IOM issue brief, Promoting safe and regular migration (2022)';

@Injectable()
export class FrameworkSeeder {
  private readonly logger = new Logger(FrameworkSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Seeds version 1 once; a second run finds a version and changes nothing. */
  async seed(dataSource: DataSource): Promise<{ seeded: boolean }> {
    const dir = resolveSeedDir(this.config.SEED_DIR);
    const source = loadCatalogueSource(dir);
    const translations = loadShippedTranslations(dir);
    return dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE framework_version IN EXCLUSIVE MODE');
      if ((await m.count(FrameworkVersion)) > 0) {
        await this.shipTranslations(m, translations);
        await this.shipGuidingQuestions(m, source);
        return { seeded: false };
      }
      await insertCatalogue(m, source);
      await insertTranslations(m, translations, 1);
      const snapshot = await buildSnapshot(m);
      await m.insert(FrameworkVersion, { version: 1, note: 'Seeded from seeds/sources', createdBy: null, snapshot });
      await this.audit.record(m, {
        action: 'framework.seed', entityType: 'framework_version', entityId: 1, after: { version: 1 }, actorId: null, actorRole: 'system',
      });
      this.logger.log(`framework catalogue seeded: ${source.objectives.length} objectives, ${source.countries.length} countries`);
      return { seeded: true };
    });
  }

  /**
   * A catalogue seeded before guiding questions were kept gets seed 003's once,
   * as a new framework version. Once any version has held questions they are
   * the secretariat's: removing them all does not bring the seed's back.
   */
  private async shipGuidingQuestions(m: EntityManager, source: CatalogueSource): Promise<void> {
    const [{ held }] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM guiding_question) OR EXISTS (SELECT 1 FROM framework_version
         WHERE jsonb_path_exists(snapshot::jsonb, '$.roundTables[*].guidingQuestions[*]')) AS held`);
    if (held || !source.guidingQuestions.questions.length) return;
    const [{ current }] = await m.query('SELECT max(version)::int AS current FROM framework_version');
    const version = current + 1;
    await insertGuidingQuestions(m, source);
    await m.insert(FrameworkVersion, { version, note: `Guiding questions of ${source.guidingQuestions.roundTable} from its background note`, createdBy: null, snapshot: await buildSnapshot(m) });
    await this.audit.record(m, {
      action: 'framework.guiding_questions.ship', entityType: 'round_table', entityId: source.guidingQuestions.roundTable,
      after: { version, questions: source.guidingQuestions.questions.length }, actorId: null, actorRole: 'system',
    });
  }

  /**
   * Shipped translations the catalogue does not hold yet (it was seeded before
   * they shipped, or before a later release added texts to the file) arrive
   * as a new framework version, audited, like any catalogue edit. A text the
   * catalogue already holds in that language — the secretariat's or an earlier
   * shipment's — is left as it is, and so is every text whose English the
   * secretariat has changed since the seed: the shipped translation is of the
   * seeded English. Nothing missing: nothing written, no version.
   */
  private async shipTranslations(m: EntityManager, translations: TranslationRow[]): Promise<void> {
    if (!translations.length) return;
    const held = new Set((await m.find(CatalogueTranslation, { select: ['entityKind', 'code', 'field', 'locale'] }))
      .map((r) => `${textKey(r.entityKind, r.code, r.field)}\u0000${r.locale}`));
    const [seeded] = await m.query('SELECT snapshot FROM framework_version ORDER BY version LIMIT 1');
    const seededEnglish = new Map(sourceTexts(seeded.snapshot as CatalogueSnapshot).map((s) => [textKey(s.kind, s.code, s.field), s.text]));
    const currentEnglish = new Map(sourceTexts(await buildSnapshot(m)).map((s) => [textKey(s.kind, s.code, s.field), s.text]));
    const missing = translations.filter((r) => {
      const key = textKey(r.entityKind, r.code, r.field);
      const english = currentEnglish.get(key);
      const atSeed = seededEnglish.get(key);
      return english !== undefined && (atSeed === undefined || atSeed === english) && !held.has(`${key}\u0000${r.locale}`);
    });
    if (!missing.length) return;
    const [{ current }] = await m.query('SELECT max(version)::int AS current FROM framework_version');
    const version = current + 1;
    await insertTranslations(m, missing, version);
    await m.insert(FrameworkVersion, { version, note: 'Unofficial translations shipped with the platform', createdBy: null, snapshot: await buildSnapshot(m) });
    const languages: Record<string, number> = {};
    for (const r of missing) languages[r.locale] = (languages[r.locale] ?? 0) + 1;
    await this.audit.record(m, {
      action: 'framework.translations.ship', entityType: 'framework_version', entityId: version,
      after: { version, translations: missing.length, languages, source: 'unofficial' }, actorId: null, actorRole: 'system',
    });
  }
}

async function insertCatalogue(m: EntityManager, s: CatalogueSource): Promise<void> {
  await m.insert(RoundTable, s.roundTables.map((rt) => ({
    code: rt.code, number: Number(rt.code.replace(/\D/g, '')), title: `IMRF 2022 round table ${rt.code.replace(/\D/g, '')}`, year: 2022,
  })));
  const rtOf = new Map(s.roundTables.flatMap((rt) => rt.objectives.map((o) => [o, rt.code] as const)));
  await m.insert(Objective, s.objectives.map((o) => ({ ...o, roundTableCode: rtOf.get(o.number) ?? null })));
  await m.insert(Principle, s.principles);
  await m.insert(Theme, s.themes.map((t) => ({ number: t.number, code: `T${t.number}`, title: t.title })));
  await m.insert(Commitment, s.commitments.flatMap((t) =>
    t.commitments.map((c) => ({ code: c.code, themeNumber: t.number, position: c.position, text: c.text, subItems: c.subItems })),
  ));
  await m.insert(ObjectiveTheme, s.crosswalk.flatMap((cw) =>
    cw.themes.map((theme, i) => ({ objectiveNumber: cw.objective, themeNumber: theme, isPrimary: i === 0 })),
  ));
  await m.insert(Recommendation, s.recommendations.map((r) => ({
    paragraph: r.paragraph, shortTitle: r.shortTitle, text: r.shortTitle, source: RECOMMENDATION_SOURCE,
    objectiveNumbers: DEFAULT_RECOMMENDATION_OBJECTIVES[r.paragraph] ?? [],
  })));
  await m.insert(Consideration, s.recommendations.flatMap((r) =>
    r.considerations.map((text, i) => ({ recommendationParagraph: r.paragraph, position: i + 1, text, source: RECOMMENDATION_SOURCE })),
  ));
  await m.insert(Country, s.countries.map((c) => ({ ...c })));
  await insertGuidingQuestions(m, s);
}

async function insertGuidingQuestions(m: EntityManager, s: CatalogueSource): Promise<void> {
  const { roundTable, source, questions } = s.guidingQuestions;
  if (!questions.length) return;
  await m.insert(GuidingQuestion, questions.map((q) => ({
    roundTableCode: roundTable, objectiveNumber: q.objective, position: q.position, text: q.text, source,
  })));
}

async function insertTranslations(m: EntityManager, rows: TranslationRow[], version: number): Promise<void> {
  if (!rows.length) return;
  await m.createQueryBuilder().insert().into(CatalogueTranslation).values(rows.map((r) => ({ ...r, version }))).orIgnore().execute();
}
