import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { authorOrganisation } from '@gcm/pledges';
import { DataSource } from 'typeorm';
import { daysLeft } from '../domain/cycle-calendar';
import { cyclePopulationSql, organisationDeadlineSql } from '../population/cycle-population.sql';
import type { DueUpdate, MyWorkView } from './my-work.view';

type UpdateState = DueUpdate['state'];

/**
 * A focal point's to-do list: for each open cycle, each pledge of their
 * organisation owing it an update (the cycle population) with the state of
 * its update (deadlines are the organisation's own: an extension moves them); and what the secretariat returned, with its comments. Four queries whatever the organisation's size.
 */
@Injectable()
export class MyWorkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async work(user: AuthUser, today = new Date().toISOString().slice(0, 10)): Promise<MyWorkView> {
    const organisationId = authorOrganisation(user);
    const cycles: { code: string; periodStart: string; periodEnd: string; deadline: string }[] = await this.dataSource.query(
      `SELECT code, to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
         to_char(${organisationDeadlineSql('id', '$1')}, 'YYYY-MM-DD') AS deadline
       FROM reporting_cycle WHERE status = 'open' ORDER BY 4, code`,
      [organisationId],
    );
    const due: Omit<DueUpdate, 'overdue'>[] = await this.dataSource.query(
      `SELECT c.code AS cycle, p.id AS "pledgeId", p.reference, p.title, u.id AS "updateId",
         coalesce(u.editorial_status, 'missing') AS state, coalesce(u.is_late, false) AS "isLate", u.version, u.submitted_at AS "submittedAt"
       FROM reporting_cycle c
       CROSS JOIN LATERAL ${cyclePopulationSql('c.id')} x
       JOIN pledge p ON p.id = x.pledge_id
       LEFT JOIN progress_update u ON u.pledge_id = p.id AND u.cycle_id = c.id
       WHERE c.status = 'open' AND x.lead_organisation_id = $1
       ORDER BY c.deadline, c.code, p.reference`,
      [organisationId],
    );
    const returnedPledges = await this.dataSource.query(
      `SELECT p.id, p.reference, p.working->>'title' AS title, p.version, r.comment, r.created_at AS "returnedAt"
       FROM pledge p JOIN LATERAL (SELECT comment, created_at FROM pledge_review WHERE pledge_id = p.id AND decision = 'returned'
         ORDER BY created_at DESC LIMIT 1) r ON true
       WHERE p.lead_organisation_id = $1 AND p.status = 'returned' ORDER BY r.created_at`,
      [organisationId],
    );
    const returnedUpdates = await this.dataSource.query(
      `SELECT u.id, c.code AS cycle, p.id AS "pledgeId", p.reference, u.version, r.comment, r.created_at AS "returnedAt"
       FROM progress_update u JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id
       JOIN LATERAL (SELECT comment, created_at FROM progress_update_review WHERE update_id = u.id AND decision = 'returned'
         ORDER BY created_at DESC LIMIT 1) r ON true
       WHERE p.lead_organisation_id = $1 AND u.editorial_status = 'returned' ORDER BY r.created_at`,
      [organisationId],
    );
    const pending = (s: UpdateState) => s === 'missing' || s === 'draft' || s === 'returned';
    return {
      organisationId,
      today,
      openCycles: cycles.map((c) => {
        const left = daysLeft(c.deadline, today);
        const mine = due.filter((d) => d.cycle === c.code);
        return { ...c, daysLeft: left, overdue: left < 0, pledges: mine.length, outstanding: mine.filter((d) => pending(d.state)).length };
      }),
      due: due.map((d) => {
        const deadline = cycles.find((c) => c.code === d.cycle)?.deadline as string;
        return { ...d, overdue: pending(d.state) && daysLeft(deadline, today) < 0 };
      }),
      returned: { pledges: returnedPledges, updates: returnedUpdates },
    };
  }
}
