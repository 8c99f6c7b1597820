import { Block, ReportDocument, Section } from '../model/document.types';
import { CycleInput, PledgeInput, UpdateInput } from '../model/report-input.types';
import { ReportInputError, StateReportInput } from '../model/report-kind.types';
import { BuilderText, builderText } from '../i18n/builder-text';
import { col, compact, distribution, figure, heading, keyFigures, list, narrative, note, paragraph, shareFigure, table } from './blocks';
import { DatasetIndex, compareText, m49RegionName } from './dataset-index';
import { documentOf } from './document';
import { afterExtensionDetail, afterExtensionNote, indicatorColumns, indicatorRows, methodSection } from './shared-sections';
import { share } from './statistics';
import { PledgeListFilter, pledgeListHref, updateListHref } from './figure-links';
import { changeSection } from './change.section';
import { stateAdoptionSection } from './adoption.section';

/** One organisation (a State or a stakeholder), one cycle: its pledges and what it reported. */
export function buildStateReport(input: StateReportInput): ReportDocument {
  const tr = builderText(input.language, input.catalogue);
  const index = new DatasetIndex(input);
  const org = index.organisations.get(input.scope.organisationId);
  if (!org) throw new ReportInputError(`organisation ${input.scope.organisationId} is not in the dataset`);
  const cycle = index.cycle(input.scope.cycleCode);
  const previous = index.previousCycle(cycle);
  const led = index.data.pledges
    .filter((p) => p.leadOrganisationId === org.id)
    .sort((a, b) => compareText(a.reference, b.reference));
  const owing = led.filter((p) => index.isExpected(p, cycle));
  const partnerOf = index.data.pledges
    .filter((p) => p.partnerOrganisationIds.includes(org.id) && index.isExpected(p, cycle))
    .sort((a, b) => compareText(a.reference, b.reference));
  const counted = owing.map((p) => index.countedUpdate(p.id, cycle.code)).filter((u): u is UpdateInput => u !== null);
  const country = index.countryOf(org.id);
  const mine: Omit<PledgeListFilter, 'reported'> = { cycle: cycle.code, organisation: org.id };

  const sections: Section[] = [
    {
      id: 'summary',
      title: tr.t('summary'),
      blocks: compact([
        keyFigures('headline', [
          figure('pledgesOwing', tr.t('figPledgesOwing'), owing.length, 'integer', null, pledgeListHref({ ...mine, reported: 'owed' })),
          figure('updates', tr.t('figUpdates'), counted.length, 'integer',
            tr.t('figValidated', { count: tr.count(counted.filter((u) => u.lifecycle === 'validated').length) }), updateListHref(mine)),
          figure('late', tr.t('figLate'), counted.filter((u) => u.late).length, 'integer', afterExtensionDetail(counted, tr), updateListHref({ ...mine, reported: 'late' })),
          figure('missing', tr.t('figMissing'), owing.length - counted.length, 'integer', null, pledgeListHref({ ...mine, reported: 'not-reported' })),
          shareFigure('reported', tr.t('figReported'), share(counted.length, owing.length),
            (sh) => tr.t('shareOfPledgesOwing', { numerator: tr.count(sh.numerator), denominator: tr.count(sh.denominator) })),
        ]),
        country && paragraph(tr.t('locatedIn', {
          org: org.name, subregion: tr.catalogue('region', country.subregionM49, country.subregion), region: tr.catalogue('region', country.regionM49, country.region),
        })),
        distribution('status-distribution', tr.t('statusOfOwing', { n: owing.length, count: tr.count(owing.length) }),
          owing.map((p) => index.reportedStatus(p.id, [cycle])), tr, { ...mine, reported: 'owed' }),
      ]),
    },
    {
      id: 'pledges',
      title: tr.t('pledges'),
      blocks: owing.length === 0 ? [paragraph(tr.t('noPledgeOwing', { org: org.name, cycle: cycle.code }))] : [pledgeTable(index, owing, cycle, previous, tr)],
    },
    ...owing.map((p) => pledgeSection(index, p, cycle, tr)),
    {
      id: 'indicators',
      title: tr.t('indicatorProgress'),
      blocks: [table('indicators', tr.t('indicatorsMeasured', { cycle: cycle.code }), indicatorColumns(tr),
        owing.flatMap((p) => indicatorRows(p, index.validatedUpdate(p.id, cycle.code), tr)))],
    },
    {
      id: 'partnerships',
      title: tr.t('asPartner'),
      blocks: partnerOf.length === 0
        ? [paragraph(tr.t('notPartner', { org: org.name }))]
        : [list(partnerOf.map((p) => tr.t('partnerItem', { reference: p.reference, title: p.title, lead: index.organisationName(p.leadOrganisationId) })))],
    },
    // Issue 16 items 4 and 10: change since the last cycle and, for a State, progressive adoption across the themes.
    ...narrative(input, () => changeSection(index, [cycle], (p) => p.leadOrganisationId === org.id, tr, { statesRate: false, population: { organisation: org.id } })),
    ...(org.kind === 'state' ? narrative(input, () => stateAdoptionSection(index, org.id, org.name, cycle, tr)) : []),
    methodSection([tr.t('methodLateMissing'), afterExtensionNote(tr)], tr),
  ];
  // Withdrawn before the cycle began: they owe it nothing, but the State's record shows why they are gone.
  const withdrawn = led.filter((p) => p.withdrawnAt !== null && p.withdrawnAt < `${cycle.periodStart}T00:00:00.000Z`);
  if (withdrawn.length > 0) {
    sections.splice(sections.length - 1, 0, {
      id: 'withdrawn',
      title: tr.t('withdrawnPledges'),
      blocks: [list(withdrawn.map((p) => tr.t(p.withdrawalReason ? 'withdrawnItemReason' : 'withdrawnItem', {
        reference: p.reference, title: p.title, date: tr.date(p.withdrawnAt?.slice(0, 10) ?? ''), reason: p.withdrawalReason,
      })))],
    });
  }
  return documentOf(input, 'state', tr.t('stateTitle', { org: org.name, cycle: cycle.code }),
    tr.t('stateSubtitle', { start: tr.date(cycle.periodStart), end: tr.date(cycle.periodEnd) }), [cycle], sections);
}

