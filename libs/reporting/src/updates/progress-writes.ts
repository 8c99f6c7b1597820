import { DomainError, FieldError } from '@gcm/platform';
import { EntityManager } from 'typeorm';
import type { CycleStatus, UpdateEditorialStatus } from '../domain/lifecycle';
import { measurementErrors } from '../domain/measurement-rules';
import { MeasurementDto, PartnerContributionDto, EvidenceLinkDto } from '../dto/progress-update.dto';
import type { PartnerContribution } from '../entities/progress-update.entity';
import { ProgressEvidence } from '../entities/progress-evidence.entity';
import { ProgressMeasurement } from '../entities/progress-measurement.entity';
import { afterExtensionSql, isLateSql } from '../population/cycle-population.sql';
import { loadUpdateView, ProgressUpdateView } from './progress-update.view';

/** What access and state checks need of an update, in one read. */
export interface UpdateRow {
  id: string;
  pledgeId: string;
  leadOrganisationId: string;
  editorialStatus: UpdateEditorialStatus;
  version: number;
  cycleCode: string;
  cycleStatus: CycleStatus;
  deadline: string;
  /** The organisation's in-country approver (see needsApproval), if it has one. */
  approverId: string | null;
}

export async function loadUpdateRow(m: EntityManager, id: string): Promise<UpdateRow | undefined> {
  const [row] = await m.query(
    `SELECT u.id, u.pledge_id AS "pledgeId", p.lead_organisation_id AS "leadOrganisationId", u.editorial_status AS "editorialStatus",
       u.version, c.code AS "cycleCode", c.status AS "cycleStatus", to_char(c.deadline, 'YYYY-MM-DD') AS deadline, o.approver_id AS "approverId"
     FROM progress_update u JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id
     JOIN organisation o ON o.id = p.lead_organisation_id WHERE u.id = $1`,
    [id],
  );
  return row;
}

/**
 * Checks measurements against the pledge's indicators and resolves partner
 * organisations to their names; throws 400 with every field error at once.
 */
export async function checkProgressContent(
  m: EntityManager,
  pledgeId: string,
  deadline: string,
  content: { measurements?: MeasurementDto[]; partnerContributions?: PartnerContributionDto[] },
): Promise<{ partnerContributions?: PartnerContribution[] }> {
  const errors: FieldError[] = [];
  if (content.measurements?.length) {
    const indicators = await m.query('SELECT id, name, unit, active FROM pledge_indicator WHERE pledge_id = $1', [pledgeId]);
    errors.push(...measurementErrors(content.measurements, indicators, deadline));
  }
  let partnerContributions: PartnerContribution[] | undefined;
  if (content.partnerContributions) {
    const ids = content.partnerContributions.map((c) => c.organisationId).filter((x): x is string => !!x);
    const orgs: { id: string; name: string }[] = ids.length
      ? await m.query('SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])', [ids])
      : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    partnerContributions = content.partnerContributions.map((c, i) => {
      if (c.organisationId && c.name) errors.push({ field: `partnerContributions.${i}`, messages: ['give either organisationId or name, not both'] });
      if (c.organisationId && !names.has(c.organisationId)) {
        errors.push({ field: `partnerContributions.${i}.organisationId`, messages: [`Unknown organisation ${c.organisationId}`] });
      }
      return {
        organisationId: c.organisationId ?? null,
        name: c.organisationId ? (names.get(c.organisationId) ?? '') : (c.name ?? ''),
        contribution: c.contribution,
      };
    });
  }
  if (errors.length) throw DomainError.invalidFields(errors);
  return { partnerContributions };
}

export async function replaceMeasurements(m: EntityManager, updateId: string, measurements: MeasurementDto[]): Promise<void> {
  await m.delete(ProgressMeasurement, { updateId });
  if (!measurements.length) return;
  await m.insert(
    ProgressMeasurement,
    measurements.map((x, position) => ({ updateId, position, indicatorId: x.indicatorId, value: String(x.value), asOf: x.asOf, note: x.note ?? null })),
  );
}

/** replaceMeasurements for many updates at once (one DELETE, one INSERT). */
export async function replaceMeasurementsOf(
  m: EntityManager, updateIds: string[], rows: { updateId: string; position: number; indicatorId: string; value: number; asOf: string }[],
): Promise<void> {
  if (!updateIds.length) return;
  await m.query('DELETE FROM progress_measurement WHERE update_id = ANY($1::uuid[])', [updateIds]);
  if (!rows.length) return;
  await m.query(
    `INSERT INTO progress_measurement (update_id, position, indicator_id, value, as_of)
     SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::uuid[], $4::numeric[], $5::date[])`,
    [rows.map((r) => r.updateId), rows.map((r) => r.position), rows.map((r) => r.indicatorId), rows.map((r) => String(r.value)), rows.map((r) => r.asOf)],
  );
}

