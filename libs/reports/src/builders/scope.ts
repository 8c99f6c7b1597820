import { CycleInput, PledgeInput, UpdateInput } from '../model/report-input.types';
import { DatasetIndex } from './dataset-index';
import { ReportingFacts, isCounted, reportingFacts } from './statistics';

/** The pledges, counted updates and reporting facts of one slice of the data. */
export interface ScopeData {
  cycles: CycleInput[];
  /** Pledges owing an update in at least one scope cycle. */
  expected: PledgeInput[];
  /** Counted updates, in scope cycles, on any pledge of the slice. */
  counted: UpdateInput[];
  facts: ReportingFacts;
}

/**
 * Counted updates are those of pledges owing an update in their cycle (a
 * pledge withdrawn after reporting was public in the cycle, so it still owes
 * and counts), as the database's cycle_counted_update view counts them.
 */
export function scopeData(index: DatasetIndex, cycles: CycleInput[], filter: (p: PledgeInput) => boolean = () => true): ScopeData {
  if (cycles.length === 1) {
    // One cycle (most reports, and each side of the change since the last cycle): one pass, the slice's pledges only looked up.
    const cycle = cycles[0];
    const expected: PledgeInput[] = [];
    const counted: UpdateInput[] = [];
    for (const p of index.data.pledges) {
      if (!filter(p) || !index.isExpected(p, cycle)) continue;
      expected.push(p);
      const u = index.update(p.id, cycle.code);
      if (u && isCounted(u)) counted.push(u);
    }
    return { cycles, expected, counted, facts: reportingFacts(expected, counted, index.pledges, index.isState) };
  }
  const all = index.data.pledges.filter(filter);
  const expected = all.filter((p) => cycles.some((c) => index.isExpected(p, c)));
  const counted = index.countedUpdates(cycles, all);
  return { cycles, expected, counted, facts: reportingFacts(expected, counted, index.pledges, index.isState) };
}

/** Pledges of the slice that owe an update but have no counted one in any scope cycle. */
export function missingPledges(scope: ScopeData): PledgeInput[] {
  const reported = new Set(scope.counted.map((u) => u.pledgeId));
  return scope.expected.filter((p) => !reported.has(p.id));
}

export function countBy<T, K>(items: Iterable<T>, key: (t: T) => K | K[] | null): Map<K, number> {
  const m = new Map<K, number>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    for (const one of Array.isArray(k) ? k : [k]) m.set(one, (m.get(one) ?? 0) + 1);
  }
  return m;
}
