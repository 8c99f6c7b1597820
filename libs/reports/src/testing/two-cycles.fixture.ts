import { PledgeInput, ReportDataset, UpdateInput } from '../model/report-input.types';
import { testCatalogue } from './catalogue.fixture';
import { at10, halfYearCycle, indicator, pledge, stakeholderOrganisation, stateOrganisation, update } from './factories';

export const EARLIER = halfYearCycle(2025, 2);
export const LATER = halfYearCycle(2026, 1);

/** Commitment codes of the test catalogue (30: T1 has 3, T2 6, T3 6, T4 8, T5 7), first to last. */
export const COMMITMENTS = [[1, 3], [2, 6], [3, 6], [4, 8], [5, 7]].flatMap(([t, n]) => Array.from({ length: n }, (_, i) => `T${t}.C${i + 1}`));

/**
 * Two cycles, five States and a stakeholder, each pledge built to land in
 * exactly one of the comparison's lists (see cycle-change.spec.ts for the
 * hand computation). State E's only pledge was withdrawn before the earlier
 * cycle began but carries a validated update there: it owes nothing, so it
 * may count nowhere.
 */
export function twoCyclesDataset(): ReportDataset {
  const catalogue = testCatalogue();
  const [a, b, c, d, e] = catalogue.countries.slice(0, 5).map((x) => stateOrganisation(x.alpha3, x.name));
  const ngo = stakeholderOrganisation('org-ngo2', 'Border Monitoring Network', 'NGO');
  const pledges: PledgeInput[] = [];
  const updates: UpdateInput[] = [];
  const add = (p: PledgeInput, earlier: Partial<UpdateInput> | null, later: Partial<UpdateInput> | null) => {
    pledges.push(p);
    if (earlier) updates.push(update(p, EARLIER, earlier));
    if (later) updates.push(update(p, LATER, later));
  };
  const m = (indicatorId: string, value: number, asOf: string) => ({ indicatorId, value, asOf, note: null });

  add(pledge('q01', a.id, [1], { themes: [1, 2, 3], commitments: COMMITMENTS.slice(0, 10), indicators: [indicator('j01')] }),
    { status: 'on_track', measurements: [m('j01', 40, '2025-12-01')] },
    { status: 'achieved', measurements: [m('j01', 70, '2026-06-01')] });
  add(pledge('q02', a.id, [2], {
    themes: [4, 5], commitments: COMMITMENTS.slice(10, 16),
    indicators: [indicator('j02', { direction: 'decrease', baseline: { value: 100, date: '2025-01-01' }, target: { value: 20, date: '2028-12-31' } })],
  }),
  { status: 'on_track', measurements: [m('j02', 60, '2025-12-01')] },
  { status: 'delayed', measurements: [m('j02', 80, '2026-06-01')] });
  add(pledge('q03', b.id, [3], { themes: [1] }), { status: 'on_track' }, null);
  add(pledge('q04', b.id, [4], { themes: [2] }), null, null);
  add(pledge('q05', c.id, [5], { themes: [3] }), null, { lifecycle: 'submitted', status: 'achieved' });
  add(pledge('q06', c.id, [6], { themes: [3], targetDate: '2026-03-31' }), null, { status: 'on_track' });
  add(pledge('q07', d.id, [7], { themes: [4], targetDate: '2025-12-31' }), { status: 'on_track' }, { status: 'discontinued' });
  add(pledge('q08', d.id, [8], { themes: [1, 2, 3, 4, 5], commitments: COMMITMENTS.slice(0, 16), publishedAt: at10('2026-03-01') }),
    null, { status: 'achieved' });
  add(pledge('q09', e.id, [9], { withdrawnAt: at10('2025-06-01'), withdrawalReason: 'merged' }), { status: 'on_track' }, null);
  add(pledge('q10', ngo.id, [10]), { status: 'on_track' }, null);
  return {
    snapshot: { id: 'snapshot-two-cycles', takenAt: '2026-09-30T00:00:00.000Z', frameworkVersion: 1 },
    catalogue,
    cycles: [LATER, EARLIER],
    organisations: [a, b, c, d, e, ngo],
    pledges,
    updates,
    expertReports: [],
    practices: [],
  };
}