/** replaceLinks for many updates at once. */
export async function replaceLinksOf(m: EntityManager, updateIds: string[], rows: { updateId: string; url: string; title: string }[]): Promise<void> {
  if (!updateIds.length) return;
  await m.query(`DELETE FROM progress_evidence WHERE update_id = ANY($1::uuid[]) AND kind = 'url'`, [updateIds]);
  if (!rows.length) return;
  await m.query(
    `INSERT INTO progress_evidence (update_id, kind, url, title) SELECT u, 'url', l, t FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(u, l, t)`,
    [rows.map((r) => r.updateId), rows.map((r) => r.url), rows.map((r) => r.title)],
  );
}

/** Links are replaced as a list; uploaded files stay (they have their own endpoints). */
export async function replaceLinks(m: EntityManager, updateId: string, links: EvidenceLinkDto[]): Promise<void> {
  await m.delete(ProgressEvidence, { updateId, kind: 'url' });
  if (!links.length) return;
  await m.insert(ProgressEvidence, links.map((l) => ({ updateId, kind: 'url' as const, url: l.url, title: l.title })));
}

/**
 * Freezes what was submitted: the update as its reviewer sees it, without the review history. Returns the
 * version's number and the whole view it was taken from (what the submission answers with: nothing changes
 * the update between the two).
 */
export async function snapshotSubmission(m: EntityManager, updateId: string, userId: string): Promise<{ number: number; view: ProgressUpdateView }> {
  const view = await loadUpdateView(m, updateId);
  const { previous: _p, reviews: _r, ...snapshot } = view;
  const [{ number }] = await m.query(
    `INSERT INTO progress_update_version (update_id, number, snapshot, submitted_by)
     SELECT $1, coalesce(max(v.number), 0) + 1, $2::jsonb, $3 FROM progress_update_version v WHERE v.update_id = $1
     RETURNING number`,
    [updateId, JSON.stringify(snapshot), userId],
  );
  return { number: number as number, view };
}

/**
 * At submission (inside an UPDATE of progress_update): late = after the end of the organisation's deadline day
 * (UTC; its extension's date when granted); after_extension = after the cycle's own deadline but not late.
 */
export const LATENESS_SET_SQL = `is_late = ${isLateSql('now()', 'cycle_id', 'pledge_id')}, after_extension = ${afterExtensionSql('now()', 'cycle_id', 'pledge_id')}`;

/** The organisation has an in-country approver and the submitter is not it: the update goes to the approver first. */
export async function needsApproval(m: EntityManager, organisationId: string, submitterId: string): Promise<boolean> {
  const [org] = await m.query('SELECT approver_id AS "approverId" FROM organisation WHERE id = $1', [organisationId]);
  return approvalNeeded(org?.approverId ?? null, submitterId);
}

/** needsApproval for an approver already read (an UpdateRow's `approverId`). */
export function approvalNeeded(approverId: string | null, submitterId: string): boolean {
  return !!approverId && approverId !== submitterId;
}

/**
 * "No change since last cycle": a new submitted update of the cycle copied
 * from the previous one (values, measurements of still-current indicators,
 * evidence), flagged no_change, judged late against the organisation's deadline (its extension
 * included), or awaiting the organisation's approver. The caller snapshots (unless awaiting) and audits it.
 */
export async function copyPreviousUpdate(
  m: EntityManager, previousId: string, cycleId: string, userId: string, opts: { awaitingApproval?: boolean } = {},
): Promise<string> {
  const [{ id }] = await m.query(
    `INSERT INTO progress_update (pledge_id, cycle_id, status, percent_complete, language, actions_taken, challenges, next_steps,
       partner_contributions, editorial_status, no_change, created_by, submitted_at, submitted_by, is_late, after_extension)
     SELECT pledge_id, $2, status, percent_complete, language, actions_taken, challenges, next_steps, partner_contributions,
       'submitted', true, $3, now(), $3, ${isLateSql('now()', '$2::uuid', 'pledge_id')}, ${afterExtensionSql('now()', '$2::uuid', 'pledge_id')}
     FROM progress_update WHERE id = $1 RETURNING id`,
    [previousId, cycleId, userId],
  );
  // With an in-country approver the reconfirmation waits for them; it is submitted (and judged late or not) on approval.
  if (opts.awaitingApproval) {
    await m.query(
      `UPDATE progress_update SET editorial_status = 'awaiting_approval', submitted_at = NULL, submitted_by = NULL, is_late = false, after_extension = false
        WHERE id = $1`,
      [id],
    );
  }
  await m.query(
    `INSERT INTO progress_measurement (update_id, position, indicator_id, value, as_of, note)
     SELECT $2, row_number() OVER (ORDER BY m.position) - 1, m.indicator_id, m.value, m.as_of, m.note
     FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id AND i.active WHERE m.update_id = $1`,
    [previousId, id],
  );
  await m.query(
    `INSERT INTO progress_evidence (update_id, kind, title, url, file_sha256, file_name, content_type, size_bytes)
     SELECT $2, kind, title, url, file_sha256, file_name, content_type, size_bytes FROM progress_evidence WHERE update_id = $1`,
    [previousId, id],
  );
  return id;
}
