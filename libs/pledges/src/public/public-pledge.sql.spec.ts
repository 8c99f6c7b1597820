import { DomainError } from '@gcm/platform';
import { populationCycles, publicFilter } from './public-pledge.sql';
import type { PledgeProgressSource } from './pledge-progress.registry';

/** A source whose predicates name their arguments, so the binding of each parameter can be read back. */
const source: PledgeProgressSource = {
  timeline: async () => [],
  cyclePredicate: 'VALIDATED_IN(?)',
  populationPredicate: (reported) => `POPULATION_${reported}(?, ?)`,
  statusInCyclePredicate: (cycles, status) => `STATUS(${cycles}, ${status})`,
  countedUpdateRows: () => null,
};

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return (e.details as { field: string }[] | undefined)?.[0]?.field;
    throw e;
  }
  return undefined;
};

describe('the public list\'s population filters', () => {
  it('binds one cycle and a span alike, as one array of codes; the status as of the span', () => {
    const one = publicFilter({ cycle: '2026-H1', reported: 'owed' }, source);
    expect(one.where).toContain('POPULATION_owed($1, $1)');
    expect(one.params).toEqual([['2026-H1']]);
    const span = publicFilter({ cycles: ['2025-H2', '2026-H1'], reported: 'counted', statusInCycle: 'delayed', primaryTheme: 2, leadRegion: '150' }, source);
    expect(span.params).toEqual([2, '150', ['2025-H2', '2026-H1'], ['2025-H2', '2026-H1'], 'delayed']);
    expect(span.where).toContain('POPULATION_counted($3, $3)');
    expect(span.where).toContain('STATUS($4, $5)');
    expect(span.where).toMatch(/o\.kind = 'state' AND EXISTS \(SELECT 1 FROM country c/);
    // Without reported, one cycle keeps its meaning: pledges with a validated update in it.
    expect(publicFilter({ cycle: '2026-H1' }, source).where).toContain('VALIDATED_IN($1)');
  });

  it('refuses a span without reported, a span beside a cycle, and reported without any cycle, naming the field', () => {
    expect(fieldOf(() => populationCycles({ cycles: ['2025-H2', '2026-H1'] }))).toBe('cycles');
    expect(fieldOf(() => populationCycles({ cycle: '2026-H1', cycles: ['2026-H1'], reported: 'owed' }))).toBe('cycles');
    expect(fieldOf(() => publicFilter({ reported: 'late' }, source))).toBe('reported');
    expect(populationCycles({})).toBeNull();
  });
});
