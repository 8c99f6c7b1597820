import { Block, ReportDocument, Section } from '../model/document.types';
import { CycleInput, PledgeInput, UpdateInput } from '../model/report-input.types';
import { ReportInputError, StateReportInput } from '../model/report-kind.types';
import { col, compact, distribution, figure, heading, keyFigures, list, note, paragraph, plural, shareFigure, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { documentOf } from './document';
import { AFTER_EXTENSION_NOTE, INDICATOR_COLUMNS, afterExtensionDetail, indicatorRows, methodSection } from './shared-sections';
import { STATUS_LABELS, share } from './statistics';

/** One organisation (a State or a stakeholder), one cycle: its pledges and what it reported. */
export function buildStateReport(input: StateReportInput): ReportDocument {
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

  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: compact([
        keyFigures('headline', [
          figure('pledgesOwing', 'Pledges owing an update', owing.length, 'integer'),
          figure('updates', 'Updates counted', counted.length, 'integer', `${counted.filter((u) => u.lifecycle === 'validated').length} validated`),
          figure('late', 'Submitted late', counted.filter((u) => u.late).length, 'integer', afterExtensionDetail(counted)),
          figure('missing', 'Missing updates', owing.length - counted.length, 'integer'),
          shareFigure('reported', 'Pledges reported on', share(counted.length, owing.length), 'pledges owing'),
        ]),
        country && paragraph(`${org.name} is in ${country.subregion}, ${country.region}.`),
        distribution('status-distribution', `Status of the ${plural(owing.length, 'pledge')} owing an update`,
          owing.map((p) => index.reportedStatus(p.id, [cycle]))),
      ]),
    },
    {
      id: 'pledges',
      title: 'Pledges',
      blocks: owing.length === 0 ? [paragraph(`${org.name} has no pledge owing an update for ${cycle.code}.`)] : [pledgeTable(index, owing, cycle, previous)],
    },
    ...owing.map((p) => pledgeSection(index, p, cycle)),
    {
      id: 'indicators',
      title: 'Indicator progress',
      blocks: [table('indicators', `Indicators measured in ${cycle.code}`, INDICATOR_COLUMNS,
        owing.flatMap((p) => indicatorRows(p, index.validatedUpdate(p.id, cycle.code))))],
    },
    {
      id: 'partnerships',
      title: 'Pledges as partner',
      blocks: partnerOf.length === 0
        ? [paragraph(`${org.name} is not a partner in another organisation's pledge.`)]
        : [list(partnerOf.map((p) => `${p.reference} ${p.title} (led by ${index.organisationName(p.leadOrganisationId)})`))],
    },
    methodSection([
      'A late update was submitted after the cycle deadline; a missing update is one not submitted at all (or returned for revision and not resubmitted).',
      AFTER_EXTENSION_NOTE,
    ]),
  ];
  // Withdrawn before the cycle began: they owe it nothing, but the State's record shows why they are gone.
  const withdrawn = led.filter((p) => p.withdrawnAt !== null && p.withdrawnAt < `${cycle.periodStart}T00:00:00.000Z`);
  if (withdrawn.length > 0) {
    sections.splice(sections.length - 1, 0, {
      id: 'withdrawn',
      title: 'Withdrawn pledges',
      blocks: [list(withdrawn.map((p) => `${p.reference} ${p.title}: withdrawn on ${p.withdrawnAt?.slice(0, 10)}${p.withdrawalReason ? ` (${p.withdrawalReason})` : ''}`))],
    });
  }
  return documentOf(input, 'state', `${org.name}: progress report for ${cycle.code}`,
    `Pledges under the Global Compact for Migration and their progress, ${cycle.periodStart} to ${cycle.periodEnd}`, [cycle], sections);
}

