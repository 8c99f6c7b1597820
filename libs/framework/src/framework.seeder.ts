import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, AuditService, resolveSeedDir } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  Commitment, Consideration, Country, FrameworkVersion, Objective, ObjectiveTheme, Principle, Recommendation, RoundTable, Theme,
} from './entities';
import { CatalogueSource, loadCatalogueSource } from './seed';
import { buildSnapshot } from './framework.snapshot';

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
    const source = loadCatalogueSource(resolveSeedDir(this.config.SEED_DIR));
    return dataSource.transaction(async (m) => {
      await m.query('LOCK TABLE framework_version IN EXCLUSIVE MODE');
      if ((await m.count(FrameworkVersion)) > 0) return { seeded: false };
      await insertCatalogue(m, source);
      const snapshot = await buildSnapshot(m);
      await m.insert(FrameworkVersion, { version: 1, note: 'Seeded from seeds/sources', createdBy: null, snapshot });
      await this.audit.record(m, {
        action: 'framework.seed', entityType: 'framework_version', entityId: 1, after: { version: 1 }, actorId: null, actorRole: 'system',
      });
      this.logger.log(`framework catalogue seeded: ${source.objectives.length} objectives, ${source.countries.length} countries`);
      return { seeded: true };
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
}
