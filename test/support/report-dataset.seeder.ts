import { randomUUID } from 'node:crypto';
import type { ReportDataset } from '@gcm/reports';
import type { DataSource, EntityManager } from 'typeorm';

export interface SeededIds {
  organisations: Map<string, string>;
  pledges: Map<string, string>;
  cycles: Map<string, string>;
}

export interface SeedOptions {
  /** Status of each seeded cycle by code; default `closed`. */
  cycleStatus?: Record<string, string>;
  /** Inserts the dataset's expert reports (published ones as published) filed by this user. */
  expertAuthorId?: string;
}

/** Bulk insert of rows given as objects, through json_to_recordset: one statement whatever the count. */
async function insertRows(m: EntityManager, table: string, columns: Record<string, string>, rows: object[], suffix = ''): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  const spec = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i += 20_000) {
    out.push(...(await m.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM json_to_recordset($1::json) AS x(${spec}) ${suffix}`,
      [JSON.stringify(rows.slice(i, i + 20_000))],
    )));
  }
  return out;
}

/**
 * Writes a report dataset (the reports lib's hand-made or synthetic one)
 * into the pledges and reporting tables as if it had gone through the
 * platform: published pledge versions with their alignment, cycles and
 * non-draft and draft updates. For tests and the benchmark; the fixture's
 * ids are mapped to database ids (States to the seeded State organisations).
 */
export async function seedReportDataset(ds: DataSource, data: ReportDataset, opts: SeedOptions = {}): Promise<SeededIds> {
  return ds.transaction(async (m) => {
    const organisations = new Map<string, string>();
    const states: { id: string; alpha3: string }[] = await m.query(`SELECT id, country_alpha3 AS alpha3 FROM organisation WHERE kind = 'state'`);
    const stateByAlpha3 = new Map(states.map((s) => [s.alpha3, s.id]));
    const stakeholders = data.organisations.filter((o) => o.kind !== 'state');
    for (const o of data.organisations) if (o.kind === 'state') organisations.set(o.id, stateByAlpha3.get(o.countryAlpha3 as string) as string);
    stakeholders.forEach((o) => organisations.set(o.id, randomUUID()));
    await insertRows(m, 'organisation', { id: 'uuid', kind: 'text', name: 'text', version: 'int' },
      stakeholders.map((o) => ({ id: organisations.get(o.id), kind: 'civil_society', name: `${o.name} ${organisations.get(o.id)?.slice(0, 6)}`, version: 1 })));

    const cycles = new Map<string, string>();
    for (const c of data.cycles) {
      const [row] = await m.query(
        `INSERT INTO reporting_cycle (code, period_start, period_end, window_opens, deadline, status, closed_at)
         VALUES ($1, $2, $3, $3, $4, $5::varchar, CASE WHEN $5::varchar IN ('closed', 'compiled') THEN $6::timestamptz END)
         ON CONFLICT (code) DO UPDATE SET period_start = $2, period_end = $3, window_opens = $3, deadline = $4, status = $5,
           closed_at = EXCLUDED.closed_at RETURNING id`,
        [c.code, c.periodStart, c.periodEnd, c.deadline, opts.cycleStatus?.[c.code] ?? 'closed', c.closedAt],
      );
      cycles.set(c.code, row.id);
    }

    const pledges = new Map(data.pledges.map((p) => [p.id, randomUUID()]));
    const indicators = new Map(data.pledges.flatMap((p) => p.indicators.map((i) => [`${p.id}/${i.id}`, randomUUID()] as const)));
    const pid = (id: string) => pledges.get(id) as string;
    const org = (id: string) => organisations.get(id) as string;
    await insertRows(m, 'pledge', {
      id: 'uuid', reference: 'text', lead_organisation_id: 'uuid', status: 'text', working: 'jsonb', published_version: 'int',
      first_published_at: 'timestamptz', published_at: 'timestamptz', public_updated_at: 'timestamptz', withdrawn_at: 'timestamptz', withdrawn_reason: 'text', title: 'text',
      description: 'text', form: 'text', start_date: 'date', target_date: 'date', budget_amount: 'numeric', budget_currency: 'text', framework_version: 'int',
    }, data.pledges.map((p) => ({
      id: pid(p.id), reference: p.reference, lead_organisation_id: org(p.leadOrganisationId), status: p.withdrawnAt ? 'withdrawn' : 'published',
      working: {}, published_version: 1, first_published_at: p.publishedAt, published_at: p.publishedAt,
      // As publication sets it: the public list shows when the public record last changed.
      public_updated_at: p.withdrawnAt ?? p.publishedAt,
      withdrawn_at: p.withdrawnAt, withdrawn_reason: p.withdrawalReason, title: p.title, description: p.description,
      form: p.form, start_date: p.startDate, target_date: p.targetDate, budget_amount: p.budget?.amount ?? null, budget_currency: p.budget?.currency ?? null,
      framework_version: 1,
    })));
    const each = <T>(f: (p: ReportDataset['pledges'][number]) => T[]) => data.pledges.flatMap(f);
    await insertRows(m, 'pledge_objective', { pledge_id: 'uuid', objective_number: 'int', is_primary: 'boolean' },
      each((p) => p.objectives.map((n) => ({ pledge_id: pid(p.id), objective_number: n, is_primary: n === p.primaryObjective }))));
    await insertRows(m, 'pledge_theme', { pledge_id: 'uuid', theme_number: 'int', is_primary: 'boolean' },
      each((p) => p.themes.map((t, i) => ({ pledge_id: pid(p.id), theme_number: t, is_primary: i === 0 }))));
    await insertRows(m, 'pledge_principle', { pledge_id: 'uuid', principle_key: 'text' }, each((p) => p.principles.map((k) => ({ pledge_id: pid(p.id), principle_key: k }))));
    await insertRows(m, 'pledge_recommendation', { pledge_id: 'uuid', recommendation_paragraph: 'int' },
      each((p) => p.recommendations.map((r) => ({ pledge_id: pid(p.id), recommendation_paragraph: r }))));
    await insertRows(m, 'pledge_commitment', { pledge_id: 'uuid', commitment_code: 'text' }, each((p) => p.commitments.map((c) => ({ pledge_id: pid(p.id), commitment_code: c }))));
    await insertRows(m, 'pledge_country', { pledge_id: 'uuid', country_alpha3: 'text' }, each((p) => p.countries.map((c) => ({ pledge_id: pid(p.id), country_alpha3: c }))));
    await insertRows(m, 'pledge_partner', { pledge_id: 'uuid', position: 'int', organisation_id: 'uuid' },
      each((p) => p.partnerOrganisationIds.map((o, i) => ({ pledge_id: pid(p.id), position: i + 1, organisation_id: org(o) }))));
    await insertRows(m, 'pledge_indicator', {
      id: 'uuid', pledge_id: 'uuid', position: 'int', name: 'text', unit: 'text', direction: 'text', baseline_value: 'numeric', baseline_date: 'date',
      target_value: 'numeric', target_date: 'date', sdg_indicator: 'text',
    }, each((p) => p.indicators.map((i, k) => ({
      id: indicators.get(`${p.id}/${i.id}`), pledge_id: pid(p.id), position: k + 1, name: i.name, unit: i.unit, direction: i.direction,
      baseline_value: i.baseline.value, baseline_date: i.baseline.date, target_value: i.target.value, target_date: i.target.date, sdg_indicator: i.sdgIndicator,
    }))));

    const updates = data.updates.map((u) => ({ u, id: randomUUID() }));
    await insertRows(m, 'progress_update', {
      id: 'uuid', pledge_id: 'uuid', cycle_id: 'uuid', status: 'text', percent_complete: 'int', actions_taken: 'text', challenges: 'text', next_steps: 'text',
      partner_contributions: 'jsonb', editorial_status: 'text', is_late: 'boolean', no_change: 'boolean', submitted_at: 'timestamptz', validated_at: 'timestamptz',
    }, updates.map(({ u, id }) => ({
      id, pledge_id: pid(u.pledgeId), cycle_id: cycles.get(u.cycleCode), status: u.status, percent_complete: u.percentComplete,
      actions_taken: u.actionsTaken, challenges: u.challenges, next_steps: u.nextSteps,
      partner_contributions: u.partnerContributions.map((c) => ({ organisationId: org(c.organisationId), name: '', contribution: c.text })),
      editorial_status: u.lifecycle, is_late: u.late, no_change: u.reconfirmation, submitted_at: u.submittedAt, validated_at: u.validatedAt,
    })));
    await insertRows(m, 'progress_measurement', { update_id: 'uuid', position: 'int', indicator_id: 'uuid', value: 'numeric', as_of: 'date', note: 'text' },
      updates.flatMap(({ u, id }) => u.measurements.map((x, k) => ({
        update_id: id, position: k + 1, indicator_id: indicators.get(`${u.pledgeId}/${x.indicatorId}`), value: x.value, as_of: x.asOf, note: x.note,
      }))));
    await insertRows(m, 'progress_evidence', { update_id: 'uuid', kind: 'text', title: 'text', url: 'text' },
      updates.flatMap(({ u, id }) => u.evidence.map((e) => ({ update_id: id, kind: 'url', title: e.title, url: e.url ?? 'https://example.org/' }))));
    if (opts.expertAuthorId) {
      await insertRows(m, 'expert_report', {
        author_id: 'uuid', mandate: 'text', theme_number: 'int', objective_number: 'int', year: 'int', title: 'text', body: 'text', status: 'text', published_at: 'timestamptz',
      }, data.expertReports.map((r) => ({
        author_id: opts.expertAuthorId, mandate: r.author, theme_number: r.objectives.length ? null : r.themes[0], objective_number: r.objectives[0] ?? null,
        year: r.year, title: r.title, body: r.summary.padEnd(50, '.'), status: r.publishedAt ? 'published' : 'submitted', published_at: r.publishedAt,
      })));
    }
    return { organisations, pledges, cycles };
  });
}
