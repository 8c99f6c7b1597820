import { ReportDocument, Section } from '../model/document.types';
import { ReportInputError, ThemeReportInput } from '../model/report-kind.types';
import { BuilderText, builderText } from '../i18n/builder-text';
import { col, compact, distribution, excerpt, figure, keyFigures, note, paragraph, table } from './blocks';
import { DatasetIndex } from './dataset-index';
import { documentOf } from './document';
import { pledgeListHref, stateListHref, updateListHref } from './figure-links';
import { challengeBlocks, expertReportsBlocks, methodSection, objectiveCoverageTable } from './shared-sections';
import { countBy, scopeData } from './scope';
import { objectiveCoverage, reportingRate } from './statistics';

/** One ICMPD theme, one cycle: its objectives and actionable commitments rolled up. */
export function buildThemeReport(input: ThemeReportInput): ReportDocument {
  const tr: BuilderText = builderText(input.language, input.catalogue);
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

  const code = theme.code;
  const primary = { cycle: cycle.code, primaryTheme: t };
  const sections: Section[] = [
    {
      id: 'summary',
      title: tr.t('summary'),
      blocks: compact([
        keyFigures('headline', [
          figure('pledges', tr.t('figThemePledges'), mine.expected.length, 'integer', tr.t('figThemePledgesDetail'),
            pledgeListHref({ ...primary, reported: 'owed' })),
          figure('updates', tr.t('figUpdates'), mine.counted.length, 'integer', null, updateListHref(primary)),
          figure('reportingStates', tr.t('figThemeReportingStates'), mine.facts.reportingStates.size, 'integer', null,
            stateListHref({ ...primary, reported: 'counted' })),
          figure('reportingStatesAll', tr.t('figReportingStatesAll'), all.facts.reportingStates.size, 'integer', null,
            stateListHref({ cycle: cycle.code, reported: 'counted' })),
          figure('themeRate', tr.t('figThemeRate'), reportingRate(mine.facts).ratio, 'percent',
            tr.t('statesOfStates', { numerator: tr.count(mine.facts.reportingStates.size), denominator: tr.count(mine.facts.statesWithPledges.size) })),
          figure('commitmentsAddressed', tr.t('figCommitmentsAddressed'), commitments.length - unaddressed.length, 'integer',
            tr.t('ofTotal', { total: tr.count(commitments.length) })),
        ]),
        distribution('status-distribution', tr.t('themeStatusOf', { n: mine.expected.length, count: tr.count(mine.expected.length) }),
          mine.expected.map((p) => index.reportedStatus(p.id, [cycle])), tr, { ...primary, reported: 'owed' }),
      ]),
    },
    {
      id: 'objectives',
      title: tr.t('objectivesHeading'),
      blocks: compact([
        paragraph([
          primaryObjectives.length > 0
            ? tr.t('themePrimaryObjectives', { code, list: tr.list(primaryObjectives.map(String)) })
            : tr.t('themeNoPrimaryObjectives', { code }),
          secondaryObjectives.length > 0 && tr.t('themeAlsoLinked', { list: tr.list(secondaryObjectives.map(String)) }),
        ].filter(Boolean).join(tr.locale === 'zh' ? '' : ' ')),
        objectiveCoverageTable('objective-coverage', tr.t('themeCoverageCaption', { code }), index, all.facts,
          [...primaryObjectives, ...secondaryObjectives], all.expected, tr, { cycle: cycle.code }),
        primaryObjectives.some((n) => objectiveCoverage(all.facts, n).numerator === 0) &&
          note(tr.t('themeObjectiveUnreported', { code }), 'warning'),
      ]),
    },
    {
      id: 'commitments',
      title: tr.t('commitmentsHeading'),
      blocks: compact([
        table('commitments', tr.t('themeCommitmentsCaption', { code }), [
          col('code', tr.t('colCommitment')),
          col('text', tr.t('colText')),
          col('pledges', tr.t('colPledges'), 'integer'),
          col('updates', tr.t('colUpdates'), 'integer'),
        ], commitments.map((c) => ({
          code: c.code, text: excerpt(tr.catalogue('commitment', c.code, c.text), 240),
          pledges: pledgesByCommitment.get(c.code) ?? 0, updates: updatesByCommitment.get(c.code) ?? 0,
        })), commitments.map((c) => ({
          pledges: pledgeListHref({ cycle: cycle.code, reported: 'owed', commitment: c.code }),
          updates: updateListHref({ cycle: cycle.code, commitment: c.code }),
        }))),
        unaddressed.length > 0 && note(tr.t('themeUnaddressed', { list: tr.list(unaddressed.map((c) => c.code)) }), 'warning'),
      ]),
    },
    {
      id: 'challenges',
      title: tr.t('challengesReported'),
      blocks: challengeBlocks(index, mine.counted, tr.t('underTheme', { code }), undefined, tr),
    },
    {
      id: 'expert-reports',
      title: tr.t('expertReportsHeading'),
      blocks: expertReportsBlocks(input.expertReports, [cycle], (r) => r.themes.includes(t), 'expert-reports', tr),
    },
    methodSection([], tr),
  ];
  return documentOf(input, 'theme', tr.t('themeTitle', { code, title: tr.catalogue('theme', code, theme.title) }),
    tr.t('themeSubtitle', { cycle: cycle.code }), [cycle], sections);
}
