import {
  BY_FORM_JSON, BY_STATUS_JSON, inPopulation, PLEDGE_REGIONS, PUBLIC_NOW, pubCte, RECENT_PLEDGES_JSON, REGION_LIST, StatsQuery,
} from './fragments';

/** What the page of one GCM objective shows: its public pledges broken down, linked recommendations and practices. */
export function objectiveSummarySql(objective: number): StatsQuery {
  return {
    text: `WITH ${pubCte('$1 = ANY (p.objectives)')}, ${PLEDGE_REGIONS}
      SELECT EXISTS (SELECT 1 FROM objective WHERE number = $1) AS found, json_build_object(
        'objective', (SELECT json_build_object('number', o.number, 'title', o.title, 'label', o.short_label,
          'roundTable', o.round_table_code) FROM objective o WHERE o.number = $1),
        'themes', coalesce((SELECT json_agg(json_build_object('code', t.code, 'title', t.title, 'primary', ot.is_primary)
          ORDER BY ot.is_primary DESC, t.number) FROM objective_theme ot JOIN theme t ON t.number = ot.theme_number
          WHERE ot.objective_number = $1), '[]'),
        'pledges', (SELECT count(*)::int FROM pub),
        'primaryPledges', (SELECT count(*)::int FROM pub WHERE primary_objective = $1),
        'pledgers', (SELECT count(DISTINCT lead_organisation_id)::int FROM pub),
        'statesPledging', (SELECT count(DISTINCT lead_organisation_id)::int FROM pub WHERE lead_kind = 'state'),
        'byStatus', ${BY_STATUS_JSON},
        'byForm', ${BY_FORM_JSON},
        'byRegion', (SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'pledges', coalesce(x.n, 0)) ORDER BY r.ord)
          FROM ${REGION_LIST} r LEFT JOIN (SELECT region, count(*)::int AS n FROM preg GROUP BY 1) x ON x.region = r.code),
        'recommendations', coalesce((SELECT json_agg(json_build_object('paragraph', r.paragraph, 'shortTitle', r.short_title,
            'pledges', (SELECT count(*)::int FROM pub WHERE r.paragraph = ANY (pub.recommendations))) ORDER BY r.paragraph)
          FROM recommendation r WHERE $1 = ANY (r.objective_numbers)), '[]'),
        'practices', (SELECT count(*)::int FROM practice pr
          WHERE EXISTS (SELECT 1 FROM practice_session_objective so WHERE so.session_number = pr.session_number AND so.objective_number = $1)),
        'recentPledges', ${RECENT_PLEDGES_JSON}
      )::text AS body`,
    values: [objective],
  };
}

/**
 * What the page of one State shows: the public pledges it leads broken down,
 * those that name it in their scope, and whether it reported in each opened
 * cycle (on the pledges of that cycle's population).
 */
export function countrySummarySql(alpha3: string): StatsQuery {
  return {
    text: `WITH ${pubCte('p.lead_country = $1')},
      cycles AS (SELECT id, code, status, period_start, closed_at FROM reporting_cycle WHERE status <> 'scheduled'),
      -- Per cycle, the State's pledges of the cycle population and their counted updates, as every report counts them.
      updates AS (SELECT cy.id AS cycle_id, count(*)::int AS owing, count(u.update_id)::int AS reported,
          count(u.update_id) FILTER (WHERE u.editorial_status = 'validated')::int AS validated
        FROM cycles cy JOIN stats_pledge p ON p.lead_country = $1 AND ${inPopulation('cy')}
        LEFT JOIN stats_update u ON u.pledge_id = p.pledge_id AND u.cycle_id = cy.id GROUP BY 1)
      SELECT EXISTS (SELECT 1 FROM country WHERE alpha3 = $1) AS found, json_build_object(
        'country', (SELECT json_build_object('alpha3', c.alpha3, 'alpha2', c.alpha2, 'name', c.name, 'region', c.region,
          'regionM49', c.region_m49, 'subregion', c.subregion, 'subregionM49', c.subregion_m49, 'unStatus', c.un_status) FROM country c WHERE c.alpha3 = $1),
        'organisation', (SELECT json_build_object('id', o.id, 'name', o.name) FROM organisation o WHERE o.country_alpha3 = $1),
        'pledges', (SELECT count(*)::int FROM pub),
        'concerning', (SELECT count(*)::int FROM stats_pledge p WHERE $1 = ANY (p.countries) AND ${PUBLIC_NOW()}),
        'byObjective', (SELECT json_agg(json_build_object('number', ob.number, 'label', ob.short_label, 'pledges', coalesce(x.n, 0))
            ORDER BY ob.number)
          FROM objective ob LEFT JOIN (SELECT u.k, count(*)::int AS n FROM pub CROSS JOIN unnest(pub.objectives) AS u(k) GROUP BY 1) x
            ON x.k = ob.number),
        'byStatus', ${BY_STATUS_JSON},
        'byForm', ${BY_FORM_JSON},
        'reporting', coalesce((SELECT json_agg(json_build_object('cycle', cy.code, 'cycleStatus', cy.status,
            'status', CASE WHEN u.reported > 0 THEN 'reported' WHEN coalesce(u.owing, 0) = 0 THEN 'no_pledges' ELSE 'not_reported' END,
            'updates', coalesce(u.reported, 0), 'validated', coalesce(u.validated, 0)) ORDER BY cy.period_start)
          FROM cycles cy LEFT JOIN updates u ON u.cycle_id = cy.id), '[]'),
        'recentPledges', ${RECENT_PLEDGES_JSON}
      )::text AS body`,
    values: [alpha3],
  };
}
