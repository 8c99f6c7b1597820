import type { PublicPledge } from './public-pledge.types';

export type Cell = string | number | null;

/** Column header → value. Lists are joined with "; " so one pledge is one spreadsheet row. */
export const EXPORT_COLUMNS: [string, (p: PublicPledge) => Cell][] = [
  ['reference', (p) => p.reference],
  ['title', (p) => p.title],
  ['state', (p) => p.state],
  ['implementation_status', (p) => p.implementationStatus],
  ['lead_organisation', (p) => p.leadOrganisation.name],
  ['lead_organisation_kind', (p) => p.leadOrganisation.kind],
  ['lead_country', (p) => p.leadOrganisation.country],
  ['partners', (p) => p.partners.map((x) => x.name).join('; ')],
  ['form', (p) => p.form],
  ['primary_objective', (p) => p.objectives.find((o) => o.primary)?.number ?? null],
  ['objectives', (p) => p.objectives.map((o) => o.number).join('; ')],
  ['themes', (p) => p.themes.map((t) => `T${t.number}`).join('; ')],
  ['principles', (p) => p.principles.join('; ')],
  ['sg_recommendations', (p) => p.recommendations.join('; ')],
  ['commitments', (p) => p.commitments.join('; ')],
  ['round_tables', (p) => p.roundTables.join('; ')],
  ['countries', (p) => p.countries.join('; ')],
  ['regions', (p) => p.regions.join('; ')],
  ['start_date', (p) => p.startDate],
  ['target_date', (p) => p.targetDate],
  ['budget_amount', (p) => p.budget?.amount ?? null],
  ['budget_currency', (p) => p.budget?.currency ?? null],
  ['indicators', (p) => p.indicators.map((i) => `${i.name} (${i.unit}): ${i.baseline.value} → ${i.target.value} by ${i.target.date}`).join('; ')],
  ['matching_pledge', (p) => p.matchingPledgeRef],
  ['published_version', (p) => p.publishedVersion],
  ['first_published_at', (p) => new Date(p.firstPublishedAt).toISOString()],
  ['updated_at', (p) => new Date(p.updatedAt).toISOString()],
  ['withdrawn_reason', (p) => p.withdrawnReason],
  ['description', (p) => p.description],
];

export const EXPORT_HEADER = EXPORT_COLUMNS.map(([h]) => h);

export function exportRow(p: PublicPledge): Cell[] {
  return EXPORT_COLUMNS.map(([, get]) => get(p));
}
