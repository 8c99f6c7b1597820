import type { ReportKind } from '../../model/report-kind.types';

/**
 * Which pledges a report's loader reads, as SQL over `pledge p`.
 *
 * `universe`: every pledge the builder may look at. A State's report needs
 * only its own and those it partners in; a region's those its States lead;
 * the others compare against all reporting States, so they need every pledge.
 *
 * `detail`: the pledges whose texts, indicators and narratives the builder
 * can show. The rest of the universe is loaded as a skeleton (alignment,
 * dates, update statuses), which is all the cross-pledge figures use; a spec
 * checks that each kind's report is the same from the slice as from the whole
 * data set. Parameters start at `$first`.
 */
export interface DatasetSlice {
  universe: string;
  detail: string;
  params: unknown[];
}

export function datasetSlice(kind: ReportKind, scope: { organisationId?: string; number?: number; m49?: string; objectives?: number[] }, first: number): DatasetSlice {
  const $ = (i: number) => `$${first + i}`;
  switch (kind) {
    case 'state': {
      const sql = `(p.lead_organisation_id = ${$(0)} OR EXISTS (SELECT 1 FROM pledge_partner pp WHERE pp.pledge_id = p.id AND pp.organisation_id = ${$(0)}))`;
      return { universe: sql, detail: 'true', params: [scope.organisationId] };
    }
    case 'region':
      return {
        universe: `p.lead_organisation_id IN (SELECT o.id FROM organisation o JOIN country c ON c.alpha3 = o.country_alpha3
          WHERE ${$(0)} IN (c.region_m49, c.subregion_m49, c.intermediate_region_m49))`,
        detail: 'true',
        params: [scope.m49],
      };
    case 'objective':
      return { universe: 'true', detail: `EXISTS (SELECT 1 FROM pledge_objective po WHERE po.pledge_id = p.id AND po.objective_number = ${$(0)})`, params: [scope.number] };
    case 'theme':
      return { universe: 'true', detail: `EXISTS (SELECT 1 FROM pledge_theme pt WHERE pt.pledge_id = p.id AND pt.theme_number = ${$(0)})`, params: [scope.number] };
    case 'round_table':
      return {
        universe: 'true',
        detail: `EXISTS (SELECT 1 FROM pledge_objective po WHERE po.pledge_id = p.id AND po.objective_number = ANY(${$(0)}::int[]))`,
        params: [scope.objectives ?? []],
      };
    case 'imrf_summary':
      return { universe: 'true', detail: 'true', params: [] };
  }
}
