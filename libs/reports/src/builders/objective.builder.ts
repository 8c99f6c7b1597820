import { ReportDocument, Section } from '../model/document.types';
import { ObjectiveReportInput } from '../model/report-kind.types';
import { col, compact, shareSentence, distribution, figure, keyFigures, list, paragraph, plural, shareFigure, table } from './blocks';
import { DatasetIndex, compareText } from './dataset-index';
import { documentOf } from './document';
import { objectiveQuestionsSection } from './guiding-questions.section';
import { builderText } from '../i18n/builder-text';
import { challengeBlocks, expertReportsBlocks, INDICATOR_COLUMNS, indicatorRows, methodSection, practicesTable } from './shared-sections';
import { scopeData } from './scope';
import { changeSection } from './change.section';
import { STATUS_LABELS, objectiveCoverage } from './statistics';

/** One objective, one cycle: every pledge aligned with it (primary or not) and its update. */
export function buildObjectiveReport(input: ObjectiveReportInput): ReportDocument {
  const index = new DatasetIndex(input);
  const objective = index.objective(input.scope.objective);
  const n = objective.number;
  const cycle = index.cycle(input.scope.cycleCode);
  const all = scopeData(index, [cycle]);
  const mine = scopeData(index, [cycle], (p) => p.objectives.includes(n));
  const pledges = [...mine.expected].sort((a, b) => compareText(a.reference, b.reference));
  const coverage = objectiveCoverage(all.facts, n);
  const pledgers = new Set(pledges.map((p) => p.leadOrganisationId));
  const themes = objective.themes.map((t) => `${index.themes.get(t.number)?.code ?? `T${t.number}`}${t.primary ? ' (primary)' : ''}`);
  const recommendations = [...index.data.catalogue.recommendations].filter((r) => r.objectives.includes(n)).sort((a, b) => a.paragraph - b.paragraph);

  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: compact([
        keyFigures('headline', [
          figure('pledges', 'Pledges aligned', pledges.length, 'integer', `${pledges.filter((p) => p.primaryObjective === n).length} as primary objective`),
          figure('pledgers', 'Pledging organisations', pledgers.size, 'integer'),
          figure('statesWithPledges', 'States with pledges on it', mine.facts.statesWithPledges.size, 'integer'),
          figure('updates', 'Updates counted', mine.counted.length, 'integer'),
          shareFigure('coverage', 'Share of reporting States that reported on it', coverage, 'reporting States'),
        ]),
        paragraph(shareSentence(coverage, (d) => `In ${cycle.code}, ${d} of the States that reported at all reported on Objective ${n}.`, `No State reported in ${cycle.code}.`)),
        list([`ICMPD themes: ${themes.join(', ') || 'none'}`,
          ...recommendations.map((r) => `SG recommendation para. ${r.paragraph}: ${r.shortTitle}`)]),
        distribution('status-distribution', `Status of the ${plural(pledges.length, 'pledge')} owing an update`,
          pledges.map((p) => index.reportedStatus(p.id, [cycle]))),
      ]),
    },
    {
      id: 'pledges',
      title: 'Pledges and updates',
      blocks: [table('pledges', `Pledges aligned with Objective ${n} and their ${cycle.code} updates`, [
        col('reference', 'Reference'),
        col('title', 'Title'),
        col('lead', 'Lead organisation'),
        col('primary', 'Primary objective', 'boolean'),
        col('status', 'Status'),
        col('percentComplete', 'Percent complete', 'integer'),
        col('late', 'Late', 'boolean'),
      ], pledges.map((p) => {
        const counted = index.countedUpdate(p.id, cycle.code);
        const u = index.validatedUpdate(p.id, cycle.code);
        return {
          reference: p.reference, title: p.title, lead: index.organisationName(p.leadOrganisationId), primary: p.primaryObjective === n,
          status: u ? STATUS_LABELS[u.status] : STATUS_LABELS.no_update, percentComplete: u?.percentComplete ?? null,
          late: counted ? counted.late : null,
        };
      }))],
    },
    {
      id: 'indicators',
      title: 'Indicator progress',
      blocks: [table('indicators', `Indicators of pledges on Objective ${n}`, INDICATOR_COLUMNS,
        pledges.flatMap((p) => indicatorRows(p, index.validatedUpdate(p.id, cycle.code))))],
    },
    { id: 'challenges', title: 'Challenges reported', blocks: challengeBlocks(index, mine.counted, `on Objective ${n}`) },
    {
      id: 'expert-reports',
      title: 'Expert challenge reports',
      blocks: expertReportsBlocks(input.expertReports, [cycle], (r) => r.objectives.includes(n), 'expert-reports'),
    },
    {
      id: 'practices',
      title: 'Practices linked',
      blocks: [practicesTable(index, [n], 'practices', `Practice cards of sessions tied to Objective ${n}`)
        ?? paragraph(`The practices repository holds no card tied to Objective ${n}.`)],
    },
    ...[objectiveQuestionsSection(index, n, builderText(input.language))].filter((s): s is Section => s !== null),
    methodSection(),
  ];
  // Change since the last cycle (issue 16 item 4): appended before the notes on method.
  sections.splice(sections.length - 1, 0, changeSection(index, [cycle], (p) => p.objectives.includes(n), builderText(input.language), { statesRate: true }));
  return documentOf(input, 'objective', `Objective ${n}: ${objective.title}`, `Pledges and progress reported in ${cycle.code}`, [cycle], sections);
}
