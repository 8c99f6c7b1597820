import { IndicatorInput, MeasurementInput, PledgeInput, UpdateInput } from '../model/report-input.types';
import { indicator, pledge, update } from '../testing/factories';
import { CYCLE } from '../testing/hand-made.fixture';
import {
  indicatorProgress, latestMeasurement, objectiveCoverage, reportingFacts, reportingRate, share, statusDistribution, wholePercent,
} from './statistics';

const m = (value: number, asOf = '2026-06-30'): MeasurementInput => ({ indicatorId: 'i', value, asOf, note: null });
const ind = (direction: IndicatorInput['direction'], baseline: number, target: number) =>
  indicator('i', { direction, baseline: { value: baseline, date: '2025-01-01' }, target: { value: target, date: '2028-01-01' } });

describe('share and wholePercent', () => {
  it('keeps the exact ratio and rounds 6/35 to 17 percent', () => {
    const s = share(6, 35);
    expect(s.ratio).toBe(6 / 35);
    expect(wholePercent(s.ratio!)).toBe(17);
  });

  it('rounds half up despite binary noise (0.285 → 29, 0.125 → 13)', () => {
    expect(0.285 * 100).toBeLessThan(28.5);
    expect(wholePercent(0.285)).toBe(29);
    expect(wholePercent(1 / 8)).toBe(13);
    expect(wholePercent(0.994)).toBe(99);
  });

  it('gives null, not 0 or NaN, when there is nothing to divide by', () => {
    expect(share(0, 0).ratio).toBeNull();
  });
});

describe('reporting facts', () => {
  const states = new Set(Array.from({ length: 40 }, (_, i) => `s${i}`));
  const isState = (id: string) => states.has(id);

  it('computes 35 of 40 reporting and 6 of 35 on objective 8 from raw pledges and updates', () => {
    const pledges: PledgeInput[] = [];
    const updates: UpdateInput[] = [];
    for (let i = 0; i < 40; i++) {
      const p = pledge(`p${i}`, `s${i}`, i < 6 ? [8] : [3]);
      pledges.push(p);
      if (i < 35) updates.push(update(p, CYCLE));
    }
    const facts = reportingFacts(pledges, updates, new Map(pledges.map((p) => [p.id, p])), isState);
    expect(reportingRate(facts)).toEqual({ numerator: 35, denominator: 40, ratio: 35 / 40 });
    expect(objectiveCoverage(facts, 8)).toEqual({ numerator: 6, denominator: 35, ratio: 6 / 35 });
    expect(objectiveCoverage(facts, 3)).toEqual({ numerator: 29, denominator: 35, ratio: 29 / 35 });
  });

  it('counts a State once per objective, skips drafts, returned updates and non-States', () => {
    const a = pledge('a', 's1', [8]);
    const b = pledge('b', 's1', [9, 8]);
    const c = pledge('c', 's2', [8]);
    const d = pledge('d', 'ngo', [8]);
    const all = [a, b, c, d];
    const facts = reportingFacts(all, [
      update(a, CYCLE), update(b, CYCLE, { lifecycle: 'validated' }), update(c, CYCLE, { lifecycle: 'returned' }), update(d, CYCLE),
    ], new Map(all.map((p) => [p.id, p])), isState);
    expect(objectiveCoverage(facts, 8)).toEqual({ numerator: 1, denominator: 1, ratio: 1 });
    expect(objectiveCoverage(facts, 9).numerator).toBe(1);
    expect(reportingRate(facts)).toEqual({ numerator: 1, denominator: 2, ratio: 0.5 });
  });
});

describe('statusDistribution', () => {
  it('lists every status in a fixed order with zeros, and ratios that add up to 1', () => {
    const d = statusDistribution(['on_track', 'on_track', 'delayed', 'no_update']);
    expect(d.total).toBe(4);
    expect(d.entries.map((e) => [e.status, e.count])).toEqual([
      ['not_started', 0], ['on_track', 2], ['delayed', 1], ['achieved', 0], ['discontinued', 0], ['no_update', 1],
    ]);
    expect(d.entries.reduce((s, e) => s + (e.ratio ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it('has null ratios when empty', () => {
    expect(statusDistribution([]).entries.every((e) => e.ratio === null && e.count === 0)).toBe(true);
  });
});

describe('indicatorProgress', () => {
  it('is the share of the distance covered, for increase and decrease alike', () => {
    expect(indicatorProgress(ind('increase', 10, 110), m(60))).toMatchObject({ ratio: 0.5, flag: 'on_course', value: 60 });
    expect(indicatorProgress(ind('decrease', 200, 50), m(140))).toMatchObject({ ratio: 0.4, flag: 'on_course' });
  });

  it('clamps and flags overshoot and movement away from the target', () => {
    expect(indicatorProgress(ind('decrease', 200, 50), m(20))).toEqual({ ratio: 1, rawRatio: 1.2, flag: 'overshoot', value: 20, asOf: '2026-06-30' });
    expect(indicatorProgress(ind('increase', 10, 110), m(0))).toMatchObject({ ratio: 0, rawRatio: -0.1, flag: 'regressed' });
  });

  it('is null without a measurement, when baseline equals target, for maintain, and for a target against the direction', () => {
    expect(indicatorProgress(ind('increase', 10, 110), null)).toMatchObject({ ratio: null, flag: 'no_measurement', value: null });
    expect(indicatorProgress(ind('increase', 10, 10), m(12))).toMatchObject({ ratio: null, flag: 'no_distance' });
    expect(indicatorProgress(ind('maintain', 0, 0), m(0))).toMatchObject({ ratio: null, flag: 'maintained' });
    expect(indicatorProgress(ind('maintain', 5, 5), m(7))).toMatchObject({ ratio: null, flag: 'deviated' });
    expect(indicatorProgress(ind('increase', 100, 50), m(70))).toMatchObject({ ratio: null, flag: 'target_against_direction' });
  });

  it('uses the latest measurement of the indicator', () => {
    const ms = [m(10, '2026-05-01'), { ...m(99, '2026-06-30'), indicatorId: 'other' }, m(30, '2026-06-01')];
    expect(latestMeasurement(ms, 'i')?.value).toBe(30);
  });
});
