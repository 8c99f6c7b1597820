import { inPopulation, StatsQuery } from './fragments';

/** What the adoption rule (`themeAdoption`, @gcm/platform/pure) takes for one State, per opened cycle. */
export interface CountryAdoptionRows {
  framework: { themes: number[]; commitments: string[] };
  cycles: { cycle: string; cycleStatus: 'open' | 'closed' | 'compiled'; pledges: { themes: number[]; commitments: string[]; validated: boolean }[] }[];
}

/**
 * Per opened cycle, the State's led pledges of that cycle's population (the
 * rule of libs/reporting) with their themes, actionable commitments and
 * whether a validated update exists in the cycle: the same rows the report
 * data set gives the State report (pledge_theme, pledge_commitment).
 */
export function countryAdoptionSql(alpha3: string): StatsQuery {
  return {
    text: `WITH cycles AS (SELECT id, code, status, period_start, closed_at FROM reporting_cycle WHERE status <> 'scheduled'),
      owing AS (SELECT cy.id AS cycle_id, json_agg(json_build_object(
          'themes', ARRAY(SELECT t.theme_number FROM pledge_theme t WHERE t.pledge_id = p.pledge_id ORDER BY 1),
          'commitments', ARRAY(SELECT c.commitment_code::text FROM pledge_commitment c WHERE c.pledge_id = p.pledge_id ORDER BY 1),
          'validated', EXISTS (SELECT 1 FROM stats_update u WHERE u.pledge_id = p.pledge_id AND u.cycle_id = cy.id AND u.editorial_status = 'validated')
        ) ORDER BY p.pledge_id) AS pledges
        FROM cycles cy JOIN stats_pledge p ON p.lead_country = $1 AND ${inPopulation('cy')} GROUP BY cy.id)
      SELECT EXISTS (SELECT 1 FROM country WHERE alpha3 = $1) AS found, json_build_object(
        'framework', json_build_object(
          'themes', coalesce((SELECT json_agg(number ORDER BY number) FROM theme), '[]'),
          'commitments', coalesce((SELECT json_agg(code ORDER BY code) FROM commitment), '[]')),
        'cycles', coalesce((SELECT json_agg(json_build_object('cycle', cy.code, 'cycleStatus', cy.status, 'pledges', coalesce(o.pledges, '[]'))
          ORDER BY cy.period_start) FROM cycles cy LEFT JOIN owing o ON o.cycle_id = cy.id), '[]')
      )::text AS body`,
    values: [alpha3],
  };
}
