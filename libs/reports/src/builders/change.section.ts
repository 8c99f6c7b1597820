import { Block, Section, TableBlock } from '../model/document.types';
import { CycleInput, PledgeInput } from '../model/report-input.types';
import { BuilderText } from '../i18n/builder-text';
import { col, compact, describeShareIn, figure, heading, keyFigures, list, note, paragraph, table } from './blocks';
import { CycleChange, IndicatorMove, cycleChange } from './cycle-change';
import { DatasetIndex } from './dataset-index';
import { Share } from './statistics';
import { PledgeListFilter, pledgeListHref, stateListHref, updateListHref } from './figure-links';

export interface ChangeOptions {
  /** Multi-State reports give the States' reporting rate; a State's report only its pledges'. */
  statesRate: boolean;
  /** The list filter that says what `filter` keeps (figure-links.ts): a span's trend counts link to each cycle's lists. */
  population?: Omit<PledgeListFilter, 'cycle' | 'reported'>;
  /**
   * Reports about many States print the first this many rows of each
   * pledge-by-pledge list (transitions, indicators moved, early warning) and
   * say where the rest is (TableBlock.printed); absent: every row is printed.
   */
  printedRows?: number;
}

/** How many rows of a pledge-by-pledge list a report about many States prints (see ChangeOptions.printedRows). */
export const PRINTED_PLEDGE_ROWS = 25;

/** `block` printed in part when it is longer than `rows` (TableBlock.printed). */
function printedPart(block: TableBlock, rows: number | undefined, tr: BuilderText): TableBlock {
  if (rows === undefined || block.rows.length <= rows) return block;
  return { ...block, printed: { rows, note: tr.t('printedRowsNote', { shown: tr.count(rows), total: tr.count(block.rows.length) }) } };
}

/** "17 percent (6 of 35)" in the report's language. */
/**
 * "Change since the last cycle": the last scope cycle against the one before
 * it (reporting then and now, status transitions, indicators moved, early
 * warning), and for a span the trend cycle by cycle.
 */
export function changeSection(index: DatasetIndex, cycles: CycleInput[], filter: (p: PledgeInput) => boolean, tr: BuilderText, options: ChangeOptions): Section {
  const cycle = cycles[cycles.length - 1];
  // A span's trend needs every cycle's change; the last one is also the section's comparison, computed once.
  const changes = cycles.length > 1 ? cycles.map((c) => cycleChange(index, c, filter)) : [cycleChange(index, cycle, filter)];
  const change = changes[changes.length - 1];
  const blocks: Block[] = [];
  if (cycles.length > 1) blocks.push(heading(tr.t('trendTitle')), trendTable(changes, tr, options));
  if (!change.previous) blocks.push(paragraph(tr.t('changeFirstCycle', { cycle: cycle.code })));
  else blocks.push(...comparisonBlocks(index, change, tr, options));
  blocks.push(...warningBlocks(index, change, tr, options), note(tr.t('methodChange')));
  return { id: 'change', title: tr.t('changeTitle'), blocks };
}

function comparisonBlocks(index: DatasetIndex, change: CycleChange, tr: BuilderText, options: ChangeOptions): Block[] {
  const previous = change.previous!;
  const names = { previous: previous.cycle.code, cycle: change.current.cycle.code };
  const pledges = { thenPledges: describeShareIn(previous.pledgesReported, tr), nowPledges: describeShareIn(change.current.pledgesReported, tr) };
  const ofStates = (s: Share) => tr.t('ofStatesWithPledges', { numerator: tr.count(s.numerator), denominator: tr.count(s.denominator) });
  const ofPledges = (s: Share) => tr.t('shareOfPledgesOwing', { numerator: tr.count(s.numerator), denominator: tr.count(s.denominator) });
  const transitions = [...change.newly.achieved, ...change.newly.delayed, ...change.newly.discontinued];
  const moves = [...change.towards.map((m) => ({ m, towards: true })), ...change.away.map((m) => ({ m, towards: false }))];
  return compact([
    keyFigures('change-rates', [
      ...(options.statesRate ? [
        figure('reportingRateThen', tr.t('figRateIn', { cycle: names.previous }), previous.statesRate.ratio, 'percent', ofStates(previous.statesRate)),
        figure('reportingRateNow', tr.t('figRateIn', { cycle: names.cycle }), change.current.statesRate.ratio, 'percent', ofStates(change.current.statesRate)),
      ] : []),
      figure('pledgesReportedThen', tr.t('figPledgesIn', { cycle: names.previous }), previous.pledgesReported.ratio, 'percent', ofPledges(previous.pledgesReported)),
      figure('pledgesReportedNow', tr.t('figPledgesIn', { cycle: names.cycle }), change.current.pledgesReported.ratio, 'percent', ofPledges(change.current.pledgesReported)),
    ]),
    paragraph(options.statesRate
      ? tr.t('changeRates', { ...names, ...pledges, thenRate: describeShareIn(previous.statesRate, tr), nowRate: describeShareIn(change.current.statesRate, tr) })
      : tr.t('changeRatesPledges', { ...names, ...pledges })),
    heading(tr.t('transitionsHeading'), 4),
    paragraph(tr.t('transitionsSummary', {
      previous: names.previous, achieved: tr.count(change.newly.achieved.length), delayed: tr.count(change.newly.delayed.length),
      discontinued: tr.count(change.newly.discontinued.length),
    })),
    transitions.length > 0 && printedPart(table('change-transitions', tr.t('transitionsCaption', { previous: names.previous }), [
      col('reference', tr.t('colReference')),
      col('title', tr.t('colTitle')),
      col('lead', tr.t('colLead')),
      col('from', tr.t('colStatusIn', { cycle: names.previous })),
      col('to', tr.t('colStatusIn', { cycle: names.cycle })),
    ], transitions.map((x) => ({
      reference: x.pledge.reference, title: x.pledge.title, lead: index.organisationName(x.pledge.leadOrganisationId), from: tr.status(x.from), to: tr.status(x.to),
    }))), options.printedRows, tr),
    heading(tr.t('indicatorsHeading'), 4),
    paragraph(tr.t('indicatorsSummary', { ...names, towards: tr.count(change.towards.length), away: tr.count(change.away.length) })),
    moves.length > 0 && printedPart(table('change-indicators', tr.t('indicatorsCaption', { previous: names.previous }), [
      col('reference', tr.t('colReference')),
      col('indicator', tr.t('colIndicator')),
      col('before', tr.t('colValueIn', { cycle: names.previous }), 'number'),
      col('after', tr.t('colValueIn', { cycle: names.cycle }), 'number'),
      col('target', tr.t('colTarget'), 'number'),
      col('movement', tr.t('colMovement')),
    ], moves.map(({ m, towards }) => indicatorRow(m, towards, tr))), options.printedRows, tr),
  ]);
}