function pledgeTable(index: DatasetIndex, owing: PledgeInput[], cycle: CycleInput, previous: CycleInput | null) {
  return table('pledges', `Pledges and their updates for ${cycle.code}`, [
    col('reference', 'Reference'),
    col('title', 'Title'),
    col('primaryObjective', 'Primary objective', 'identifier'),
    col('status', 'Status'),
    col('percentComplete', 'Percent complete', 'integer'),
    col('previousStatus', `Status ${previous?.code ?? 'previous cycle'}`),
    col('previousPercent', `Percent ${previous?.code ?? 'previous cycle'}`, 'integer'),
    col('review', 'Review'),
    col('late', 'Late', 'boolean'),
    col('missing', 'Missing', 'boolean'),
  ], owing.map((p) => {
    const u = index.update(p.id, cycle.code);
    const c = index.countedUpdate(p.id, cycle.code);
    const v = index.validatedUpdate(p.id, cycle.code);
    const prev = previous ? index.validatedUpdate(p.id, previous.code) : null;
    return {
      reference: p.reference,
      title: p.title,
      primaryObjective: p.primaryObjective,
      status: v ? STATUS_LABELS[v.status] : null,
      percentComplete: v?.percentComplete ?? null,
      previousStatus: prev ? STATUS_LABELS[prev.status] : null,
      previousPercent: prev?.percentComplete ?? null,
      review: u ? { submitted: 'awaiting validation', validated: 'validated', returned: 'returned for revision', draft: null }[u.lifecycle] : null,
      late: c ? c.late : null,
      missing: c === null,
    };
  }));
}

/** The pledge's alignment and the narrative of its validated update; nothing from updates awaiting validation or returned is shown. */
function pledgeSection(index: DatasetIndex, p: PledgeInput, cycle: CycleInput): Section {
  const u = index.validatedUpdate(p.id, cycle.code);
  const awaiting = u === null && index.countedUpdate(p.id, cycle.code) !== null;
  const objectives = [...p.objectives].sort((a, b) => a - b)
    .map((n) => `Objective ${n}: ${index.objectives.get(n)?.title ?? 'not in this framework version'}${n === p.primaryObjective ? ' (primary)' : ''}`);
  const alignment = [
    ...objectives,
    p.themes.length > 0 && `Themes: ${[...p.themes].sort((a, b) => a - b).map((t) => index.themes.get(t)?.code ?? `T${t}`).join(', ')}`,
    p.commitments.length > 0 && `Actionable commitments: ${[...p.commitments].sort(compareText).join(', ')}`,
    p.recommendations.length > 0 && `SG recommendations: ${[...p.recommendations].sort((a, b) => a - b).map((r) => `para. ${r}`).join(', ')}`,
    p.budget && `Budget: ${p.budget.amount} ${p.budget.currency}`,
    `Timeline: ${p.startDate} to ${p.targetDate}`,
  ].filter((x): x is string => typeof x === 'string');
  const narrative: Block[] = u
    ? compact([
      u.reconfirmation && note('Reconfirmed: no change since the previous cycle.'),
      u.late && note(`Submitted after the deadline of ${cycle.deadline}.`, 'warning'),
      u.afterExtension === true && note(`Included after extension: submitted after the cycle deadline of ${cycle.deadline}, by the later deadline the secretariat granted.`),
      heading('Actions taken', 4), paragraph(u.actionsTaken || 'Not stated.'),
      heading('Challenges', 4), paragraph(u.challenges || 'None reported.'),
      heading('Next steps', 4), paragraph(u.nextSteps || 'Not stated.'),
      u.evidence.length > 0 && heading('Evidence', 4),
      list(u.evidence.map((e) => [e.title, e.url, e.sha256 && `SHA-256 ${e.sha256}`].filter(Boolean).join(' — '))),
      u.partnerContributions.length > 0 && heading('Partner contributions', 4),
      list(u.partnerContributions.map((c) => `${index.organisationName(c.organisationId)}: ${c.text}`)),
    ])
    : [awaiting
      ? note(`An update was submitted for ${cycle.code} and awaits validation by the secretariat; its content is published once validated.`)
      : note(`No update was submitted for ${cycle.code}.`, 'warning')];
  return {
    id: `pledge-${p.reference}`,
    title: `${p.reference}: ${p.title}`,
    blocks: [paragraph(p.description), heading('Alignment and scope', 4), list(alignment), ...narrative],
  };
}
