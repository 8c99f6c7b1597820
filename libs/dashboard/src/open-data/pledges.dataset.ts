import { PUBLIC_FROM, PUBLIC_PLEDGE_COLUMNS, PublicPledge } from '@gcm/pledges';
import type { Dataset } from './dataset';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Every pledge whose published version is public, withdrawn ones included
 * with their reason (as on the public pages); the columns come from the same
 * SQL whitelist as the public API, so no working copy or contact can leak.
 */
export const PLEDGES_DATASET: Dataset<PublicPledge> = {
  name: 'pledges',
  title: 'Pledges',
  description: 'Published pledges under the Global Compact for Migration, one record per pledge, as published (latest published version).',
  idColumn: 'reference',
  columns: [
    { name: 'reference', type: 'string', description: 'Stable public id of the pledge, e.g. GCM-P-2026-00042.', value: (p) => p.reference },
    { name: 'title', type: 'string', description: 'Title of the pledge.', value: (p) => p.title },
    { name: 'description', type: 'string', description: 'What the pledger commits to (300–3,000 characters).', value: (p) => p.description },
    {
      name: 'state', type: 'string',
      description: 'published, or withdrawn (a withdrawn pledge stays listed with its reason but no longer counts in statistics).',
      value: (p) => p.state,
    },
    { name: 'withdrawn_reason', type: 'string', description: 'Why the pledger withdrew it (withdrawn pledges only).', value: (p) => p.withdrawnReason },
    {
      name: 'implementation_status', type: 'string',
      description: 'not_started, on_track, delayed, achieved or discontinued: from the latest validated progress update (by cycle period).',
      value: (p) => p.implementationStatus,
    },
    { name: 'lead_organisation', type: 'string', description: 'Name of the lead pledger.', value: (p) => p.leadOrganisation.name },
    {
      name: 'lead_organisation_kind', type: 'string',
      description: 'Kind of lead pledger: state, un_entity, civil_society, private_sector, academia, local_authority or other.',
      value: (p) => p.leadOrganisation.kind,
    },
    { name: 'lead_country', type: 'string', description: 'ISO 3166 alpha-3 code of the lead pledger when it is a State.', value: (p) => p.leadOrganisation.country },
    { name: 'partners', type: 'string[]', description: 'Partner organisations, by name.', value: (p) => p.partners.map((x) => x.name) },
    { name: 'form', type: 'string', description: 'Form of the pledge: policy, financial, technical or process.', value: (p) => p.form },
    {
      name: 'primary_objective', type: 'integer', description: 'The GCM objective (1–23) the pledge mainly addresses.',
      value: (p) => p.objectives.find((o) => o.primary)?.number ?? null,
    },
    { name: 'objectives', type: 'integer[]', description: 'Every GCM objective (1–23) the pledge addresses, the primary one first.', value: (p) => p.objectives.map((o) => o.number) },
    {
      name: 'primary_theme', type: 'string', description: 'ICMPD thematic objective (T1–T5) the pledge is counted under in theme roll-ups.',
      value: (p) => {
        const t = p.themes.find((x) => x.primary);
        return t ? `T${t.number}` : null;
      },
    },
    { name: 'themes', type: 'string[]', description: 'Every ICMPD thematic objective (T1–T5) of the pledge.', value: (p) => p.themes.map((t) => `T${t.number}`) },
    { name: 'principles', type: 'string[]', description: 'GCM guiding principles addressed, by key (a–j).', value: (p) => p.principles },
    {
      name: 'sg_recommendations', type: 'integer[]',
      description: 'Secretary-General recommendations addressed, by paragraph of report A/76/642.', value: (p) => p.recommendations,
    },
    { name: 'commitments', type: 'string[]', description: 'ICMPD actionable commitments addressed, by code (e.g. T2.C4).', value: (p) => p.commitments },
    { name: 'round_tables', type: 'string[]', description: 'IMRF 2022 round tables (RT1–RT4) that reviewed the pledge\'s objectives.', value: (p) => p.roundTables },
    { name: 'countries', type: 'string[]', description: 'States in the pledge\'s scope (ISO 3166 alpha-3).', value: (p) => p.countries },
    { name: 'regions', type: 'string[]', description: 'UN M49 regions or sub-regions in the pledge\'s scope (001 = world).', value: (p) => p.regions },
    { name: 'start_date', type: 'date', description: 'When implementation starts.', value: (p) => p.startDate },
    { name: 'target_date', type: 'date', description: 'When the pledge is to be achieved.', value: (p) => p.targetDate },
    { name: 'budget_amount', type: 'number', description: 'Budget committed, in budget_currency (optional).', value: (p) => p.budget?.amount ?? null },
    { name: 'budget_currency', type: 'string', description: 'ISO 4217 currency of the budget.', value: (p) => p.budget?.currency ?? null },
    {
      name: 'indicators', type: 'json',
      description: 'Indicators: [{id, name, unit, direction (increase|decrease|maintain), baseline {value, date}, target {value, date}, sdgIndicator}].',
      value: (p) => p.indicators,
    },
    { name: 'matching_pledge', type: 'string', description: 'Reference of the pledge this one matches (optional).', value: (p) => p.matchingPledgeRef },
    { name: 'published_version', type: 'integer', description: 'Number of the submitted version that is published.', value: (p) => p.publishedVersion },
    { name: 'first_published_at', type: 'datetime', description: 'When the pledge was first published (UTC).', value: (p) => iso(p.firstPublishedAt) },
    { name: 'updated_at', type: 'datetime', description: 'Last public change: publication, withdrawal or implementation status (UTC).', value: (p) => iso(p.updatedAt) },
  ],
  async batch(db, after, size) {
    const rows: PublicPledge[] = await db.query(
      `SELECT ${PUBLIC_PLEDGE_COLUMNS} ${PUBLIC_FROM}
       WHERE p.published_version IS NOT NULL AND ($1::text IS NULL OR p.reference > $1::text)
       ORDER BY p.reference LIMIT $2`,
      [after, size],
    );
    return { rows, lastId: rows.at(-1)?.reference ?? null };
  },
};
