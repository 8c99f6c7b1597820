import { DomainError, textSearchSql } from '@gcm/platform';
import type { PledgeFilterDto, PledgeSort } from '../dto/pledge-query.dto';
import type { PledgeProgressSource } from './pledge-progress.registry';

/**
 * The only columns a public reader gets: a whitelist in SQL, so a contact, the
 * working copy or a review comment cannot reach a public response by accident.
 * Everything comes from the published face of the pledge.
 */
export const PUBLIC_PLEDGE_COLUMNS = `
  p.id, p.reference, p.title, p.description, coalesce(p.language, 'en') AS language, p.form, p.matching_pledge_ref AS "matchingPledgeRef",
  CASE WHEN p.status = 'withdrawn' THEN 'withdrawn' ELSE 'published' END AS state,
  p.withdrawn_reason AS "withdrawnReason", p.withdrawn_at AS "withdrawnAt",
  p.implementation_status AS "implementationStatus",
  to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.target_date, 'YYYY-MM-DD') AS "targetDate",
  CASE WHEN p.budget_amount IS NULL THEN NULL
    ELSE json_build_object('amount', p.budget_amount::float8, 'currency', p.budget_currency) END AS budget,
  p.framework_version AS "frameworkVersion", p.published_version AS "publishedVersion",
  p.first_published_at AS "firstPublishedAt", p.published_at AS "publishedAt", p.public_updated_at AS "updatedAt",
  json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'country', o.country_alpha3) AS "leadOrganisation",
  coalesce((SELECT json_agg(json_build_object('organisationId', x.organisation_id, 'name', coalesce(xo.name, x.name)) ORDER BY x.position)
    FROM pledge_partner x LEFT JOIN organisation xo ON xo.id = x.organisation_id WHERE x.pledge_id = p.id), '[]') AS partners,
  coalesce((SELECT json_agg(json_build_object('number', x.objective_number, 'primary', x.is_primary)
    ORDER BY x.is_primary DESC, x.objective_number) FROM pledge_objective x WHERE x.pledge_id = p.id), '[]') AS objectives,
  coalesce((SELECT json_agg(json_build_object('number', x.theme_number, 'primary', x.is_primary) ORDER BY x.theme_number)
    FROM pledge_theme x WHERE x.pledge_id = p.id), '[]') AS themes,
  ARRAY(SELECT x.principle_key::text FROM pledge_principle x WHERE x.pledge_id = p.id ORDER BY 1) AS principles,
  ARRAY(SELECT x.recommendation_paragraph FROM pledge_recommendation x WHERE x.pledge_id = p.id ORDER BY 1) AS recommendations,
  ARRAY(SELECT x.commitment_code::text FROM pledge_commitment x WHERE x.pledge_id = p.id ORDER BY 1) AS commitments,
  ARRAY(SELECT DISTINCT ob.round_table_code::text FROM pledge_objective x JOIN objective ob ON ob.number = x.objective_number
    WHERE x.pledge_id = p.id AND ob.round_table_code IS NOT NULL ORDER BY 1) AS "roundTables",
  ARRAY(SELECT x.country_alpha3::text FROM pledge_country x WHERE x.pledge_id = p.id ORDER BY 1) AS countries,
  ARRAY(SELECT x.region_m49::text FROM pledge_region x WHERE x.pledge_id = p.id ORDER BY 1) AS regions,
  coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'unit', i.unit, 'direction', i.direction,
      'baseline', json_build_object('value', i.baseline_value::float8, 'date', to_char(i.baseline_date, 'YYYY-MM-DD')),
      'target', json_build_object('value', i.target_value::float8, 'date', to_char(i.target_date, 'YYYY-MM-DD')),
      'sdgIndicator', i.sdg_indicator) ORDER BY i.position)
    FROM pledge_indicator i WHERE i.pledge_id = p.id AND i.active), '[]') AS indicators`;

export const PUBLIC_FROM = 'FROM pledge p JOIN organisation o ON o.id = p.lead_organisation_id';

export interface PublicFilter {
  where: string;
  params: unknown[];
  orderBy: string;
}

const SORT_SQL: Record<Exclude<PledgeSort, 'relevance'>, string> = {
  reference: 'p.reference',
  title: 'lower(p.title)',
  startDate: 'p.start_date',
  targetDate: 'p.target_date',
  updatedAt: 'p.public_updated_at',
};

/**
 * The theme a roll-up by theme counts the pledge under, once: the primary theme of its
 * primary objective when the pledge keeps that theme, else its lowest-numbered theme, else
 * (no theme at all) the crosswalk's. The SQL copy of the report builders'
 * DatasetIndex.primaryTheme (libs/reports): test/e2e/report-figure-links.e2e-spec.ts checks
 * that each theme's list has as many pledges as the report's roll-up counts under it.
 */
export const PRIMARY_THEME_SQL = `coalesce(
  (SELECT ot.theme_number FROM pledge_objective po JOIN objective_theme ot ON ot.objective_number = po.objective_number AND ot.is_primary
    WHERE po.pledge_id = p.id AND po.is_primary
      AND EXISTS (SELECT 1 FROM pledge_theme pt WHERE pt.pledge_id = p.id AND pt.theme_number = ot.theme_number) LIMIT 1),
  (SELECT min(pt.theme_number) FROM pledge_theme pt WHERE pt.pledge_id = p.id),
  (SELECT ot.theme_number FROM pledge_objective po JOIN objective_theme ot ON ot.objective_number = po.objective_number AND ot.is_primary
    WHERE po.pledge_id = p.id AND po.is_primary LIMIT 1))`;

