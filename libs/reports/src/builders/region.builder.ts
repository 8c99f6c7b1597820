import { CatalogueCountry } from '../model/catalogue-input.types';
import { ReportDocument, Section } from '../model/document.types';
import { RegionReportInput, ReportInputError } from '../model/report-kind.types';
import { BuilderText, builderText } from '../i18n/builder-text';
import { col, compact, distribution, figure, keyFigures, list, paragraph, shareFigure, table } from './blocks';
import { DatasetIndex, compareText, m49RegionName } from './dataset-index';
import { documentOf } from './document';
import { methodSection, objectiveCoverageTable } from './shared-sections';
import { countBy, scopeData } from './scope';
import { reportingRate, wholePercent } from './statistics';
import { PledgeListFilter, pledgeListHref, stateListHref, updateListHref } from './figure-links';

/** One M49 region (or sub-region, or intermediate region), one cycle: its States rolled up. */
export function buildRegionReport(input: RegionReportInput): ReportDocument {
  const tr: BuilderText = builderText(input.language, input.catalogue);
  const index = new DatasetIndex(input);
  const { m49 } = input.scope;
  const english = m49RegionName(input.catalogue.countries, m49);
  if (!english) throw new ReportInputError(`M49 region ${m49} has no State in the catalogue`);
  const name = tr.catalogue('region', m49, english);
  const stateName = (c: CatalogueCountry) => tr.catalogue('country', c.alpha3, c.name);
  const cycle = index.cycle(input.scope.cycleCode);
  const countries = input.catalogue.countries
    .filter((c) => c.regionM49 === m49 || c.subregionM49 === m49 || c.intermediateRegionM49 === m49)
    .sort((a, b) => compareText(stateName(a), stateName(b)));
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
  const subregions = [...new Map(countries.map((c) => [c.subregionM49, tr.catalogue('region', c.subregionM49, c.subregion)])).entries()]
    .sort((a, b) => compareText(a[1], b[1]));
  const orgOf = (c: CatalogueCountry) => orgByCountry.get(c.alpha3)?.id ?? '';
  // The region's population as the lists filter it: pledges led by a State of the region (the same membership rule).
  const region: Omit<PledgeListFilter, 'reported'> = { cycle: cycle.code, leadRegion: m49 };
  const ofState = (c: CatalogueCountry): Record<string, string> | null => {
    const org = orgByCountry.get(c.alpha3)?.id;
    if (!org) return null;
    const mine = { cycle: cycle.code, organisation: org };
    return { pledgesOwing: pledgeListHref({ ...mine, reported: 'owed' }), updates: updateListHref(mine), late: updateListHref({ ...mine, reported: 'late' }) };
  };
  // A sub-region row counts the region's States in that sub-region: the sub-region itself when it lies within the
  // region, else (the report is on an intermediate region inside it) the region itself. M49 areas nest, so one is in the other.
  const subregionFilter = (code: string): Omit<PledgeListFilter, 'reported'> => ({
    cycle: cycle.code,
    leadRegion: input.catalogue.countries.every((c) => c.subregionM49 !== code || inRegion.has(c.alpha3)) ? code : m49,
  });

  const sections: Section[] = [
    {
      id: 'summary',
      title: tr.t('summary'),
      blocks: [
        keyFigures('headline', [
          figure('states', tr.t('figStatesInRegion'), countries.length, 'integer'),
          figure('statesWithPledges', tr.t('figStatesWithPledges'), scope.facts.statesWithPledges.size, 'integer', null,
            stateListHref({ ...region, reported: 'owed' })),
          figure('reportingStates', tr.t('figReportingStates'), scope.facts.reportingStates.size, 'integer', null,
            stateListHref({ ...region, reported: 'counted' })),
          shareFigure('reportingRate', tr.t('figReportingRate'), rate,
            (sh) => tr.t('shareOfStatesWithPledges', { numerator: tr.count(sh.numerator), denominator: tr.count(sh.denominator) })),
          figure('pledgesOwing', tr.t('figPledgesOwing'), scope.expected.length, 'integer', null, pledgeListHref({ ...region, reported: 'owed' })),
          figure('updates', tr.t('figUpdates'), scope.counted.length, 'integer', null, updateListHref(region)),
        ]),
        paragraph(rate.ratio === null
          ? tr.t('regionNoneOwing', { name, cycle: cycle.code })
          : tr.t('regionRate', {
            cycle: cycle.code, name, percent: tr.count(wholePercent(rate.ratio)), numerator: tr.count(rate.numerator), denominator: tr.count(rate.denominator),
          })),
        distribution('status-distribution', tr.t('regionStatusOf', { n: scope.expected.length, count: tr.count(scope.expected.length) }),
          scope.expected.map((p) => index.reportedStatus(p.id, [cycle])), tr, { ...region, reported: 'owed' }),
      ],
    },
    {
      id: 'states',
      title: tr.t('statesHeading'),
      blocks: [table('states', tr.t('regionStatesCaption', { name }), [
        col('state', tr.t('colState')),
        col('subregion', tr.t('colSubregion')),
        col('pledgesOwing', tr.t('colPledgesOwing'), 'integer'),
        col('updates', tr.t('colUpdates'), 'integer'),
        col('late', tr.t('colLate'), 'integer'),
        col('reported', tr.t('colReported'), 'boolean'),
      ], countries.map((c) => ({
        state: stateName(c), subregion: tr.catalogue('region', c.subregionM49, c.subregion), pledgesOwing: owing.get(orgOf(c)) ?? 0,
        updates: updates.get(orgOf(c)) ?? 0, late: late.get(orgOf(c)) ?? 0, reported: scope.facts.reportingStates.has(orgOf(c)),
      })), countries.map(ofState))],
    },
    {
      id: 'subregions',
      title: tr.t('subregionsHeading'),
      blocks: [table('subregions', tr.t('regionBySubregion'), [
        col('subregion', tr.t('colSubregion')),
        col('states', tr.t('colStates'), 'integer'),
        col('statesWithPledges', tr.t('figStatesWithPledges'), 'integer'),
        col('reportingStates', tr.t('figReportingStates'), 'integer'),
        col('rate', tr.t('figReportingRate'), 'percent'),
      ], subregions.map(([code, label]) => {
        const ids = countries.filter((c) => c.subregionM49 === code).map(orgOf);
        const withPledges = ids.filter((id) => scope.facts.statesWithPledges.has(id)).length;
        const reporting = ids.filter((id) => scope.facts.reportingStates.has(id)).length;
        return { subregion: label, states: ids.length, statesWithPledges: withPledges, reportingStates: reporting, rate: withPledges === 0 ? null : reporting / withPledges };
      }), subregions.map(([code]) => ({
        statesWithPledges: stateListHref({ ...subregionFilter(code), reported: 'owed' }),
        reportingStates: stateListHref({ ...subregionFilter(code), reported: 'counted' }),
      })))],
    },
    {
      id: 'objectives',
      title: tr.t('regionByObjective'),
      blocks: [objectiveCoverageTable('objective-coverage', tr.t('regionCoverageCaption', { name }), index, scope.facts,
        index.objectiveList().map((o) => o.number), scope.expected, tr, region)],
    },
    {
      id: 'non-reporting',
      title: tr.t('regionSilentHeading'),
      blocks: compact([
        paragraph(silent.length === 0 ? tr.t('regionAllReported') : tr.t('regionSilent', { n: silent.length, count: tr.count(silent.length) })),
        list(silent.map(stateName)),
      ]),
    },
    methodSection([tr.t('regionMethod')], tr),
  ];
  return documentOf(input, 'region', tr.t('stateTitle', { org: name, cycle: cycle.code }), tr.t('regionSubtitle', { m49 }), [cycle], sections);
}
