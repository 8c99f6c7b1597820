import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { bulkInsert, seededRandom } from './bulk-insert';

export interface SyntheticSize {
  publishedPledges: number;
  /** Drafts and withdrawn pledges that must never count: the aggregates' WHERE is exercised, not just the happy path. */
  draftPledges: number;
  withdrawnPledges: number;
  stakeholders: number;
}

export const DEFAULT_SIZE: SyntheticSize = { publishedPledges: 10_000, draftPledges: 600, withdrawnPledges: 300, stakeholders: 300 };

/** DEFAULT_SIZE's proportions at another number of published pledges (e.g. PLEDGES=100000). */
export function scaledSize(publishedPledges: number): SyntheticSize {
  const f = publishedPledges / DEFAULT_SIZE.publishedPledges;
  return {
    publishedPledges,
    draftPledges: Math.round(DEFAULT_SIZE.draftPledges * f),
    withdrawnPledges: Math.round(DEFAULT_SIZE.withdrawnPledges * f),
    stakeholders: Math.max(1, Math.round(DEFAULT_SIZE.stakeholders * f)),
  };
}

const STAKEHOLDER_KINDS = ['un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other'];
const FORMS = ['policy', 'financial', 'technical', 'process'];
const STATUSES = ['not_started', 'on_track', 'delayed', 'achieved', 'discontinued'];
const WORDS = (
  'migrants labour mobility skills recognition consular protection border governance data evidence regular pathways ' +
  'family reunification climate displacement remittances inclusion health education return reintegration trafficking ' +
  'smuggling detention alternatives children women diaspora investment partnership capacity training municipal services'
).split(' ');

const CYCLES = [
  { code: '2025-H1', start: '2025-01-01', end: '2025-06-30', deadline: '2025-08-14', status: 'compiled' },
  { code: '2025-H2', start: '2025-07-01', end: '2025-12-31', deadline: '2026-02-14', status: 'compiled' },
  { code: '2026-H1', start: '2026-01-01', end: '2026-06-30', deadline: '2026-08-14', status: 'closed' },
  { code: '2026-H2', start: '2026-07-01', end: '2026-12-31', deadline: '2027-02-14', status: 'open' },
];

/**
 * Loads a synthetic but plausible data set into a migrated, seeded database:
 * stakeholder organisations, pledges by all 195 States and the stakeholders
 * with alignments and scope, four reporting cycles and progress updates whose
 * statuses evolve from cycle to cycle. Returns row counts for the report.
 */
