import { CatalogueCountry } from '../model/catalogue-input.types';
import { ReportDocument, Section } from '../model/document.types';
import { RegionReportInput, ReportInputError } from '../model/report-kind.types';
import { col, compact, shareSentence, distribution, figure, keyFigures, list, paragraph, plural, shareFigure, table } from './blocks';
import { DatasetIndex, compareText, m49RegionName } from './dataset-index';
import { documentOf } from './document';
import { methodSection, objectiveCoverageTable } from './shared-sections';
import { countBy, scopeData } from './scope';
import { reportingRate } from './statistics';

/** One M49 region (or sub-region, or intermediate region), one cycle: its States rolled up. */
export function buildRegionReport(input: RegionReportInput): ReportDocument {
  const index = new DatasetIndex(input);
  const { m49 } = input.scope;
  const name = m49RegionName(input.catalogue.countries, m49);
  if (!name) throw new ReportInputError(`M49 region ${m49} has no State in the catalogue`);
  const cycle = index.cycle(input.scope.cycleCode);
  const countries = input.catalogue.countries
    .filter((c) => c.regionM49 === m49 || c.subregionM49 === m49 || c.intermediateRegionM49 === m49)
    .sort((a, b) => compareText(a.name, b.name));
  const inRegion = new Set(countries.map((c) => c.alpha3));
  const stateOrgs = input.organisations.filter((o) => o.kind === 'state' && o.countryAlpha3 !== null && inRegion.has(o.countryAlpha3));
  const orgIds = new Set(stateOrgs.map((o) => o.id));
  const orgByCountry = new Map(stateOrgs.map((o) => [o.countryAlpha3 as string, o]));
  const scope = scopeData(index, [cycle], (p) => orgIds.has(p.leadOrganisationId));
  const rate = reportingRate(scope.facts);
  const owing = countBy(scope.expected, (p) => p.leadOrganisationId);
  const updates = countBy(scope.counted, (u) => index.pledges.get(u.pledgeId)!.leadOrganisationId);
  const late = countBy(scope.counted.filter((u) => u.late), (u) => index.pledges.get(u.pledgeId)!.leadOrganisationId);
  const silent = countries.filter((c) => {
    const org = orgByCountry.get(c.alpha3);
    return org && scope.facts.statesWithPledges.has(org.id) && !scope.facts.reportingStates.has(org.id);
  });
  const subregions = [...new Map(countries.map((c) => [c.subregionM49, c.subregion])).entries()].sort((a, b) => compareText(a[1], b[1]));
  const orgOf = (c: CatalogueCountry) => orgByCountry.get(c.alpha3)?.id ?? '';

  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        keyFigures('headline', [
          figure('states', 'States in the region', countries.length, 'integer'),
          figure('statesWithPledges', 'States with pledges', scope.facts.statesWithPledges.size, 'integer'),
          figure('reportingStates', 'Reporting States', scope.facts.reportingStates.size, 'integer'),
          shareFigure('reportingRate', 'Reporting rate', rate, 'States with pledges'),
          figure('pledgesOwing', 'Pledges owing an update', scope.expected.length, 'integer'),
          figure('updates', 'Updates counted', scope.counted.length, 'integer'),
        ]),
        paragraph(shareSentence(rate, (d) => `In ${cycle.code}, ${d} of the States of ${name} with pledges reported.`, `No State of ${name} has a pledge owing an update in ${cycle.code}.`)),
        distribution('status-distribution', `Status of the ${plural(scope.expected.length, 'pledge')} led by States of the region`,
          scope.expected.map((p) => index.reportedStatus(p.id, [cycle]))),
      ],
    },
    {
      id: 'states',
      title: 'States',
      blocks: [table('states', `States of ${name}`, [
        col('state', 'State'),
        col('subregion', 'Sub-region'),
        col('pledgesOwing', 'Pledges owing', 'integer'),
        col('updates', 'Updates', 'integer'),
        col('late', 'Late', 'integer'),
        col('reported', 'Reported', 'boolean'),
      ], countries.map((c) => ({
        state: c.name, subregion: c.subregion, pledgesOwing: owing.get(orgOf(c)) ?? 0, updates: updates.get(orgOf(c)) ?? 0,
        late: late.get(orgOf(c)) ?? 0, reported: scope.facts.reportingStates.has(orgOf(c)),
      })))],
    },
    {
      id: 'subregions',
      title: 'Sub-regions',
      blocks: [table('subregions', 'Reporting by sub-region', [
        col('subregion', 'Sub-region'),
        col('states', 'States', 'integer'),
        col('statesWithPledges', 'States with pledges', 'integer'),
        col('reportingStates', 'Reporting States', 'integer'),
        col('rate', 'Reporting rate', 'percent'),
      ], subregions.map(([code, label]) => {
        const ids = countries.filter((c) => c.subregionM49 === code).map(orgOf);
        const withPledges = ids.filter((id) => scope.facts.statesWithPledges.has(id)).length;
        const reporting = ids.filter((id) => scope.facts.reportingStates.has(id)).length;
        return { subregion: label, states: ids.length, statesWithPledges: withPledges, reportingStates: reporting, rate: withPledges === 0 ? null : reporting / withPledges };
      }))],
    },
    {
      id: 'objectives',
      title: 'Reporting by objective',
      blocks: [objectiveCoverageTable('objective-coverage', `Share of the reporting States of ${name} that reported on each objective`, index, scope.facts,
        index.objectiveList().map((o) => o.number), scope.expected)],
    },
    {
      id: 'non-reporting',
      title: 'States that did not report',
      blocks: compact([
        paragraph(silent.length === 0 ? 'Every State of the region with pledges reported.' : `${plural(silent.length, 'State')} with pledges submitted no update:`),
        list(silent.map((c) => c.name)),
      ]),
    },
    methodSection(['States are those of the UN M49 region in the catalogue; pledges are counted under their lead State.']),
  ];
  return documentOf(input, 'region', `${name}: progress report for ${cycle.code}`, `UN M49 region ${m49}`, [cycle], sections);
}
