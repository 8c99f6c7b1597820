import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PledgeProgressRegistry, PledgeProgressSource, TimelineEntry } from '@gcm/pledges';
import { DataSource } from 'typeorm';
import type { PledgeReported } from '@gcm/pledges';
import { COUNTED_UPDATES, owesUpdateSql } from '../population/cycle-population.sql';

/** The scope cycles `pc` (codes bound as a text[] at `?`). */
const inScope = (pc: string) => `SELECT 1 FROM reporting_cycle ${pc} WHERE ${pc}.code = ANY(?::text[])`;
/** An update of the pledge `p` that counts as reported in one of the scope cycles (validated / late ones only when asked). */
const counted = (only: '' | ' AND cu.validated' | ' AND cu.is_late') =>
  `EXISTS (SELECT 1 FROM ${COUNTED_UPDATES} cu JOIN reporting_cycle pc ON pc.id = cu.cycle_id WHERE cu.pledge_id = p.id AND pc.code = ANY(?::text[])${only})`;
/**
 * A span's population as the report builders' scopeData takes it: owing an update in at least one
 * scope cycle; reported (counted, validated, late) in at least one; not reported in any. One cycle is
 * a span of one. (A counted update is on a pledge owing its cycle an update, by the view's own rule.)
 */
const owes = `EXISTS (${inScope('pc')} AND ${owesUpdateSql('p', 'pc')})`;
const REPORTED_SQL: Record<PledgeReported, string> = {
  owed: owes,
  counted: counted(''),
  validated: counted(' AND cu.validated'),
  late: counted(' AND cu.is_late'),
  'not-reported': `${owes} AND NOT ${counted('')}`,
};
/** Of the updates lists: which counted updates a `reported` value lists. */
const UPDATE_ROWS: Partial<Record<PledgeReported, string>> = { counted: '', validated: ' AND cu.validated', late: ' AND cu.is_late' };

/**
 * The progress timeline on public pledge pages: validated updates only, and
 * of them only public fields (no review comments, no reviewer, no drafts).
 */
@Injectable()
export class PublicProgressSource implements PledgeProgressSource, OnModuleInit {
  readonly cyclePredicate = `EXISTS (SELECT 1 FROM progress_update pu JOIN reporting_cycle pc ON pc.id = pu.cycle_id
    WHERE pu.pledge_id = p.id AND pu.editorial_status = 'validated' AND pc.code = ?)`;

  /** The cycle population by the one rule (pledge_owes_update, cycle_counted_update), as the reports count it; the scope's codes bound at each `?`. */
  populationPredicate(reported: PledgeReported): string {
    return REPORTED_SQL[reported];
  }

  /**
   * The status as of a cycle (the latest of the codes bound at `cycles`), as the report builders'
   * DatasetIndex.reportedStatus gives it: the latest validated update in that cycle or an earlier one.
   */
  statusInCyclePredicate(cycles: string, status: string): string {
    return `COALESCE((SELECT u.status::text FROM progress_update u JOIN reporting_cycle uc ON uc.id = u.cycle_id
        WHERE u.pledge_id = p.id AND u.editorial_status = 'validated'
          AND uc.period_start <= (SELECT max(period_start) FROM reporting_cycle WHERE code = ANY(${cycles}::text[]))
        ORDER BY uc.period_start DESC LIMIT 1), 'no_update') = ${status}`;
  }

  /**
   * The counted updates of the pledges `p` in the scope cycles (codes bound at `cycles`), one row each:
   * the cycle, whether validated, and only for validated ones the status and percent the secretariat
   * accepted (a submitted update's content is never shown). Null for a `reported` value that lists no updates.
   */
  countedUpdateRows(reported: PledgeReported, cycles: string): { join: string; columns: string; order: string } | null {
    const only = UPDATE_ROWS[reported];
    if (only === undefined) return null;
    return {
      join: `JOIN ${COUNTED_UPDATES} cu ON cu.pledge_id = p.id${only}
        JOIN reporting_cycle pc ON pc.id = cu.cycle_id AND pc.code = ANY(${cycles}::text[])
        JOIN progress_update u ON u.id = cu.update_id`,
      columns: `pc.code AS cycle, to_char(pc.period_start, 'YYYY-MM-DD') AS "periodStart", cu.validated, cu.is_late AS late,
        CASE WHEN cu.validated THEN u.status::text END AS status,
        CASE WHEN cu.validated THEN u.percent_complete END AS "percentComplete",
        CASE WHEN cu.validated THEN u.validated_at END AS "validatedAt"`,
      order: 'pc.period_start',
    };
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
