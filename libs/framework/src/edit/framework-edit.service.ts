import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertVersion, AuditService, currentContext, DomainError, ErrorCode } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CreateRecommendationDto, ObjectiveThemesDto, UpdateRecommendationDto } from '../dto/framework-edit.dto';
import { CatalogueTranslation, Consideration, FrameworkVersion, ObjectiveTheme, Recommendation } from '../entities';
import type { TranslationRow } from '../i18n/catalogue-i18n';
import { FrameworkService } from '../framework.service';
import { buildSnapshot, ObjectiveView, RecommendationView } from '../framework.snapshot';

export const SECRETARIAT_SOURCE = 'GCM review secretariat';

export interface Change<T> {
  action: string;
  entityType: string;
  entityId: string | number;
  note: string;
  before: unknown;
  after: T;
}

/**
 * Catalogue edits by the secretariat. Each one, in one transaction, changes
 * the rows, freezes a new framework version with a full snapshot, and writes
 * the audit row; versions are serialised by a table lock so two edits never
 * claim the same number.
 */
@Injectable()
export class FrameworkEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly framework: FrameworkService,
  ) {}

  async addRecommendation(dto: CreateRecommendationDto) {
    return this.edit(dto.frameworkVersion, async (m) => {
      if (await m.findOne(Recommendation, { where: { paragraph: dto.paragraph } })) {
        throw new DomainError(ErrorCode.Conflict, `Recommendation ${dto.paragraph} already exists`, [
          { field: 'paragraph', messages: [`paragraph ${dto.paragraph} already exists`] },
        ]);
      }
      await assertObjectivesExist(m, dto.objectives ?? []);
      await m.insert(Recommendation, {
        paragraph: dto.paragraph, shortTitle: dto.shortTitle, text: dto.text, source: dto.source ?? SECRETARIAT_SOURCE,
        objectiveNumbers: dto.objectives ?? [],
      });
      await replaceConsiderations(m, dto.paragraph, dto.considerations ?? []);
      return {
        action: 'framework.recommendation.create', entityType: 'recommendation', entityId: dto.paragraph,
        note: dto.note ?? `Recommendation ${dto.paragraph} added`, before: null, after: await recommendationView(m, dto.paragraph),
      };
    });
  }

  async updateRecommendation(paragraph: number, dto: UpdateRecommendationDto) {
    return this.edit(dto.frameworkVersion, async (m) => {
      const before = await recommendationView(m, paragraph);
      if (dto.objectives) await assertObjectivesExist(m, dto.objectives);
      const changes = {
        ...(dto.shortTitle !== undefined ? { shortTitle: dto.shortTitle } : {}),
        ...(dto.text !== undefined ? { text: dto.text } : {}),
        ...(dto.objectives !== undefined ? { objectiveNumbers: dto.objectives } : {}),
      };
      if (Object.keys(changes).length) await m.update(Recommendation, { paragraph }, changes);
      if (dto.considerations) await replaceConsiderations(m, paragraph, dto.considerations);
      return {
        action: 'framework.recommendation.update', entityType: 'recommendation', entityId: paragraph,
        note: dto.note ?? `Recommendation ${paragraph} edited`, before, after: await recommendationView(m, paragraph),
      };
    });
  }

  /** Replaces an objective's links to the ICMPD themes; exactly one of them is primary. */
  async setObjectiveThemes(objective: number, dto: ObjectiveThemesDto) {
    if (!dto.themes.includes(dto.primary)) throw DomainError.invalid('primary', 'primary must be one of themes');
    return this.edit(dto.frameworkVersion, async (m) => {
      const before = await objectiveThemes(m, objective);
      const [{ known }] = await m.query('SELECT count(*)::int AS known FROM theme WHERE number = ANY($1)', [dto.themes]);
      if (known !== dto.themes.length) throw DomainError.invalid('themes', 'themes must be ICMPD theme numbers');
      await m.delete(ObjectiveTheme, { objectiveNumber: objective });
      await m.insert(ObjectiveTheme, dto.themes.map((t) => ({ objectiveNumber: objective, themeNumber: t, isPrimary: t === dto.primary })));
      return {
        action: 'framework.crosswalk.update', entityType: 'objective', entityId: objective,
        note: dto.note ?? `Crosswalk of objective ${objective} changed`, before, after: await objectiveThemes(m, objective),
      };
    });
  }

  /**
   * Writes the translations of an import that passed its checks: a new
   * framework version, audited with what changed. A text equal to the stored
   * one is left as it is, source included (re-importing the shipped unofficial
   * texts does not make them official); the import still versions the catalogue.
   */
  async importTranslations(rows: TranslationRow[], source: 'official' | 'unofficial', expectedVersion?: number, note?: string) {
    return this.edit(expectedVersion, async (m) => {
      const stored = await m.find(CatalogueTranslation);
      const key = (r: Pick<TranslationRow, 'entityKind' | 'code' | 'field' | 'locale'>) => [r.entityKind, r.code, r.field, r.locale].join('\u0000');
      const before = new Map(stored.map((r) => [key(r), r]));
      const changed = rows.filter((r) => before.get(key(r))?.text !== r.text);
      const [{ next }] = await m.query('SELECT coalesce(max(version), 0)::int + 1 AS next FROM framework_version');
      if (changed.length) {
        await m.createQueryBuilder().insert().into(CatalogueTranslation)
          .values(changed.map((r) => ({ ...r, version: next })))
          .orUpdate(['text', 'source', 'version', 'updated_at'], ['entity_kind', 'code', 'field', 'locale'])
          .execute();
      }
      const languages: Record<string, number> = {};
      for (const r of changed) languages[r.locale] = (languages[r.locale] ?? 0) + 1;
      const pick = ({ entityKind, code, field, locale, text, source: s }: TranslationRow) => ({ entityKind, code, field, locale, text, source: s });
      return {
        action: 'framework.translations.import', entityType: 'catalogue_translation', entityId: 'workbook',
        note: note ?? `Translations imported (${source}): ${changed.length} texts`,
        before: { translations: changed.map((r) => before.get(key(r))).filter((r): r is CatalogueTranslation => !!r).map(pick) },
        after: { source, written: changed.length, languages, translations: changed.map(pick) },
      };
    });
  }

  /** One catalogue edit: the rows changed by `apply`, a new framework version with its snapshot, and the audit row, in one transaction. */
  async edit<T>(expectedVersion: number | undefined, apply: (m: EntityManager) => Promise<Change<T>>) {
    const result = await this.dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE framework_version IN EXCLUSIVE MODE');
      const [{ current }] = await m.query('SELECT coalesce(max(version), 0)::int AS current FROM framework_version');
      assertVersion('framework', current, expectedVersion);
      const change = await apply(m);
      const version = current + 1;
      await m.insert(FrameworkVersion, {
        version, note: change.note.slice(0, 500), createdBy: currentContext()?.actorId ?? null, snapshot: await buildSnapshot(m),
      });
      await this.audit.record(m, {
        action: change.action, entityType: change.entityType, entityId: change.entityId, before: change.before,
        after: { ...(change.after as object), frameworkVersion: version },
      });
      return { frameworkVersion: version, ...(change.after as object) } as { frameworkVersion: number } & T;
    });
    this.framework.invalidate();
    return result;
  }
}