function indicatorRow(m: IndicatorMove, towards: boolean, tr: BuilderText) {
  return {
    reference: m.pledge.reference, indicator: `${m.indicator.name} (${m.indicator.unit})`, before: m.before.value, after: m.after.value,
    target: m.indicator.target.value, movement: tr.t(towards ? 'movedTowards' : 'movedAway'),
  };
}

function warningBlocks(index: DatasetIndex, change: CycleChange, tr: BuilderText, options: ChangeOptions): Block[] {
  const names = { previous: change.previous?.cycle.code ?? '', cycle: change.current.cycle.code };
  const pledgeColumns = [col('reference', tr.t('colReference')), col('title', tr.t('colTitle')), col('lead', tr.t('colLead'))];
  const pledgeRow = (p: PledgeInput) => ({ reference: p.reference, title: p.title, lead: index.organisationName(p.leadOrganisationId) });
  const none = paragraph(tr.t('noneListed'));
  const { noValidatedUpdate, pastTarget, stoppedReporting } = change.warnings;
  return [
    heading(tr.t('earlyWarning'), 4),
    ...(change.previous ? [
      paragraph(tr.t('warnNoUpdate', names)),
      noValidatedUpdate.length === 0 ? none : printedPart(table('warning-no-update', tr.t('warnNoUpdate', names), [
        ...pledgeColumns, col('cycles', tr.t('colCyclesWithout'), 'integer'), col('since', tr.t('colSince')), col('lastValidated', tr.t('colLastValidated')),
      ], noValidatedUpdate.map((x) => ({ ...pledgeRow(x.pledge), cycles: x.cycles, since: x.since, lastValidated: x.lastValidated ?? tr.t('neverValidated') }))), options.printedRows, tr),
    ] : []),
    paragraph(tr.t('warnPastTarget')),
    pastTarget.length === 0 ? none : printedPart(table('warning-past-target', tr.t('warnPastTarget'), [
      ...pledgeColumns, col('targetDate', tr.t('colTargetDate'), 'date'), col('status', tr.t('colStatus')),
    ], pastTarget.map((x) => ({ ...pledgeRow(x.pledge), targetDate: x.pledge.targetDate, status: tr.status(x.status) }))), options.printedRows, tr),
    ...(change.previous ? [
      paragraph(tr.t('warnStopped', names)),
      stoppedReporting.length === 0 ? none : list(stoppedReporting.map((id) => index.organisationName(id))),
    ] : []),
  ];
}

/** One row per scope cycle, each against the cycle before it. */
function trendTable(changes: CycleChange[], tr: BuilderText, options: ChangeOptions) {
  return table('change-trend', tr.t('trendCaption'), [
    col('cycle', tr.t('colCycle')),
    ...(options.statesRate ? [
      col('statesWithPledges', tr.t('colStatesWithPledges'), 'integer'),
      col('reportingStates', tr.t('colReportingStates'), 'integer'),
      col('reportingRate', tr.t('colReportingRate'), 'percent'),
    ] : []),
    col('pledgesOwing', tr.t('colPledgesOwing'), 'integer'),
    col('pledgesReported', tr.t('colPledgesReported'), 'percent'),
    col('validated', tr.t('colValidated'), 'integer'),
    col('newlyAchieved', tr.t('colNewlyAchieved'), 'integer'),
    col('newlyDelayed', tr.t('colNewlyDelayed'), 'integer'),
    col('newlyDiscontinued', tr.t('colNewlyDiscontinued'), 'integer'),
  ], changes.map((ch) => {
    const c = ch.current.cycle;
    const compared = ch.previous !== null;
    return {
      cycle: c.code,
      statesWithPledges: ch.current.statesWithPledges,
      reportingStates: ch.current.reportingStates.size,
      reportingRate: ch.current.statesRate.ratio,
      pledgesOwing: ch.current.pledgesOwing,
      pledgesReported: ch.current.pledgesReported.ratio,
      validated: ch.current.validated,
      newlyAchieved: compared ? ch.newly.achieved.length : null,
      newlyDelayed: compared ? ch.newly.delayed.length : null,
      newlyDiscontinued: compared ? ch.newly.discontinued.length : null,
    };
  }), options.population && changes.map(({ current: { cycle: { code: cycle } } }) => {
    const of = { ...options.population, cycle };
    return {
      ...(options.statesRate ? { statesWithPledges: stateListHref({ ...of, reported: 'owed' }), reportingStates: stateListHref({ ...of, reported: 'counted' }) } : {}),
      pledgesOwing: pledgeListHref({ ...of, reported: 'owed' }),
      validated: updateListHref({ ...of, reported: 'validated' }),
    };
  }));
}
