import type { Dataset } from './dataset';

interface UpdateRow {
  id: string;
  reference: string;
  cycle: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  percentComplete: number;
  actionsTaken: string;
  challenges: string;
  nextSteps: string;
  noChange: boolean;
  isLate: boolean;
  submittedAt: Date | null;
  validatedAt: Date | null;
  measurements: unknown[];
  evidence: unknown[];
  partnerContributions: unknown[];
}

/**
 * Validated progress updates of published pledges, with the public fields of
 * the pledge page's timeline only: no draft, no submission under review, no
 * review comment, no reviewer.
 */
export const UPDATES_DATASET: Dataset<UpdateRow> = {
  name: 'updates',
  title: 'Progress updates',
  description: 'Validated progress updates on published pledges, one record per pledge per reporting cycle.',
  idColumn: 'update_id',
  columns: [
    { name: 'update_id', type: 'string', description: 'Stable id of the progress update (UUID).', value: (u) => u.id },
    { name: 'pledge_reference', type: 'string', description: 'Reference of the pledge reported on (see pledges).', value: (u) => u.reference },
    { name: 'cycle', type: 'string', description: 'Reporting cycle, e.g. 2026-H1.', value: (u) => u.cycle },
    { name: 'cycle_period_start', type: 'date', description: 'First day of the period reported on.', value: (u) => u.periodStart },
    { name: 'cycle_period_end', type: 'date', description: 'Last day of the period reported on.', value: (u) => u.periodEnd },
    {
      name: 'status', type: 'string', description: 'Implementation status reported: not_started, on_track, delayed, achieved or discontinued.',
      value: (u) => u.status,
    },
    { name: 'percent_complete', type: 'integer', description: 'Share of the pledge implemented, 0–100, as reported.', value: (u) => u.percentComplete },
    { name: 'actions_taken', type: 'string', description: 'Actions taken in the period.', value: (u) => u.actionsTaken },
    { name: 'challenges', type: 'string', description: 'Challenges met.', value: (u) => u.challenges },
    { name: 'next_steps', type: 'string', description: 'Next steps planned.', value: (u) => u.nextSteps },
    { name: 'no_change', type: 'boolean', description: 'True when the update reconfirms the previous cycle\'s without change.', value: (u) => u.noChange },
    { name: 'late', type: 'boolean', description: 'True when it was submitted after the cycle\'s deadline.', value: (u) => u.isLate },
    { name: 'submitted_at', type: 'datetime', description: 'When it was submitted (UTC).', value: (u) => u.submittedAt },
    { name: 'validated_at', type: 'datetime', description: 'When the secretariat validated it (UTC).', value: (u) => u.validatedAt },
    {
      name: 'measurements', type: 'json',
      description: 'Indicator values: [{indicatorId, indicatorName, unit, value, asOf, note, baseline, target}].',
      value: (u) => u.measurements,
    },
    {
      name: 'evidence', type: 'json',
      description: 'Evidence: [{kind (url|file), title, url, fileName, sha256, download}]; files download from the API path given.',
      value: (u) => u.evidence,
    },
    {
      name: 'partner_contributions', type: 'json', description: 'Contributions of partners: [{organisationId, name, contribution}].',
      value: (u) => u.partnerContributions,
    },
  ],
  async batch(db, after, size) {
    const rows: UpdateRow[] = await db.query(
      `SELECT u.id, p.reference, c.code AS cycle, to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart",
         to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd", u.status, u.percent_complete AS "percentComplete",
         u.actions_taken AS "actionsTaken", u.challenges, u.next_steps AS "nextSteps", u.no_change AS "noChange",
         u.is_late AS "isLate", u.submitted_at AS "submittedAt", u.validated_at AS "validatedAt",
         u.partner_contributions AS "partnerContributions",
         coalesce((SELECT json_agg(json_build_object('indicatorId', m.indicator_id, 'indicatorName', i.name, 'unit', i.unit,
             'value', m.value::float8, 'asOf', to_char(m.as_of, 'YYYY-MM-DD'), 'note', m.note,
             'baseline', i.baseline_value::float8, 'target', i.target_value::float8) ORDER BY m.position)
           FROM progress_measurement m JOIN pledge_indicator i ON i.id = m.indicator_id WHERE m.update_id = u.id), '[]') AS measurements,
         coalesce((SELECT json_agg(json_build_object('kind', e.kind, 'title', e.title, 'url', e.url, 'fileName', e.file_name,
             'sha256', e.file_sha256,
             'download', CASE WHEN e.kind = 'file' THEN '/api/v1/updates/' || u.id || '/evidence/' || e.id || '/file' END)
             ORDER BY e.created_at, e.id)
           FROM progress_evidence e WHERE e.update_id = u.id), '[]') AS evidence
       FROM progress_update u JOIN pledge p ON p.id = u.pledge_id JOIN reporting_cycle c ON c.id = u.cycle_id
       WHERE u.editorial_status = 'validated' AND p.published_version IS NOT NULL
         AND ($1::uuid IS NULL OR u.id > $1::uuid)
       ORDER BY u.id LIMIT $2`,
      [after, size],
    );
    return { rows, lastId: rows.at(-1)?.id ?? null };
  },
};
