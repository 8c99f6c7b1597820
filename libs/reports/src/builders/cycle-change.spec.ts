import { KeyFiguresBlock, ListBlock, ReportDocument, TableBlock } from '../model/document.types';
import { ReportDataset } from '../model/report-input.types';
import { fourCyclesDataset } from '../testing/four-cycles.fixture';
import { COMMITMENTS, EARLIER, LATER, twoCyclesDataset } from '../testing/two-cycles.fixture';
import { adoptionCount, cycleChange, stateAdoption, withoutValidatedUpdate } from './cycle-change';
import { DatasetIndex } from './dataset-index';
import { buildImrfSummary } from './imrf-summary.builder';
import { buildStateReport } from './state.builder';

/*
 * The hand computation, pledge by pledge (E's q09 was withdrawn before 2025-H2 began: in neither population;
 * q08 was published after 2025-H2 closed: only in 2026-H1's):
 *   2025-H2 population q01–q07, q10 (8). States with pledges A B C D (4); reporting A (q01 q02) B (q03) D (q07): 3 of 4.
 *           Pledges with a counted update q01 q02 q03 q07 q10: 5 of 8.
 *   2026-H1 population q01–q08, q10 (9). States A B C D (4); reporting A, C (q05 submitted, q06), D (q07 q08): 3 of 4.
 *           Pledges with a counted update q01 q02 q05 q06 q07 q08: 6 of 9.
 *   Newly achieved q01 (on track → achieved), q08 (no validated update → achieved); newly delayed q02; newly discontinued q07.
 *   Indicators: j01 (increase, target 100) 40 → 70 towards; j02 (decrease 100 → 20) 60 → 80 away.
 *   No validated update in either cycle (owing both): q04 (nothing), q05 (only submitted in 2026-H1).
 *   Past target (before 2026-06-30) and not achieved: q06 (2026-03-31, on track), q07 (2025-12-31, discontinued).
 *   Reported in 2025-H2 and not in 2026-H1: B (E never counted; the NGO is no State).
 *   Adoption: A's q01 + q02 give themes 1–5 and 16 of 30 commitments in both cycles; D's q08 the same in 2026-H1 only.
 */
const data = twoCyclesDataset();
const index = new DatasetIndex(data);
const refs = (ps: { reference: string }[]) => ps.map((p) => p.reference);
const ref = (id: string) => data.pledges.find((p) => p.id === id)!.reference;
const org = (i: number) => data.organisations[i];

function block<T>(doc: ReportDocument, id: string): T {
  for (const s of doc.sections) for (const b of s.blocks) if ('id' in b && b.id === id) return b as T;
  throw new Error(`no block ${id}`);
}

describe('cycleChange on two cycles, against the hand computation', () => {
  const change = cycleChange(index, LATER);

  it('gives the reporting rate then and now, each on its own population', () => {
    expect(change.previous!.cycle.code).toBe(EARLIER.code);
    expect([change.previous!.statesRate.numerator, change.previous!.statesRate.denominator]).toEqual([3, 4]);
    expect([change.current.statesRate.numerator, change.current.statesRate.denominator]).toEqual([3, 4]);
    expect([change.previous!.pledgesReported.numerator, change.previous!.pledgesReported.denominator]).toEqual([5, 8]);
    expect([change.current.pledgesReported.numerator, change.current.pledgesReported.denominator]).toEqual([6, 9]);
  });

  it('finds the status transitions', () => {
    expect(refs(change.newly.achieved.map((t) => t.pledge))).toEqual([ref('q01'), ref('q08')]);
    expect(change.newly.achieved.map((t) => t.from)).toEqual(['on_track', 'no_update']);
    expect(refs(change.newly.delayed.map((t) => t.pledge))).toEqual([ref('q02')]);
    expect(refs(change.newly.discontinued.map((t) => t.pledge))).toEqual([ref('q07')]);
  });

  it('finds the indicators that moved towards and away from their target', () => {
    expect(change.towards.map((x) => [x.indicator.id, x.before.value, x.after.value])).toEqual([['j01', 40, 70]]);
    expect(change.away.map((x) => [x.indicator.id, x.before.value, x.after.value])).toEqual([['j02', 60, 80]]);
  });

  it('lists the early warnings', () => {
    expect(change.warnings.noValidatedUpdate.map((x) => [x.pledge.reference, x.cycles, x.since, x.lastValidated])).toEqual([
      [ref('q04'), 2, EARLIER.code, null], [ref('q05'), 2, EARLIER.code, null],
    ]);
    expect(change.warnings.pastTarget.map((x) => [x.pledge.reference, x.status])).toEqual([[ref('q06'), 'on_track'], [ref('q07'), 'discontinued']]);
    expect(change.warnings.stoppedReporting).toEqual([org(1).id]);
  });

  it('has nothing to compare in the first cycle of the data', () => {
    const first = cycleChange(index, EARLIER);
    expect(first.previous).toBeNull();
    expect(first.newly.achieved).toEqual([]);
    expect(first.warnings.noValidatedUpdate).toEqual([]);
    expect(first.warnings.stoppedReporting).toEqual([]);
  });
});

