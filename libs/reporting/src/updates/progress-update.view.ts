import { currentLocale, DomainError } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import { plausibilityWarnings } from '../domain/plausibility';

import { organisationDeadlineSql } from '../population/cycle-population.sql';
import type { EvidenceView, MeasurementView, ProgressUpdateResponse, ProgressValuesView } from '../reporting.view';

export type { EvidenceView, MeasurementView };
export type ProgressValues = ProgressValuesView;
export type ProgressUpdateView = ProgressUpdateResponse;

const VALUES = `u.id, c.code AS cycle, u.status, u.percent_complete AS "percentComplete", u.language, u.actions_taken AS "actionsTaken",
  u.challenges, u.next_steps AS "nextSteps", u.partner_contributions AS "partnerContributions", u.editorial_status AS "editorialStatus"`;

export const MEASUREMENTS_SQL = `SELECT m.update_id AS "updateId", m.indicator_id AS "indicatorId", i.name AS "indicatorName", i.unit,
  m.value::float8 AS value, to_char(m.as_of, 'YYYY-MM-DD') AS "asOf", m.note
  FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id
  WHERE m.update_id = ANY($1::uuid[]) ORDER BY m.update_id, m.position`;

/** One update with its previous cycle's values and its plausibility warnings: seven set-based reads whatever the update holds. */
export async function loadUpdateView(m: EntityManager, id: string): Promise<ProgressUpdateView> {
  const [row] = await m.query(
    `SELECT ${VALUES}, u.pledge_id AS "pledgeId", p.reference, p.title, p.lead_organisation_id AS "leadOrganisationId",
       to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd",
       to_char(c.deadline, 'YYYY-MM-DD') AS deadline, to_char(${organisationDeadlineSql('c.id', 'p.lead_organisation_id')}, 'YYYY-MM-DD') AS "organisationDeadline",
       c.status AS "cycleStatus", u.is_late AS "isLate", u.after_extension AS "afterExtension", u.no_change AS "noChange",
       u.version, u.submitted_at AS "submittedAt", u.validated_at AS "validatedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt",
       to_char(p.target_date, 'YYYY-MM-DD') AS "pledgeTargetDate"
     FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id JOIN pledge p ON p.id = u.pledge_id
     WHERE u.id = $1`,
    [id],
  );
  if (!row) throw DomainError.notFound('Progress update');
  const [previous] = await m.query(
    `SELECT ${VALUES} FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id
     WHERE u.pledge_id = $1 AND c.period_end < $2::date AND u.editorial_status IN ('submitted', 'validated')
     ORDER BY c.period_end DESC LIMIT 1`,
    [row.pledgeId, row.periodStart],
  );
  const measurements: (MeasurementView & { updateId: string })[] = await m.query(MEASUREMENTS_SQL, [[id, previous?.id ?? id]]);
  const evidenceRows: (EvidenceView & { linkOutcome: string | null })[] = await m.query(
    `SELECT id, kind, title, url, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", file_sha256 AS sha256,
       link_outcome AS "linkOutcome"
     FROM progress_evidence WHERE update_id = $1 ORDER BY created_at, id`,
    [id],
  );
  const evidence: EvidenceView[] = evidenceRows.map(({ linkOutcome: _o, ...rest }) => rest);
  const links = evidenceRows.flatMap((e) => (e.kind === 'url' && e.url ? [{ title: e.title, url: e.url, linkOutcome: e.linkOutcome }] : []));
  const reviews = await m.query(
    'SELECT decision, comment, created_at AS "createdAt" FROM progress_update_review WHERE update_id = $1 ORDER BY created_at, id',
    [id],
  );
  const indicators = await m.query(
    `SELECT id, name, direction, baseline_value::float8 AS "baselineValue", target_value::float8 AS "targetValue"
     FROM pledge_indicator WHERE pledge_id = $1 AND active ORDER BY position`,
    [row.pledgeId],
  );
  const of = (updateId: string) => measurements.filter((x) => x.updateId === updateId).map(({ updateId: _u, ...rest }) => rest);
  return {
    id: row.id,
    pledge: { id: row.pledgeId, reference: row.reference, title: row.title, leadOrganisationId: row.leadOrganisationId },
    cycle: row.cycle,
    cycleInfo: { code: row.cycle, periodStart: row.periodStart, periodEnd: row.periodEnd, deadline: row.deadline, organisationDeadline: row.organisationDeadline, status: row.cycleStatus },
    status: row.status,
    percentComplete: row.percentComplete,
    language: row.language,
    actionsTaken: row.actionsTaken,
    challenges: row.challenges,
    nextSteps: row.nextSteps,
    partnerContributions: row.partnerContributions,
    measurements: of(id),
    evidence,
    editorialStatus: row.editorialStatus,
    isLate: row.isLate,
    afterExtension: row.afterExtension,
    noChange: row.noChange,
    version: row.version,
    submittedAt: row.submittedAt,
    validatedAt: row.validatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    reviews,
    previous: previous ? { ...previous, measurements: of(previous.id) } : null,
    warnings: plausibilityWarnings({
      status: row.status, percentComplete: row.percentComplete, pledgeTargetDate: row.pledgeTargetDate, periodEnd: row.periodEnd,
      indicators, measurements: of(id), previous: previous ? { percentComplete: previous.percentComplete, measurements: of(previous.id) } : null,
      links,
    }, currentLocale()),
  };
}