/** The region reports' membership: the lead organisation is a State whose country lies in the M49 region, sub-region or intermediate region. */
export const LEAD_REGION_SQL = `(o.kind = 'state' AND EXISTS (SELECT 1 FROM country c
  WHERE c.alpha3 = o.country_alpha3 AND ? IN (c.region_m49, c.subregion_m49, c.intermediate_region_m49)))`;

/** The cycles of a population filter: `cycle` alone, or a span's `cycles` (which needs `reported`); null when neither is given. */
export function populationCycles(q: Pick<PledgeFilterDto, 'cycle' | 'cycles' | 'reported'>): string[] | null {
  if (q.cycles && q.cycle) throw DomainError.invalid('cycles', 'give either cycle or cycles, not both');
  if (q.cycles && !q.reported) throw DomainError.invalid('cycles', 'cycles needs reported, e.g. cycles=2026-H1,2026-H2&reported=owed');
  return q.cycles ?? (q.cycle ? [q.cycle] : null);
}

/** WHERE and ORDER BY for a public list; every value is a bound parameter. */
export function publicFilter(q: PledgeFilterDto, progress: PledgeProgressSource | undefined): PublicFilter {
  const params: unknown[] = [];
  const where = ['p.published_version IS NOT NULL'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  const exists = (table: string, column: string) => `EXISTS (SELECT 1 FROM ${table} x WHERE x.pledge_id = p.id AND x.${column} = ?)`;
  // q first: relevance ordering refers to it as $1.
  if (q.q) add(textSearchSql('p.search', '?').where, q.q);
  if (q.objective !== undefined) add(exists('pledge_objective', 'objective_number'), q.objective);
  if (q.theme !== undefined) add(exists('pledge_theme', 'theme_number'), q.theme);
  if (q.principle) add(exists('pledge_principle', 'principle_key'), q.principle);
  if (q.recommendation !== undefined) add(exists('pledge_recommendation', 'recommendation_paragraph'), q.recommendation);
  if (q.commitment) add(exists('pledge_commitment', 'commitment_code'), q.commitment);
  if (q.roundTable) {
    add(`EXISTS (SELECT 1 FROM pledge_objective x JOIN objective ob ON ob.number = x.objective_number
      WHERE x.pledge_id = p.id AND ob.round_table_code = ?)`, q.roundTable);
  }
  if (q.country) add(`(o.country_alpha3 = ? OR ${exists('pledge_country', 'country_alpha3')})`, q.country);
  if (q.region) {
    add(`(${exists('pledge_region', 'region_m49')} OR EXISTS (SELECT 1 FROM country c
      WHERE ? IN (c.region_m49, c.subregion_m49, c.intermediate_region_m49)
        AND (c.alpha3 = o.country_alpha3 OR EXISTS (SELECT 1 FROM pledge_country x WHERE x.pledge_id = p.id AND x.country_alpha3 = c.alpha3))))`, q.region);
  }
  if (q.pledgerKind) add('o.kind = ?', q.pledgerKind);
  if (q.organisation) add('p.lead_organisation_id = ?', q.organisation);
  if (q.form) add('p.form = ?', q.form);
  if (q.status) add('p.implementation_status = ?', q.status);
  if (q.state) where.push(q.state === 'withdrawn' ? "p.status = 'withdrawn'" : "p.status <> 'withdrawn'");
  if (q.primaryTheme !== undefined) add(`${PRIMARY_THEME_SQL} = ?`, q.primaryTheme);
  if (q.leadRegion) add(LEAD_REGION_SQL, q.leadRegion);
  const cycles = populationCycles(q);
  if (cycles) {
    if (!progress) throw DomainError.invalid(q.cycles ? 'cycles' : 'cycle', 'filtering by reporting cycle is not available');
    if (q.reported) add(progress.populationPredicate(q.reported), cycles);
    else add(progress.cyclePredicate, q.cycle);
    if (q.statusInCycle) {
      params.push(cycles, q.statusInCycle);
      where.push(progress.statusInCyclePredicate(`$${params.length - 1}`, `$${params.length}`));
    }
  } else if (q.reported) {
    throw DomainError.invalid('reported', 'reported needs a cycle, e.g. cycle=2026-H1&reported=owed');
  } else if (q.statusInCycle) {
    throw DomainError.invalid('statusInCycle', 'statusInCycle needs a cycle, e.g. cycle=2026-H1&statusInCycle=delayed');
  }
  const sort = q.sort ?? (q.q ? 'relevance' : 'reference');
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  let orderBy: string;
  if (sort === 'relevance') {
    if (!q.q) throw DomainError.invalid('sort', 'sort=relevance needs a search term q');
    orderBy = `${textSearchSql('p.search', '$1').rank} ${q.order === 'asc' ? 'ASC' : 'DESC'}, p.reference`;
  } else {
    orderBy = `${SORT_SQL[sort]} ${dir} NULLS LAST, p.reference ${dir}`;
  }
  return { where: `WHERE ${where.join(' AND ')}`, params, orderBy };
}
