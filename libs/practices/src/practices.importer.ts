import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditService, resolveSeedDir } from '@gcm/platform';
import { Objective } from '@gcm/framework';
import { DataSource, EntityManager } from 'typeorm';
import { Practice, PracticeImport, PracticeSession, PracticeSessionObjective } from './entities';
import { parsePracticesReport, ParsedPractice } from './parser';

export const PRACTICES_SOURCE_FILE = '004_9df77d66b522c805.txt';

export interface ImportResult {
  sessions: number;
  practices: number;
  created: number;
  updated: number;
  warnings: unknown[];
}

/**
 * Imports the practice cards from the report text. Importing again updates
 * cards in place by their number and duplicates nothing; the secretariat's
 * decision to publish a contact survives re-imports.
 */
@Injectable()
export class PracticesImporter {
  private readonly logger = new Logger(PracticesImporter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** At start-up: import only into an empty repository, so restarts change nothing. */
  async seedIfEmpty(): Promise<ImportResult | null> {
    if ((await this.dataSource.getRepository(Practice).count()) > 0) return null;
    return this.importFromSeeds(null);
  }

  async importFromSeeds(requestedBy: string | null): Promise<ImportResult> {
    const text = readFileSync(join(resolveSeedDir(this.config.SEED_DIR), PRACTICES_SOURCE_FILE), 'utf8');
    const imported = await this.dataSource.transaction(async (m) => {
      await m.query("SELECT pg_advisory_xact_lock(hashtext('practices.import'))");
      const objectives = await m.find(Objective, { select: { number: true, title: true } });
      const parsed = parsePracticesReport(text, new Map(objectives.map((o) => [o.number, o.title])));
      await this.upsertSessions(m, parsed.sessions);
      const existing = new Set((await m.find(Practice, { select: { code: true } })).map((p) => p.code));
      await this.upsertPractices(m, parsed.practices);
      const created = parsed.practices.filter((p) => !existing.has(p.code)).length;
      const result: ImportResult = {
        sessions: parsed.sessions.length,
        practices: parsed.practices.length,
        created,
        updated: parsed.practices.length - created,
        warnings: parsed.warnings,
      };
      const run = await m.save(PracticeImport, m.create(PracticeImport, { ...result, requestedBy, sourceFile: PRACTICES_SOURCE_FILE }));
      await this.audit.record(m, {
        action: 'practices.import', entityType: 'practice_import', entityId: run.id, after: { ...result, warnings: result.warnings.length },
        ...(requestedBy ? {} : { actorId: null, actorRole: 'system' }),
      });
      for (const w of parsed.warnings) this.logger.warn(w);
      return result;
    });
    return imported;
  }

  private async upsertSessions(m: EntityManager, sessions: ReturnType<typeof parsePracticesReport>['sessions']): Promise<void> {
    await m.upsert(PracticeSession, sessions.map((s) => ({ number: s.number, code: s.code, part: s.part, title: s.title })), ['number']);
    await m.createQueryBuilder().delete().from(PracticeSessionObjective).execute();
    await m.insert(PracticeSessionObjective, sessions.flatMap((s) =>
      s.objectives.map((o) => ({ sessionNumber: s.number, objectiveNumber: o.number, quotedTitle: o.quotedTitle })),
    ));
  }

  private async upsertPractices(m: EntityManager, practices: ParsedPractice[]): Promise<void> {
    const rows = practices.map((p) => ({
      code: p.code, sessionNumber: p.sessionNumber, title: p.title, brieflyReferred: p.brieflyReferred,
      organisation: p.organisation, period: p.period, geographicalScope: p.geographicalScope, description: p.description,
      impacts: p.impacts, lessonsLearned: p.lessonsLearned, resources: p.resources, contact: p.contact,
    }));
    // contact_public is deliberately not in the row: an upsert leaves the secretariat's choice alone.
    await m.upsert(Practice, rows, { conflictPaths: ['code'], skipUpdateIfNoValuesChanged: true });
  }
}
