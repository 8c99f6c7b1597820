import { ReportDocument, Section } from '../model/document.types';
import { ReportInputError, ThemeReportInput } from '../model/report-kind.types';
import { col, compact, distribution, excerpt, figure, keyFigures, note, paragraph, plural, table } from './blocks';
import { DatasetIndex } from './dataset-index';
import { documentOf } from './document';
import { challengeBlocks, expertReportsBlocks, methodSection, objectiveCoverageTable } from './shared-sections';
import { countBy, scopeData } from './scope';
import { objectiveCoverage, reportingRate } from './statistics';

/** One ICMPD theme, one cycle: its objectives and actionable commitments rolled up. */
export function buildThemeReport(input: ThemeReportInput): ReportDocument {
  const index = new DatasetIndex(input);
  const theme = index.themes.get(input.scope.theme);
  if (!theme) throw new ReportInputError(`theme ${input.scope.theme} is not in the catalogue`);
  const t = theme.number;
  const cycle = index.cycle(input.scope.cycleCode);
  const all = scopeData(index, [cycle]);
  const mine = scopeData(index, [cycle], (p) => index.primaryTheme(p) === t);
  const crosswalk = index.objectiveList().filter((o) => o.themes.some((x) => x.number === t));
  const primaryObjectives = crosswalk.filter((o) => o.themes.some((x) => x.number === t && x.primary)).map((o) => o.number);
  const secondaryObjectives = crosswalk.map((o) => o.number).filter((n) => !primaryObjectives.includes(n));
  const addressing = scopeData(index, [cycle], (p) => p.commitments.some((c) => c.startsWith(`${theme.code}.`)));
  const pledgesByCommitment = countBy(addressing.expected, (p) => p.commitments);
  const updatesByCommitment = countBy(addressing.counted, (u) => index.pledges.get(u.pledgeId)!.commitments);
  const commitments = [...theme.commitments].sort((a, b) => a.position - b.position);
  const unaddressed = commitments.filter((c) => !pledgesByCommitment.has(c.code));

  const sections: Section[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: compact([
        keyFigures('headline', [
          figure('pledges', 'Pledges under the theme', mine.expected.length, 'integer', 'counted under their primary theme'),
          figure('updates', 'Updates counted', mine.counted.length, 'integer'),
          figure('reportingStates', 'States reporting on the theme', mine.facts.reportingStates.size, 'integer'),
          figure('reportingStatesAll', 'Reporting States (all themes)', all.facts.reportingStates.size, 'integer'),
          figure('themeRate', 'Reporting rate of States pledging under the theme', reportingRate(mine.facts).ratio, 'percent',
            `${mine.facts.reportingStates.size} of ${mine.facts.statesWithPledges.size} States`),
          figure('commitmentsAddressed', 'Actionable commitments addressed', commitments.length - unaddressed.length, 'integer', `of ${commitments.length}`),
        ]),
        distribution('status-distribution', `Status of the ${plural(mine.expected.length, 'pledge')} under the theme`,
          mine.expected.map((p) => index.reportedStatus(p.id, [cycle]))),
      ]),
    },
    {
      id: 'objectives',
      title: 'Objectives',
      blocks: compact([
        paragraph(`Objectives whose primary theme is ${theme.code}: ${primaryObjectives.join(', ') || 'none'}.` +
          (secondaryObjectives.length > 0 ? ` Also linked through the crosswalk: ${secondaryObjectives.join(', ')}.` : '')),
        objectiveCoverageTable('objective-coverage', `Share of all reporting States that reported on the objectives of ${theme.code}`, index, all.facts,
          [...primaryObjectives, ...secondaryObjectives], all.expected),
        primaryObjectives.some((n) => objectiveCoverage(all.facts, n).numerator === 0) &&
          note(`At least one objective whose primary theme is ${theme.code} had no reporting State.`, 'warning'),
      ]),
    },
    {
      id: 'commitments',
      title: 'Actionable commitments',
      blocks: compact([
        table('commitments', `Pledges addressing the actionable commitments of ${theme.code}`, [
          col('code', 'Commitment'),
          col('text', 'Text'),
          col('pledges', 'Pledges', 'integer'),
          col('updates', 'Updates', 'integer'),
        ], commitments.map((c) => ({
          code: c.code, text: excerpt(c.text, 240), pledges: pledgesByCommitment.get(c.code) ?? 0, updates: updatesByCommitment.get(c.code) ?? 0,
        }))),
        unaddressed.length > 0 && note(`No pledge addresses ${unaddressed.map((c) => c.code).join(', ')}.`, 'warning'),
      ]),
    },
    { id: 'challenges', title: 'Challenges reported', blocks: challengeBlocks(index, mine.counted, `under ${theme.code}`) },
    {
      id: 'expert-reports',
      title: 'Expert challenge reports',
      blocks: expertReportsBlocks(input.expertReports, [cycle], (r) => r.themes.includes(t), 'expert-reports'),
    },
    methodSection(),
  ];
  return documentOf(input, 'theme', `Theme ${theme.code}: ${theme.title}`, `ICMPD thematic roll-up of progress reported in ${cycle.code}`, [cycle], sections);
}
