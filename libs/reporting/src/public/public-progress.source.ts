import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PledgeProgressRegistry, PledgeProgressSource, TimelineEntry } from '@gcm/pledges';
import { DataSource } from 'typeorm';
import type { PledgeReported } from '@gcm/pledges';
import { COUNTED_UPDATES, owesUpdateSql } from '../population/cycle-population.sql';

/** An update of the pledge `p` that counts as reported in the cycle `pc` (validated ones only when `validated`). */
const counted = (validated: boolean) =>
  `EXISTS (SELECT 1 FROM ${COUNTED_UPDATES} cu WHERE cu.pledge_id = p.id AND cu.cycle_id = pc.id${validated ? ' AND cu.validated' : ''})`;
const REPORTED_SQL: Record<PledgeReported, string> = { owed: 'true', validated: counted(true), 'not-reported': `NOT ${counted(false)}` };

/**
 * The progress timeline on public pledge pages: validated updates only, and
 * of them only public fields (no review comments, no reviewer, no drafts).
 */
@Injectable()
export class PublicProgressSource implements PledgeProgressSource, OnModuleInit {
  readonly cyclePredicate = `EXISTS (SELECT 1 FROM progress_update pu JOIN reporting_cycle pc ON pc.id = pu.cycle_id
    WHERE pu.pledge_id = p.id AND pu.editorial_status = 'validated' AND pc.code = ?)`;

  /** The cycle population by the one rule (pledge_owes_update, cycle_counted_update), as the reports count it. */
  populationPredicate(reported: PledgeReported): string {
    return `EXISTS (SELECT 1 FROM reporting_cycle pc WHERE pc.code = ? AND ${owesUpdateSql('p', 'pc')} AND ${REPORTED_SQL[reported]})`;
  }

  /**
   * The status as of a cycle, as the report builders' DatasetIndex.reportedStatus
   * gives it: the latest validated update in that cycle or an earlier one.
   */
  statusInCyclePredicate(cycle: string, status: string): string {
    return `COALESCE((SELECT u.status::text FROM progress_update u JOIN reporting_cycle uc ON uc.id = u.cycle_id
        WHERE u.pledge_id = p.id AND u.editorial_status = 'validated'
          AND uc.period_start <= (SELECT period_start FROM reporting_cycle WHERE code = ${cycle})
        ORDER BY uc.period_start DESC LIMIT 1), 'no_update') = ${status}`;
  }

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PledgeProgressRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  timeline(pledgeId: string): Promise<TimelineEntry[]> {
    return this.dataSource.query(
      `SELECT u.id, c.code AS cycle, to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd",
         u.status, u.percent_complete AS "percentComplete", u.language, u.actions_taken AS "actionsTaken", u.challenges, u.next_steps AS "nextSteps",
         u.partner_contributions AS "partnerContributions", u.is_late AS "isLate", u.no_change AS "noChange",
         u.submitted_at AS "submittedAt", u.validated_at AS "validatedAt",
         coalesce((SELECT json_agg(json_build_object('indicatorId', m.indicator_id, 'indicatorName', i.name, 'unit', i.unit,
             'value', m.value::float8, 'asOf', to_char(m.as_of, 'YYYY-MM-DD'), 'note', m.note,
             'baseline', i.baseline_value::float8, 'target', i.target_value::float8) ORDER BY m.position)
           FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id WHERE m.update_id = u.id), '[]') AS measurements,
         coalesce((SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'url', e.url,
             'fileName', e.file_name, 'contentType', e.content_type, 'sizeBytes', e.size_bytes, 'sha256', e.file_sha256,
             'download', CASE WHEN e.kind = 'file' THEN '/api/v1/updates/' || u.id || '/evidence/' || e.id || '/file' END)
             ORDER BY e.created_at, e.id)
           FROM progress_evidence e WHERE e.update_id = u.id), '[]') AS evidence
       FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
       WHERE u.pledge_id = $1 AND u.editorial_status = 'validated'
       ORDER BY c.period_start`,
      [pledgeId],
    );
  }
}
