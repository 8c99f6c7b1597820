import { CatalogueInput } from '../model/catalogue-input.types';
import { OrganisationInput, PledgeInput, ReportDataset, UpdateInput } from '../model/report-input.types';
import { testCatalogue } from './catalogue.fixture';
import { at10, halfYearCycle, indicator, pledge, stakeholderOrganisation, stateOrganisation, update } from './factories';

export const PREVIOUS = halfYearCycle(2025, 2);
export const CYCLE = halfYearCycle(2026, 1);
/** The challenge of S3's update awaiting validation: no report may quote it. */
export const UNVALIDATED_CHALLENGE = 'Unvalidated: border data sharing stalled after the ministry reshuffle.';
/** Objectives other than 8, cycled through by the States that do not report on it. */
const OTHER = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

/** Effective themes as the pledges module derives them: the crosswalk themes of every aligned objective. */
export function withCrosswalkThemes(catalogue: CatalogueInput, p: PledgeInput): PledgeInput {
  if (p.themes.length > 0) return p;
  const themes = new Set<number>();
  for (const n of p.objectives) for (const t of catalogue.objectives.find((o) => o.number === n)?.themes ?? []) themes.add(t.number);
  return { ...p, themes: [...themes].sort((a, b) => a - b) };
}

/**
 * The data set of issue 5, built by hand: 40 States owe updates in 2026-H1,
 * 35 report, and 6 of those report on objective 8 (6/35 = 17.14 % ⇒ "17 percent").
 * Around them, everything that must NOT count: a draft, a returned update, an
 * update in the previous cycle only, a stakeholder's update, a second pledge of
 * the same State, a pledge published after the cycle closed and one withdrawn
 * before it began. Updates are validated unless said otherwise; S3's first
 * pledge has one submitted and not validated (status achieved, a challenge):
 * it makes S3 reporting, and nothing of it may be quoted or counted.
 */
export function handMadeDataset(): ReportDataset {
  const catalogue = testCatalogue();
  const countries = catalogue.countries.slice(0, 41);
  const states = countries.map((c) => stateOrganisation(c.alpha3, c.name));
  const ngo = stakeholderOrganisation('org-ngo', 'Missing Migrants Watch', 'NGO');
  const S = (i: number) => states[i].id;
  const pledges: PledgeInput[] = [];
  const updates: UpdateInput[] = [];
  const add = (p: PledgeInput, ...u: Partial<UpdateInput>[] | [null]) => {
    pledges.push(p);
    for (const o of u) if (o) updates.push(update(p, CYCLE, o));
  };

  add(pledge('p00', S(0), [8], { indicators: [indicator('i00')] }), {
    measurements: [{ indicatorId: 'i00', value: 40, asOf: '2026-06-01', note: null }],
  });
  add(pledge('p01', S(1), [8]), { lifecycle: 'validated', validatedAt: '2026-09-01T09:00:00.000Z', status: 'achieved', percentComplete: 100 });
  add(pledge('p02', S(2), [11, 8]), { late: true, submittedAt: '2026-09-20T10:00:00.000Z', status: 'delayed', percentComplete: 20 });
  add(pledge('p03', S(3), [8]), { lifecycle: 'submitted', status: 'achieved', percentComplete: 100, challenges: UNVALIDATED_CHALLENGE });
  add(pledge('p103', S(3), [8, 9]), {});
  add(pledge('p04', S(4), [8, 10]), { challenges: 'Search and rescue capacity at sea is insufficient; data on missing migrants is fragmented.' });
  add(pledge('p05', S(5), [8], { indicators: [indicator('i05', { direction: 'decrease', baseline: { value: 200, date: '2025-01-01' }, target: { value: 50, date: '2028-12-31' } })] }), {
    measurements: [{ indicatorId: 'i05', value: 20, asOf: '2026-06-15', note: 'fewer deaths recorded' }],
  });
  add(pledge('p06', S(6), [8]), { lifecycle: 'draft' });
  add(pledge('p106', S(6), [3]), {});
  add(pledge('p07', S(7), [8]), { lifecycle: 'returned' });
  add(pledge('p107', S(7), [5]), {});
  const p08 = pledge('p08', S(8), [8]);
  add(p08, null);
  updates.push(update(p08, PREVIOUS, { status: 'on_track' }));
  add(pledge('p108', S(8), [9]), {});
  for (let i = 9; i < 35; i++) add(pledge(`p${String(i).padStart(2, '0')}`, S(i), [OTHER[i % OTHER.length]]), { status: i % 4 === 0 ? 'not_started' : 'on_track' });
  add(pledge('p35', S(35), [8]), null);
  for (let i = 36; i < 40; i++) add(pledge(`p${i}`, S(i), [OTHER[i % OTHER.length]]), null);
  add(pledge('p136', S(36), [8], { withdrawnAt: at10('2025-12-15'), withdrawalReason: 'Merged into a regional pledge' }), null);
  add(pledge('p40', S(40), [8], { publishedAt: at10('2026-09-01') }), null);
  add(pledge('p90', ngo.id, [8]), {});

  const organisations: OrganisationInput[] = [...states, ngo];
  return {
    snapshot: { id: 'snapshot-hand-made', takenAt: '2026-09-30T00:00:00.000Z', frameworkVersion: 1 },
    catalogue,
    cycles: [PREVIOUS, CYCLE],
    organisations,
    pledges: pledges.map((p) => withCrosswalkThemes(catalogue, p)),
    updates,
    expertReports: [{
      id: 'er1', title: 'Deaths at sea and the criminalisation of rescue', author: 'Special Rapporteur on the human rights of migrants',
      year: 2026, themes: [1], objectives: [8], summary: 'Rescue NGOs face prosecution in several States.', publishedAt: '2026-07-01T00:00:00.000Z',
    }, {
      id: 'er2', title: 'Unpublished draft', author: 'Academic watchdog', year: 2026, themes: [2], objectives: [9], summary: 'Not yet reviewed.', publishedAt: null,
    }],
    practices: [
      { code: '1.2.4', title: 'Transnational search mechanism for missing migrants', sessionNumber: 2, objectives: [8, 23], organisation: 'ICRC', geographicalScope: 'Mediterranean', brieflyReferred: false },
      { code: '1.2.9', title: 'Referred practice', sessionNumber: 2, objectives: [8, 23], organisation: null, geographicalScope: null, brieflyReferred: true },
      { code: '3.1.1', title: 'Diaspora bonds', sessionNumber: 5, objectives: [19], organisation: 'Diaspora Council', geographicalScope: 'Global', brieflyReferred: false },
    ],
  };
}

