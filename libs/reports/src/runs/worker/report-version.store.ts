import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@gcm/platform';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ReportDocument } from '../../model/document.types';
import type { RenderedReport, ReportFormat } from '../../renderers/render-report';
import { ReportTarget, cycleKeyOf } from '../report-target';

export interface StoredVersion {
  id: string;
  number: number;
  created: boolean;
}

/**
 * Versions and files, written so that any step may be repeated (a retry, a
 * second worker after a crash) and still leave one version per snapshot and
 * one file per format.
 */
@Injectable()
export class ReportVersionStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async find(target: ReportTarget, snapshotHash: string): Promise<{ id: string; number: number } | null> {
    const [row] = await this.dataSource.query(
      'SELECT id, number FROM report_version WHERE kind = $1 AND scope = $2 AND cycle_key = $3 AND language = $4 AND snapshot_hash = $5',
      [target.kind, target.scope, cycleKeyOf(target.cycleCodes), target.language, snapshotHash],
    );
    return row ?? null;
  }

  /**
   * The version for this snapshot, inserted as number n + 1 if new. The
   * advisory lock serialises numbering per report key; the unique keys are
   * the backstop.
   */
  async ensure(target: ReportTarget, snapshotHash: string, model: ReportDocument, runId: string): Promise<StoredVersion> {
    const key = cycleKeyOf(target.cycleCodes);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`report_version:${target.kind}:${target.scope}:${key}:${target.language}`]);
      const [existing] = await m.query(
        'SELECT id, number FROM report_version WHERE kind = $1 AND scope = $2 AND cycle_key = $3 AND language = $4 AND snapshot_hash = $5',
        [target.kind, target.scope, key, target.language, snapshotHash],
      );
      if (existing) return { ...existing, created: false };
      const [{ next }] = await m.query(
        'SELECT coalesce(max(number), 0) + 1 AS next FROM report_version WHERE kind = $1 AND scope = $2 AND cycle_key = $3 AND language = $4',
        [target.kind, target.scope, key, target.language],
      );
      const [row] = await m.query(
        `INSERT INTO report_version (kind, scope, cycle_key, cycle_id, cycle_ids, snapshot_hash, number, title, model, built_by_run_id, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id, number`,
        [target.kind, target.scope, key, target.cycleIds[target.cycleIds.length - 1], target.cycleIds, snapshotHash, next,
          model.title.slice(0, 500), model, runId, target.language],
      );
      await this.audit.record(m, {
        action: 'report.version_created', entityType: 'report_version', entityId: row.id,
        after: { kind: target.kind, scope: target.scope, cycles: target.cycleCodes, language: target.language, number: row.number, snapshotHash, runId },
      });
      return { ...row, created: true };
    });
  }

  async model(versionId: string): Promise<ReportDocument> {
    const [row] = await this.dataSource.query('SELECT model FROM report_version WHERE id = $1', [versionId]);
    return row.model;
  }

  async formats(versionId: string): Promise<Set<ReportFormat>> {
    const rows: { format: ReportFormat }[] = await this.dataSource.query('SELECT format FROM report_file WHERE version_id = $1', [versionId]);
    return new Set(rows.map((r) => r.format));
  }

  /** A second insert of the same format is ignored: the first one's bytes stay. */
  async saveFile(versionId: string, format: ReportFormat, file: RenderedReport): Promise<void> {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await this.dataSource.query(
      `INSERT INTO report_file (version_id, format, content_type, sha256, size, bytes) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (version_id, format) DO NOTHING`,
      [versionId, format, file.contentType, sha256, file.bytes.length, file.bytes],
    );
  }
}