async function assertObjectivesExist(m: EntityManager, numbers: number[]): Promise<void> {
  if (!numbers.length) return;
  const [{ known }] = await m.query('SELECT count(*)::int AS known FROM objective WHERE number = ANY($1)', [numbers]);
  if (known !== numbers.length) throw DomainError.invalid('objectives', 'objectives must be GCM objective numbers');
}

/** Keeps the source of a consideration whose text is unchanged; new texts are the secretariat's. */
async function replaceConsiderations(m: EntityManager, paragraph: number, texts: string[]): Promise<void> {
  const existing = await m.find(Consideration, { where: { recommendationParagraph: paragraph } });
  const sourceOf = new Map(existing.map((c) => [c.text, c.source]));
  await m.delete(Consideration, { recommendationParagraph: paragraph });
  if (!texts.length) return;
  await m.insert(Consideration, texts.map((text, i) => ({
    recommendationParagraph: paragraph, position: i + 1, text, source: sourceOf.get(text) ?? SECRETARIAT_SOURCE,
  })));
}

async function recommendationView(m: EntityManager, paragraph: number): Promise<RecommendationView> {
  const r = await m.findOne(Recommendation, { where: { paragraph } });
  if (!r) throw DomainError.notFound(`Recommendation ${paragraph}`);
  const considerations = await m.find(Consideration, { where: { recommendationParagraph: paragraph }, order: { position: 'ASC' } });
  return {
    paragraph: r.paragraph, shortTitle: r.shortTitle, text: r.text, source: r.source,
    objectives: [...r.objectiveNumbers].sort((a, b) => a - b),
    considerations: considerations.map(({ position, text, source }) => ({ position, text, source })),
  };
}

async function objectiveThemes(m: EntityManager, objective: number): Promise<Pick<ObjectiveView, 'number'> & { themes: { number: number; primary: boolean }[] }> {
  const [exists] = await m.query('SELECT 1 FROM objective WHERE number = $1', [objective]);
  if (!exists) throw DomainError.notFound(`Objective ${objective}`);
  const rows = await m.find(ObjectiveTheme, { where: { objectiveNumber: objective }, order: { isPrimary: 'DESC', themeNumber: 'ASC' } });
  return { number: objective, themes: rows.map((r) => ({ number: r.themeNumber, primary: r.isPrimary })) };
}
