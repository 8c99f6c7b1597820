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

/** The previous cycle's values as a JSON object (`pu`, `pc`: the update and its cycle), keyed as VALUES names them. */
const PREVIOUS_JSON = `json_build_object('id', pu.id, 'cycle', pc.code, 'status', pu.status, 'percentComplete', pu.percent_complete,
  'language', pu.language, 'actionsTaken', pu.actions_taken, 'challenges', pu.challenges, 'nextSteps', pu.next_steps,
  'partnerContributions', pu.partner_contributions, 'editorialStatus', pu.editorial_status)`;

/** The lists loadUpdateView reads as JSON, typed (reviews' `createdAt` is ISO 8601 text: milliseconds, UTC, as a timestamptz parses). */
type MeasurementRow = MeasurementView & { updateId: string };
type EvidenceRow = EvidenceView & { linkOutcome: string | null };
type ReviewRow = { decision: 'validated' | 'returned'; comment: string | null; createdAt: string };
type IndicatorRow = Parameters<typeof plausibilityWarnings>[0]['indicators'][number];

/**
 * One update with its previous cycle's values and its plausibility warnings, in one statement whatever the update
 * holds: the view is read several times per write (before and after, the submission's snapshot), and each round
 * trip waits for a busy database again.
 */
export async function loadUpdateView(m: EntityManager, id: string): Promise<ProgressUpdateView> {
  const [row] = await m.query(
    `SELECT ${VALUES}, u.pledge_id AS "pledgeId", p.reference, p.title, p.lead_organisation_id AS "leadOrganisationId",
       to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd",
       to_char(c.deadline, 'YYYY-MM-DD') AS deadline, to_char(${organisationDeadlineSql('c.id', 'p.lead_organisation_id')}, 'YYYY-MM-DD') AS "organisationDeadline",
       c.status AS "cycleStatus", u.is_late AS "isLate", u.after_extension AS "afterExtension", u.no_change AS "noChange",
       u.version, u.submitted_at AS "submittedAt", u.validated_at AS "validatedAt", u.created_at AS "createdAt", u.updated_at AS "updatedAt",
       to_char(p.target_date, 'YYYY-MM-DD') AS "pledgeTargetDate",
       prev.v AS previous,
       (SELECT coalesce(json_agg(json_build_object('updateId', m.update_id, 'indicatorId', m.indicator_id, 'indicatorName', i.name, 'unit', i.unit,
                 'value', m.value::float8, 'asOf', to_char(m.as_of, 'YYYY-MM-DD'), 'note', m.note) ORDER BY m.update_id, m.position), '[]')
          FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id WHERE m.update_id IN (u.id, prev.id)) AS measurements,
       (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'url', e.url, 'fileName', e.file_name,
                 'contentType', e.content_type, 'sizeBytes', e.size_bytes, 'sha256', e.file_sha256, 'linkOutcome', e.link_outcome)
                 ORDER BY e.created_at, e.id), '[]')
          FROM progress_evidence e WHERE e.update_id = u.id) AS evidence,
       (SELECT coalesce(json_agg(json_build_object('decision', r.decision, 'comment', r.comment,
                 'createdAt', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY r.created_at, r.id), '[]')
          FROM progress_update_review r WHERE r.update_id = u.id) AS reviews,
       (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'direction', x.direction,
                 'baselineValue', x.baseline_value::float8, 'targetValue', x.target_value::float8) ORDER BY x.position), '[]')
          FROM pledge_indicator x WHERE x.pledge_id = u.pledge_id AND x.active) AS indicators
     FROM progress_update u JOIN reporting_cycle c ON c.id = u.cycle_id JOIN pledge p ON p.id = u.pledge_id
     LEFT JOIN LATERAL (
       SELECT pu.id, ${PREVIOUS_JSON} AS v FROM progress_update pu JOIN reporting_cycle pc ON pc.id = pu.cycle_id
        WHERE pu.pledge_id = u.pledge_id AND pc.period_end < c.period_start AND pu.editorial_status IN ('submitted', 'validated')
        ORDER BY pc.period_end DESC LIMIT 1) prev ON true
     WHERE u.id = $1`,
    [id],
  );
  if (!row) throw DomainError.notFound('Progress update');
  const previous = row.previous as (ProgressValues & { id: string }) | null;
  const measurements = row.measurements as MeasurementRow[];
  const evidenceRows = row.evidence as EvidenceRow[];
  const evidence: EvidenceView[] = evidenceRows.map(({ linkOutcome: _o, ...rest }) => rest);
  const links = evidenceRows.flatMap((e) => (e.kind === 'url' && e.url ? [{ title: e.title, url: e.url, linkOutcome: e.linkOutcome }] : []));
  const reviews = (row.reviews as ReviewRow[]).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
  const indicators = row.indicators as IndicatorRow[];
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