/**
 * The hand-made data set with the narratives an overview of progress draws
 * on: the States on objective 8 wrote actions of different kinds, challenges
 * that share words, commitments addressed; practices tied to several RT2
 * objectives (so a report could repeat them) and one whose title matches.
 */
export function overviewDataset(): ReportDataset {
  const data = handMadeDataset();
  const narrative: Record<string, Partial<UpdateInput>> = {
    p00: { actionsTaken: 'Adopted a national protocol on the search for missing migrants. Trained 40 officers.' },
    p01: { actionsTaken: 'Funded a forensic laboratory to identify the remains of migrants who died at sea.', challenges: 'Forensic data on missing migrants is not shared between States.' },
    p02: { actionsTaken: 'Financed search and rescue vessels for the central route.' },
    p04: { actionsTaken: 'Amended the maritime code so that rescue at sea is never prosecuted.' },
    p05: { actionsTaken: 'Set up a hotline for families searching for missing relatives.', challenges: 'Families of missing migrants lack access to data and to consular help.' },
    p103: { actionsTaken: 'Coordinated a regional working group on missing migrants with two neighbouring States.' },
    p90: { actionsTaken: 'Documented 120 deaths on the migration route and shared the data with the authorities.' },
  };
  const forms: Record<string, PledgeInput['form']> = { p00: 'policy', p01: 'financial', p02: 'financial', p04: 'policy', p05: 'technical', p103: 'process' };
  data.pledges = data.pledges.map((p) => ({ ...p, form: forms[p.id] ?? p.form, commitments: p.id === 'p00' || p.id === 'p05' ? ['T1.C2'] : p.commitments }));
  data.updates = data.updates.map((u) => (u.cycleCode === CYCLE.code && narrative[u.pledgeId] ? { ...u, ...narrative[u.pledgeId] } : u));
  data.practices = [
    ...data.practices,
    { code: '1.2.5', title: 'Forensic identification of missing migrants', sessionNumber: 2, objectives: [8, 9], organisation: 'ICMP', geographicalScope: 'Western Balkans', brieflyReferred: false },
    { code: '1.2.6', title: 'Hotline for families of missing migrants', sessionNumber: 2, objectives: [8, 9], organisation: null, geographicalScope: 'Global', brieflyReferred: false },
    { code: '1.2.7', title: 'Consular registration drive', sessionNumber: 2, objectives: [8, 9], organisation: null, geographicalScope: 'Global', brieflyReferred: false },
    { code: '1.2.8', title: 'Border guard training on human rights', sessionNumber: 2, objectives: [8, 9, 11], organisation: null, geographicalScope: 'Europe', brieflyReferred: false },
  ];
  return data;
}
