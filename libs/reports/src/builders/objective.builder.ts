import { Block, ReportDocument, Section } from '../model/document.types';
import { ObjectiveReportInput } from '../model/report-kind.types';
import { builderText } from '../i18n/builder-text';
import { col, compact, describeShareIn, distribution, figure, heading, keyFigures, list, narrative, paragraph, shareFigure, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { documentOf } from './document';
import { objectiveQuestionsSection } from './guiding-questions.section';
import { overviewBlocks, overviewContext, practiceBlocks } from './overview.section';
import { challengeBlocks, expertReportsBlocks, indicatorColumns, indicatorRows, methodSection } from './shared-sections';
import { scopeData } from './scope';
import { changeSection, PRINTED_PLEDGE_ROWS } from './change.section';
import { objectiveCoverage } from './statistics';
import { PledgeListFilter, pledgeListHref, pledgerListHref, stateListHref, updateListHref } from './figure-links';

/** One objective, one cycle: every pledge aligned with it (primary or not), its update, and the overview of progress in prose. */
export function buildObjectiveReport(input: ObjectiveReportInput): ReportDocument {
  const tr = builderText(input.language, input.catalogue);
  const index = new DatasetIndex(input);
  const objective = index.objective(input.scope.objective);
  const n = objective.number;
  const cycle = index.cycle(input.scope.cycleCode);
  const all = scopeData(index, [cycle]);
  const mine = scopeData(index, [cycle], (p) => p.objectives.includes(n));
  const pledges = [...mine.expected].sort((a, b) => compareText(a.reference, b.reference));
  const coverage = objectiveCoverage(all.facts, n);
  const pledgers = new Set(pledges.map((p) => p.leadOrganisationId));
  const themes = objective.themes.map((t) => {
    const code = index.themes.get(t.number)?.code ?? `T${t.number}`;
    return t.primary ? tr.t('themePrimary', { code }) : code;
  });
  const recommendations = [...index.data.catalogue.recommendations].filter((r) => r.objectives.includes(n)).sort((a, b) => a.paragraph - b.paragraph);
  const ctx = overviewContext(index, tr, all, cycle.code);
  const empty = pledges.length === 0;
  const indicatorRowsAll = pledges.flatMap((p) => indicatorRows(p, index.validatedUpdate(p.id, cycle.code), tr));
  const overview: Block[] = input.narrative === false ? [] : mine.counted.length === 0
    ? [paragraph(tr.t(empty ? 'objNoPledge' : 'objNoUpdate', { n, cycle: cycle.code }))]
    : overviewBlocks(ctx, n, mine.counted, [cycle], false);
  const practices = practiceBlocks(ctx, n, mine.counted, 'practices').filter((b) => b.type !== 'heading');
  const footnotes = ctx.citations.block();
  const onIt: Omit<PledgeListFilter, 'reported'> = { cycle: cycle.code, objective: n };

  const sections: Section[] = [
    {
      id: 'summary',
      title: tr.t('summary'),
      blocks: compact([
        keyFigures('headline', [
          figure('pledges', tr.t('objFigPledges'), pledges.length, 'integer',
            tr.t('objFigPrimary', { count: tr.count(pledges.filter((p) => p.primaryObjective === n).length) }), pledgeListHref({ ...onIt, reported: 'owed' })),
          figure('pledgers', tr.t('objFigPledgers'), pledgers.size, 'integer', null, pledgerListHref({ ...onIt, reported: 'owed' })),
          figure('statesWithPledges', tr.t('objFigStates'), mine.facts.statesWithPledges.size, 'integer', null, stateListHref({ ...onIt, reported: 'owed' })),
          figure('updates', tr.t('figUpdates'), mine.counted.length, 'integer', null, updateListHref(onIt)),
          shareFigure('coverage', tr.t('objFigCoverage'), coverage,
            (sh) => tr.t('shareOfReportingStates', { numerator: tr.count(sh.numerator), denominator: tr.count(sh.denominator) })),
        ]),
        paragraph(coverage.ratio === null ? tr.t('rtNoReporting', { cycles: cycle.code })
          : tr.t('objCoverage', { cycle: cycle.code, share: describeShareIn(coverage, tr), n })),
        list([tr.t('objThemes', { list: themes.length > 0 ? tr.list(themes) : tr.t('none') }),
          ...recommendations.map((r) => tr.t('objRecommendation', { paragraph: String(r.paragraph), title: tr.catalogue('recommendation', r.paragraph, r.shortTitle) }))]),
        empty ? paragraph(tr.t('objNoPledge', { n, cycle: cycle.code }))
          : distribution('status-distribution', tr.t('statusOfOwing', { n: pledges.length, count: tr.count(pledges.length) }),
            pledges.map((p) => index.reportedStatus(p.id, [cycle])), tr, { ...onIt, reported: 'owed' }),
      ]),
    },
    ...narrative(input, () => ({
      id: 'overview',
      title: tr.t('ovTitle'),
      blocks: footnotes ? [...overview, heading(tr.t('footnotesHeading'), 4), footnotes] : overview,
    })),
    {
      id: 'pledges',
      title: tr.t('objPledgesSection'),
      blocks: empty ? [paragraph(tr.t('objNoPledge', { n, cycle: cycle.code }))] : [table('pledges', tr.t('objPledgesCaption', { n, cycle: cycle.code }), [
        col('reference', tr.t('colReference')),
        col('title', tr.t('colTitle')),
        col('lead', tr.t('colLead')),
        col('primary', tr.t('colPrimaryObjective'), 'boolean'),
        col('status', tr.t('colStatus')),
        col('percentComplete', tr.t('colPercentComplete'), 'integer'),
        col('late', tr.t('colLate'), 'boolean'),
      ], pledges.map((p) => {
        const counted = index.countedUpdate(p.id, cycle.code);
        const u = index.validatedUpdate(p.id, cycle.code);
        return {
          reference: p.reference, title: p.title, lead: index.organisationName(p.leadOrganisationId), primary: p.primaryObjective === n,
          status: tr.status(u ? u.status : 'no_update'), percentComplete: u?.percentComplete ?? null,
          late: counted ? counted.late : null,
        };
      }))],
    },
    {
      id: 'indicators',
      title: tr.t('indicatorProgress'),
      blocks: indicatorRowsAll.length === 0 ? [paragraph(tr.t('objNoIndicator', { n }))]
        : [table('indicators', tr.t('objIndicatorsCaption', { n }), indicatorColumns(tr), indicatorRowsAll)],
    },
    { id: 'challenges', title: tr.t('objChallengesSection'), blocks: challengeBlocks(index, mine.counted, tr.t('onObjective', { n }), undefined, tr) },
    {
      id: 'expert-reports',
      title: tr.t('ovExpertHeading'),
      blocks: expertReportsBlocks(input.expertReports, [cycle], (r) => r.objectives.includes(n), 'expert-reports', tr),
    },
    { id: 'practices', title: tr.t('objPracticesSection'), blocks: practices },
    ...narrative(input, () => objectiveQuestionsSection(index, n, tr)).filter((s): s is Section => s !== null),
    // Change since the last cycle (issue 16 item 4), before the notes on method.
    ...narrative(input, () => changeSection(index, [cycle], (p) => p.objectives.includes(n), tr, { statesRate: true, population: { objective: n }, printedRows: PRINTED_PLEDGE_ROWS })),
    methodSection([tr.t('methodOverview')], tr),
  ];
  return documentOf(input, 'objective', tr.t('objectiveLine', { n, title: tr.catalogue('objective', n, objective.title) }),
    tr.t('objSubtitle', { cycle: cycle.code }), [cycle], sections);
}
