import { Block, Section } from '../model/document.types';
import { CycleInput } from '../model/report-input.types';
import { BuilderText } from '../i18n/builder-text';
import { col, compact, figure, keyFigures, note, paragraph, table } from './blocks';
import { adoptionCount, adoptionFramework, stateAdoption } from './cycle-change';
import { stateListHref } from './figure-links';
import { DatasetIndex } from './dataset-index';

/** The data set's cycles up to `cycle`: the report's cycle and the ones before it that were loaded (the previous one). */
function cyclesUpTo(index: DatasetIndex, cycle: CycleInput): CycleInput[] {
  return index.cycles.filter((c) => c.periodStart <= cycle.periodStart);
}

/** A State's themes and commitments addressed, cycle by cycle up to the report's cycle. */
export function stateAdoptionSection(index: DatasetIndex, organisationId: string, orgName: string, cycle: CycleInput, tr: BuilderText): Section {
  const framework = adoptionFramework(index);
  const led = index.data.pledges.filter((p) => p.leadOrganisationId === organisationId);
  const rows = cyclesUpTo(index, cycle).map((c) => ({ cycle: c, a: stateAdoption(index, organisationId, c, framework, led) }));
  const now = rows[rows.length - 1].a;
  const code = (n: number) => index.themes.get(n)?.code ?? `T${n}`;
  return {
    id: 'adoption',
    title: tr.t('adoptionTitle'),
    blocks: [
      paragraph(`${tr.t('adoptionState', {
        cycle: cycle.code, org: orgName, themes: tr.count(now.pledged.themes.length), totalThemes: tr.count(now.totalThemes),
        commitments: tr.count(now.pledged.commitments), totalCommitments: tr.count(now.totalCommitments),
        reportedThemes: tr.count(now.reported.themes.length), reportedCommitments: tr.count(now.reported.commitments),
      })} ${tr.t(now.pledged.adopted ? 'adoptionStateGoal' : 'adoptionStateNoGoal', { org: orgName })}`),
      table('adoption', tr.t('adoptionCaption'), [
        col('cycle', tr.t('colCycle')),
        col('themesAddressed', tr.t('colThemesAddressed')),
        col('themes', tr.t('colThemes'), 'integer'),
        col('commitments', tr.t('colCommitments'), 'integer'),
        col('commitmentShare', tr.t('colCommitmentShare'), 'percent'),
        col('themesReported', tr.t('colThemesReported'), 'integer'),
        col('commitmentsReported', tr.t('colCommitmentsReported'), 'integer'),
        col('goal', tr.t('colGoal'), 'boolean'),
      ], rows.map(({ cycle: c, a }) => ({
        cycle: c.code,
        themesAddressed: a.pledged.themes.length > 0 ? tr.list(a.pledged.themes.map(code)) : null,
        themes: a.pledged.themes.length,
        commitments: a.pledged.commitments,
        commitmentShare: a.pledged.commitmentShare,
        themesReported: a.reported.themes.length,
        commitmentsReported: a.reported.commitments,
        goal: a.pledged.adopted,
      }))),
      note(tr.t('methodAdoption')),
    ],
  };
}

/** How many States address all five themes and a majority of the commitments, and how that moved since the last cycle. */
export function imrfAdoptionSection(index: DatasetIndex, cycles: CycleInput[], tr: BuilderText): Section {
  const framework = adoptionFramework(index);
  const last = cycles[cycles.length - 1];
  const previousCycle = index.previousCycle(last);
  const trend = cyclesUpTo(index, last).filter((c) => c === previousCycle || cycles.includes(c)).map((c) => adoptionCount(index, c, framework));
  const now = trend[trend.length - 1];
  const before = previousCycle ? trend.find((t) => t.cycle === previousCycle) ?? null : null;
  const blocks: Block[] = compact([
    keyFigures('adoption-headline', [
      figure('allThemes', tr.t('figAllThemes'), now.allThemes, 'integer'),
      figure('majority', tr.t('figMajority'), now.majority, 'integer'),
      figure('adopted', tr.t('figAdopted'), now.adopted, 'integer', before ? tr.t('adoptionSince', {
        previous: before.cycle.code, adopted: tr.count(before.adopted), states: tr.count(before.statesWithPledges),
      }) : null),
      figure('adoptedReported', tr.t('figAdoptedReported'), now.adoptedReported, 'integer'),
    ]),
    paragraph([
      tr.t('adoptionSummary', {
        cycle: last.code, adopted: tr.count(now.adopted), states: tr.count(now.statesWithPledges),
        totalCommitments: tr.count(framework.commitments.length), reported: tr.count(now.adoptedReported),
      }),
      before
        ? tr.t('adoptionSince', { previous: before.cycle.code, adopted: tr.count(before.adopted), states: tr.count(before.statesWithPledges) })
        : tr.t('changeFirstCycle', { cycle: last.code }),
    ].join(' ')),
    table('adoption-trend', tr.t('adoptionTrendCaption'), [
      col('cycle', tr.t('colCycle')),
      col('statesWithPledges', tr.t('colStatesWithPledges'), 'integer'),
      col('allThemes', tr.t('figAllThemes'), 'integer'),
      col('majority', tr.t('figMajority'), 'integer'),
      col('adopted', tr.t('colAdopted'), 'integer'),
      col('adoptedReported', tr.t('colAdoptedReported'), 'integer'),
    ], trend.map((t) => ({
      cycle: t.cycle.code, statesWithPledges: t.statesWithPledges, allThemes: t.allThemes, majority: t.majority, adopted: t.adopted, adoptedReported: t.adoptedReported,
    })), trend.map((t) => ({ statesWithPledges: stateListHref({ cycle: t.cycle.code, reported: 'owed' }) }))),
    note(tr.t('methodAdoption')),
  ]);
  return { id: 'adoption', title: tr.t('adoptionTitle'), blocks };
}