describe('progressive adoption on two cycles', () => {
  it('counts the States addressing all five themes and a majority of the 30 commitments', () => {
    expect(COMMITMENTS).toHaveLength(30);
    expect(adoptionCount(index, EARLIER)).toMatchObject({ statesWithPledges: 4, allThemes: 1, majority: 1, adopted: 1, adoptedReported: 1 });
    expect(adoptionCount(index, LATER)).toMatchObject({ statesWithPledges: 4, allThemes: 2, majority: 2, adopted: 2, adoptedReported: 2 });
  });

  it("gives a State's themes pledged and reported per cycle", () => {
    const c = stateAdoption(index, org(2).id, LATER);
    expect(c.pledged.themes).toEqual([3]);
    // q05 is submitted, not validated: only q06 (theme 3) reports.
    expect(c.reported.themes).toEqual([3]);
    expect(stateAdoption(index, org(3).id, EARLIER).pledged.adopted).toBe(false);
    expect(stateAdoption(index, org(3).id, LATER).pledged).toMatchObject({ themes: [1, 2, 3, 4, 5], commitments: 16, adopted: true });
  });
});

describe('the change and adoption sections in the reports', () => {
  const summary = buildImrfSummary({ ...data, scope: { cycleCodes: [LATER.code] } });

  it('prints the comparison and the early warning in the IMRF summary', () => {
    const rates = block<KeyFiguresBlock>(summary, 'change-rates').items;
    expect(rates.map((f) => [f.key, f.value])).toEqual([
      ['reportingRateThen', 3 / 4], ['reportingRateNow', 3 / 4], ['pledgesReportedThen', 5 / 8], ['pledgesReportedNow', 6 / 9],
    ]);
    expect(block<TableBlock>(summary, 'change-transitions').rows.map((r) => [r.reference, r.to])).toEqual([
      [ref('q01'), 'Achieved'], [ref('q08'), 'Achieved'], [ref('q02'), 'Delayed'], [ref('q07'), 'Discontinued'],
    ]);
    expect(block<TableBlock>(summary, 'warning-no-update').rows.map((r) => r.reference)).toEqual([ref('q04'), ref('q05')]);
    expect(block<TableBlock>(summary, 'warning-past-target').rows.map((r) => r.reference)).toEqual([ref('q06'), ref('q07')]);
    const stopped = summary.sections.find((s) => s.id === 'change')!.blocks.filter((b): b is ListBlock => b.type === 'list');
    expect(stopped.map((l) => l.items)).toEqual([[org(1).name]]);
    expect(block<KeyFiguresBlock>(summary, 'adoption-headline').items.find((f) => f.key === 'adopted')).toMatchObject({
      value: 2, detail: `In ${EARLIER.code}, 1 of 4 did.`,
    });
  });

  it('shows a span as a trend by cycle and says in prose when there is no previous cycle', () => {
    const span = buildImrfSummary({ ...data, scope: { cycleCodes: [EARLIER.code, LATER.code] } });
    expect(block<TableBlock>(span, 'change-trend').rows).toEqual([
      expect.objectContaining({ cycle: EARLIER.code, reportingStates: 3, statesWithPledges: 4, newlyAchieved: null }),
      expect.objectContaining({ cycle: LATER.code, reportingStates: 3, pledgesOwing: 9, newlyAchieved: 2, newlyDelayed: 1, newlyDiscontinued: 1 }),
    ]);
    const first = buildImrfSummary({ ...data, scope: { cycleCodes: [EARLIER.code] } });
    const texts = first.sections.find((s) => s.id === 'change')!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts[0]).toBe(`${EARLIER.code} is the first reporting cycle of the data: there is no previous cycle to compare with, so no change, status transition or early warning across cycles is given.`);
  });

  it("gives a State's adoption cycle by cycle, in every language", () => {
    const doc = buildStateReport({ ...data, scope: { organisationId: org(3).id, cycleCode: LATER.code } });
    expect(block<TableBlock>(doc, 'adoption').rows.map((r) => [r.cycle, r.themes, r.commitments, r.goal])).toEqual([
      [EARLIER.code, 1, 0, false], [LATER.code, 5, 16, true],
    ]);
    const fr = buildStateReport({ ...data, language: 'fr', scope: { organisationId: org(3).id, cycleCode: LATER.code } });
    expect(fr.sections.find((s) => s.id === 'adoption')!.title).toBe('Adoption progressive dans les cinq thèmes');
  });
});

describe('the early warning counts the cycles in a row without a validated update, beyond the comparison cycle', () => {
  const { full, loaded, expected, pledgeRef } = fourCyclesDataset();
  const rows = (d: ReportDataset) => cycleChange(new DatasetIndex(d), LATER).warnings.noValidatedUpdate.map((x) => [x.pledge.id, x.cycles, x.since, x.lastValidated]);

  it('matches the hand computation with every cycle held in full', () => {
    expect(rows(full)).toEqual(expected);
  });

  it('gives the same from the loaded shape (the comparison cycle in full, the earlier ones by validatedInOtherCycles)', () => {
    expect(rows(loaded)).toEqual(expected);
  });

  it('counts one cycle, not listed, for a pledge validated in the cycle before', () => {
    expect(withoutValidatedUpdate(new DatasetIndex(loaded), loaded.pledges.find((p) => p.id === 'r6')!, LATER)).toEqual({ cycles: 1, since: LATER.code, lastValidated: EARLIER.code });
  });

  it('prints the run, its first cycle and the last validated update in the report', () => {
    const doc = buildImrfSummary({ ...loaded, scope: { cycleCodes: [LATER.code] } });
    const table = block<TableBlock>(doc, 'warning-no-update');
    expect(table.rows.map((r) => [r.reference, r.cycles, r.since, r.lastValidated])).toEqual(
      expected.map(([id, n, since, last]) => [pledgeRef(String(id)), n, since, last ?? 'never']),
    );
    expect(table.caption).toBe(`Pledges with no validated update for two or more cycles in a row, up to ${LATER.code}`);
  });
});