export async function loadSyntheticData(client: Client, size: SyntheticSize = DEFAULT_SIZE): Promise<Record<string, number>> {
  const rand = seededRandom(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const some = <T>(xs: T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(xs)))];
  const text = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');

  const stakeholders = Array.from({ length: size.stakeholders }, (_, i) => [randomUUID(), pick(STAKEHOLDER_KINDS), `Bench stakeholder ${i + 1}`, 1]);
  await bulkInsert(client, 'organisation', [['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['version', 'int']], stakeholders);

  const states: { id: string }[] = (await client.query(`SELECT id FROM organisation WHERE kind = 'state'`)).rows;
  const countries: string[] = (await client.query('SELECT alpha3 FROM country')).rows.map((r) => r.alpha3);
  const regionCodes: string[] = (await client.query(
    `SELECT DISTINCT region_m49 AS c FROM country UNION SELECT DISTINCT subregion_m49 FROM country UNION SELECT '001'`,
  )).rows.map((r) => r.c);
  const primaryTheme = new Map<number, number>(
    (await client.query('SELECT objective_number, theme_number FROM objective_theme WHERE is_primary')).rows.map((r) => [r.objective_number, r.theme_number]),
  );
  const principles: string[] = (await client.query('SELECT key FROM principle')).rows.map((r) => r.key);
  const recommendations: number[] = (await client.query('SELECT paragraph FROM recommendation')).rows.map((r) => r.paragraph);
  const commitments: string[] = (await client.query('SELECT code FROM commitment')).rows.map((r) => r.code);
  const leads = [...states.map((s) => s.id), ...stakeholders.map((s) => s[0] as string)];

  const pledges: unknown[][] = [];
  const objectives: unknown[][] = [];
  const themes: unknown[][] = [];
  const codeRows: Record<string, unknown[][]> = { principle: [], recommendation: [], commitment: [], country: [], region: [] };
  const publicPledges: { id: string; published: Date }[] = [];
  const total = size.publishedPledges + size.draftPledges + size.withdrawnPledges;
  for (let i = 0; i < total; i++) {
    const id = randomUUID();
    const kind = i < size.publishedPledges ? 'published' : i < size.publishedPledges + size.draftPledges ? 'draft' : 'withdrawn';
    const published = new Date(Date.UTC(2024, 6, 1) + Math.floor(rand() * 900) * 86_400_000);
    const isPublic = kind !== 'draft';
    pledges.push([
      id, `GCM-P-BENCH-${String(i + 1).padStart(6, '0')}`, pick(leads), kind, '{}', 1,
      isPublic ? 1 : null, isPublic ? published : null, isPublic ? published : null, isPublic ? published : null,
      kind === 'withdrawn' ? published : null, kind === 'withdrawn' ? 'Bench: withdrawn' : null,
      isPublic ? `Pledge ${i + 1}: ${text(6)}` : null, isPublic ? `${text(60)}.` : null, isPublic ? pick(FORMS) : null,
      isPublic ? '2025-01-01' : null, isPublic ? '2028-12-31' : null, isPublic ? 1 : null,
    ]);
    if (!isPublic) continue;
    if (kind === 'published') publicPledges.push({ id, published });
    const objs = [...new Set([1 + Math.floor(rand() * 23), ...some(Array.from({ length: 23 }, (_, k) => k + 1), 2)])];
    objs.forEach((o, k) => objectives.push([id, o, k === 0]));
    const themeSet = new Map<number, boolean>();
    objs.forEach((o, k) => {
      const t = primaryTheme.get(o);
      if (t !== undefined && !themeSet.has(t)) themeSet.set(t, k === 0);
    });
    for (const [t, primary] of themeSet) themes.push([id, t, primary]);
    for (const p of some(principles, 2)) codeRows.principle.push([id, p]);
    for (const r of some(recommendations, 2)) codeRows.recommendation.push([id, r]);
    for (const c of some(commitments, 3)) codeRows.commitment.push([id, c]);
    for (const c of some(countries, 3)) codeRows.country.push([id, c]);
    if (rand() < 0.2) codeRows.region.push([id, pick(regionCodes)]);
  }
  await bulkInsert(client, 'pledge', [
    ['id', 'uuid'], ['reference', 'text'], ['lead_organisation_id', 'uuid'], ['status', 'text'], ['working', 'jsonb'], ['version', 'int'],
    ['published_version', 'int'], ['first_published_at', 'timestamptz'], ['published_at', 'timestamptz'], ['public_updated_at', 'timestamptz'],
    ['withdrawn_at', 'timestamptz'], ['withdrawn_reason', 'text'], ['title', 'text'], ['description', 'text'], ['form', 'text'],
    ['start_date', 'date'], ['target_date', 'date'], ['framework_version', 'int'],
  ], pledges, 2000);
  await bulkInsert(client, 'pledge_objective', [['pledge_id', 'uuid'], ['objective_number', 'smallint'], ['is_primary', 'boolean']], objectives);
  await bulkInsert(client, 'pledge_theme', [['pledge_id', 'uuid'], ['theme_number', 'smallint'], ['is_primary', 'boolean']], themes);
  await bulkInsert(client, 'pledge_principle', [['pledge_id', 'uuid'], ['principle_key', 'text']], codeRows.principle);
  await bulkInsert(client, 'pledge_recommendation', [['pledge_id', 'uuid'], ['recommendation_paragraph', 'int']], codeRows.recommendation);
  await bulkInsert(client, 'pledge_commitment', [['pledge_id', 'uuid'], ['commitment_code', 'text']], codeRows.commitment);
  await bulkInsert(client, 'pledge_country', [['pledge_id', 'uuid'], ['country_alpha3', 'text']], codeRows.country);
  await bulkInsert(client, 'pledge_region', [['pledge_id', 'uuid'], ['region_m49', 'text']], codeRows.region);

  const cycles = CYCLES.map((c) => ({ ...c, id: randomUUID() }));
  await bulkInsert(client, 'reporting_cycle', [
    ['id', 'uuid'], ['code', 'text'], ['period_start', 'date'], ['period_end', 'date'], ['window_opens', 'date'], ['deadline', 'date'],
    ['status', 'text'], ['version', 'int'], ['opened_at', 'timestamptz'], ['closed_at', 'timestamptz'],
  ], cycles.map((c) => [
    c.id, c.code, c.start, c.end, c.end, c.deadline, c.status, 1, `${c.end}T00:00:00Z`, c.status === 'open' ? null : `${c.deadline}T23:59:59Z`,
  ]));

  const updates: unknown[][] = [];
  const latest = new Map<string, string>();
  for (const p of publicPledges) {
    let status = 'not_started';
    for (const c of cycles) {
      if ((c.status !== 'open' && p.published.getTime() > Date.parse(c.deadline)) || rand() > 0.75) continue;
      status = rand() < 0.6 ? status : pick(STATUSES);
      const editorial = c.status === 'open' ? pick(['draft', 'submitted', 'submitted', 'validated', 'returned']) : 'validated';
      const submitted = editorial === 'draft' ? null : new Date(Date.parse(c.end) + 86_400_000);
      updates.push([
        randomUUID(), p.id, c.id, status, Math.floor(rand() * 101), text(25), text(12), text(12), editorial, false, false, 1,
        submitted, editorial === 'validated' ? submitted : null,
      ]);
      if (editorial === 'validated') latest.set(p.id, status);
    }
  }
  await bulkInsert(client, 'progress_update', [
    ['id', 'uuid'], ['pledge_id', 'uuid'], ['cycle_id', 'uuid'], ['status', 'text'], ['percent_complete', 'smallint'],
    ['actions_taken', 'text'], ['challenges', 'text'], ['next_steps', 'text'], ['editorial_status', 'text'], ['is_late', 'boolean'],
    ['no_change', 'boolean'], ['version', 'int'], ['submitted_at', 'timestamptz'], ['validated_at', 'timestamptz'],
  ], updates);
  await client.query(
    `UPDATE pledge p SET implementation_status = x.status FROM unnest($1::uuid[], $2::text[]) AS x(id, status) WHERE p.id = x.id`,
    [[...latest.keys()], [...latest.values()]],
  );
  return {
    organisations: states.length + stakeholders.length,
    publishedPledges: size.publishedPledges,
    draftPledges: size.draftPledges,
    withdrawnPledges: size.withdrawnPledges,
    objectiveAlignments: objectives.length,
    cycles: cycles.length,
    progressUpdates: updates.length,
  };
}