function pledgeTable(index: DatasetIndex, owing: PledgeInput[], cycle: CycleInput, previous: CycleInput | null, tr: BuilderText) {
  const before = previous?.code ?? tr.t('previousCycle');
  return table('pledges', tr.t('pledgesAndUpdates', { cycle: cycle.code }), [
    col('reference', tr.t('colReference')),
    col('title', tr.t('colTitle')),
    col('primaryObjective', tr.t('colPrimaryObjective'), 'identifier'),
    col('status', tr.t('colStatus')),
    col('percentComplete', tr.t('colPercentComplete'), 'integer'),
    col('previousStatus', tr.t('colStatusIn', { cycle: before })),
    col('previousPercent', tr.t('colPercentIn', { cycle: before }), 'integer'),
    col('review', tr.t('colReview')),
    col('late', tr.t('colLate'), 'boolean'),
    col('missing', tr.t('colMissing'), 'boolean'),
  ], owing.map((p) => {
    const u = index.update(p.id, cycle.code);
    const c = index.countedUpdate(p.id, cycle.code);
    const v = index.validatedUpdate(p.id, cycle.code);
    const prev = previous ? index.validatedUpdate(p.id, previous.code) : null;
    return {
      reference: p.reference,
      title: p.title,
      primaryObjective: p.primaryObjective,
      status: v ? tr.status(v.status) : null,
      percentComplete: v?.percentComplete ?? null,
      previousStatus: prev ? tr.status(prev.status) : null,
      previousPercent: prev?.percentComplete ?? null,
      review: u ? { submitted: tr.t('reviewSubmitted'), validated: tr.t('reviewValidated'), returned: tr.t('reviewReturned'), draft: null }[u.lifecycle] : null,
      late: c ? c.late : null,
      missing: c === null,
    };
  }));
}

