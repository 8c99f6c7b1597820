import { ReportDataset, UpdateInput } from '../model/report-input.types';
import { at10, halfYearCycle, pledge, stateOrganisation, update } from './factories';
import { EARLIER, LATER, twoCyclesDataset } from './two-cycles.fixture';

export const CYCLE_2024_H2 = halfYearCycle(2024, 2);
export const CYCLE_2025_H1 = halfYearCycle(2025, 1);

/**
 * The early warning over four cycles (2024-H2, 2025-H1, then EARLIER 2025-H2 and LATER 2026-H1), by hand:
 *   r1 never updated, public since 2024-03                → 4 cycles since 2024-H2, never validated
 *   r2 validated in 2024-H2 only                          → 3 since 2025-H1, last 2024-H2
 *   r3 validated in 2025-H1 only                          → 2 since 2025-H2, last 2025-H1
 *   r4 published 2025-03-01 (after 2024-H2 closed), none  → 3 since 2025-H1, never
 *   r5 validated in 2026-H1                               → 0: not listed
 *   r6 validated in 2025-H2 only                          → 1: not listed
 *   r7 withdrawn 2025-08-01: owes nothing in 2026-H1      → not listed
 *   r8 submitted, never validated, in 2024-H2 and 2025-H1 → 4 since 2024-H2, never
 * `full` holds every cycle in full (the independent computation); `loaded` is
 * what the report dataset loader reads for a one-cycle report of LATER: LATER
 * and the cycle before in full, the two others as otherCycles with only
 * validatedInOtherCycles. `expected`: [pledge id, cycles, since, last validated].
 */
export function fourCyclesDataset() {
  const C1 = CYCLE_2024_H2;
  const C2 = CYCLE_2025_H1;
  const state = stateOrganisation('ALB', 'Albania');
  const old = { publishedAt: at10('2024-03-01') };
  const pledges = [
    pledge('r1', state.id, [1], old), pledge('r2', state.id, [2], old), pledge('r3', state.id, [3], old),
    pledge('r4', state.id, [4], { publishedAt: at10('2025-03-01') }), pledge('r5', state.id, [5], old), pledge('r6', state.id, [6], old),
    pledge('r7', state.id, [7], { ...old, withdrawnAt: at10('2025-08-01'), withdrawalReason: 'merged' }), pledge('r8', state.id, [8], old),
  ];
  const by = (id: string) => pledges.find((p) => p.id === id)!;
  const updates: UpdateInput[] = [
    update(by('r2'), C1), update(by('r3'), C2), update(by('r5'), LATER), update(by('r6'), EARLIER),
    update(by('r8'), C1, { lifecycle: 'submitted' }), update(by('r8'), C2, { lifecycle: 'submitted' }),
  ];
  const base = twoCyclesDataset();
  const common = { snapshot: base.snapshot, catalogue: base.catalogue, organisations: [state], expertReports: [], practices: [] };
  const full: ReportDataset = { ...common, cycles: [C1, C2, EARLIER, LATER], pledges, updates };
  const loaded: ReportDataset = {
    ...common,
    cycles: [EARLIER, LATER],
    otherCycles: [C1, C2],
    pledges: pledges.map((p) => ({
      ...p,
      validatedInOtherCycles: updates.filter((u) => u.pledgeId === p.id && u.lifecycle === 'validated' && [C1.code, C2.code].includes(u.cycleCode)).map((u) => u.cycleCode),
    })),
    updates: updates.filter((u) => u.cycleCode === EARLIER.code || u.cycleCode === LATER.code),
  };
  const expected: [string, number, string, string | null][] = [
    ['r1', 4, C1.code, null], ['r8', 4, C1.code, null], ['r2', 3, C2.code, C1.code], ['r4', 3, C2.code, null], ['r3', 2, EARLIER.code, C2.code],
  ];
  return { full, loaded, expected, pledgeRef: (id: string) => by(id).reference };
}