/** The pledge's alignment and the narrative of its validated update; nothing from updates awaiting validation or returned is shown. */
function pledgeSection(index: DatasetIndex, p: PledgeInput, cycle: CycleInput, tr: BuilderText): Section {
  const u = index.validatedUpdate(p.id, cycle.code);
  const awaiting = u === null && index.countedUpdate(p.id, cycle.code) !== null;
  const objectives = [...p.objectives].sort((a, b) => a - b)
    .map((n) => {
      const o = index.objectives.get(n);
      const title = o ? tr.catalogue('objective', n, o.title) : tr.t('notInFramework');
      return tr.t(n === p.primaryObjective ? 'objectiveLinePrimary' : 'objectiveLine', { n: String(n), title });
    });
  const alignment = [
    ...objectives,
    p.themes.length > 0 && tr.t('themesLine', { list: tr.list([...p.themes].sort((a, b) => a - b).map((t) => index.themes.get(t)?.code ?? `T${t}`)) }),
    p.commitments.length > 0 && tr.t('commitmentsLine', { list: tr.list([...p.commitments].sort(compareText)) }),
    p.recommendations.length > 0 && tr.t('recommendationsLine', { list: tr.list([...p.recommendations].sort((a, b) => a - b).map((r) => tr.t('paragraphRef', { n: String(r) }))) }),
    ...scopeLines(index, p, tr),
    p.budget && tr.t('budgetLine', { amount: p.budget.amount, currency: p.budget.currency }),
    tr.t('timelineLine', { start: tr.date(p.startDate), end: tr.date(p.targetDate) }),
  ].filter((x): x is string => typeof x === 'string');
  const narrative: Block[] = u
    ? compact([
      u.reconfirmation && note(tr.t('reconfirmed')),
      u.late && note(tr.t('submittedLate', { deadline: tr.date(cycle.deadline) }), 'warning'),
      u.afterExtension === true && note(tr.t('includedAfterExtension', { deadline: tr.date(cycle.deadline) })),
      heading(tr.t('actionsTaken'), 4), paragraph(u.actionsTaken || tr.t('notStated')),
      heading(tr.t('challenges'), 4), paragraph(u.challenges || tr.t('noneReported')),
      heading(tr.t('nextSteps'), 4), paragraph(u.nextSteps || tr.t('notStated')),
      u.evidence.length > 0 && heading(tr.t('evidence'), 4),
      list(u.evidence.map((e) => [e.title, e.url, e.sha256 && `SHA-256 ${e.sha256}`].filter(Boolean).join(' — '))),
      u.partnerContributions.length > 0 && heading(tr.t('partnerContributions'), 4),
      list(u.partnerContributions.map((c) => `${index.organisationName(c.organisationId)}: ${c.text}`)),
    ])
    : [awaiting
      ? note(tr.t('awaitingValidation', { cycle: cycle.code }))
      : note(tr.t('noUpdateSubmitted', { cycle: cycle.code }), 'warning')];
  return {
    id: `pledge-${p.reference}`,
    title: `${p.reference}: ${p.title}`,
    blocks: [paragraph(p.description), heading(tr.t('alignment'), 4), list(alignment), ...narrative],
  };
}

/**
 * The pledge's geographical scope: the countries and the M49 regions it names,
 * each in the report language (CLDR), sorted in that language. A code the
 * catalogue does not know is shown as it is rather than dropped.
 */
function scopeLines(index: DatasetIndex, p: PledgeInput, tr: BuilderText): string[] {
  const sorted = (names: string[]) => names.sort((a, b) => a.localeCompare(b, tr.locale));
  const countries = sorted(p.countries.map((a3) => {
    const c = index.countries.get(a3);
    return c ? tr.place(c.alpha2, c.name) : a3;
  }));
  const regions = sorted(p.regions.map((m49) => tr.place(m49, m49RegionName(index.data.catalogue.countries, m49) ?? WORLD_NAMES[m49] ?? m49)));
  return [
    ...(countries.length > 0 ? [tr.t('scopeCountriesLine', { n: countries.length, list: tr.list(countries) })] : []),
    ...(regions.length > 0 ? [tr.t('scopeRegionsLine', { n: regions.length, list: tr.list(regions) })] : []),
  ];
}

/** M49 codes above the regions that no State's row carries: the world (the UN's English name; CLDR names it in the other languages). */
const WORLD_NAMES: Record<string, string> = { '001': 'World' };
