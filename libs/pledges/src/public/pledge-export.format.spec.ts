import { EXPORT_HEADER, exportRow } from './pledge-export.format';
import type { PublicPledge } from './public-pledge.types';

const pledge = {
  reference: 'GCM-P-2026-00001',
  title: 'Rescue at sea',
  state: 'published',
  implementationStatus: 'on_track',
  leadOrganisation: { id: 'o', name: 'France', kind: 'state', country: 'FRA' },
  partners: [{ organisationId: null, name: 'Red Cross' }, { organisationId: 'x', name: 'IOM' }],
  form: 'policy',
  objectives: [{ number: 8, primary: true }, { number: 5, primary: false }],
  themes: [{ number: 1, primary: true }, { number: 2, primary: false }],
  principles: ['a', 'c'],
  recommendations: [101],
  commitments: ['T1.C1'],
  roundTables: ['RT1', 'RT2'],
  countries: ['FRA', 'ITA'],
  regions: [],
  startDate: '2026-01-01',
  targetDate: '2027-12-31',
  budget: { amount: 1200000.5, currency: 'EUR' },
  indicators: [{ id: 'i', name: 'Rescues', unit: 'people', direction: 'increase', baseline: { value: 10, date: '2025-12-31' }, target: { value: 50, date: '2027-12-31' }, sdgIndicator: null }],
  matchingPledgeRef: null,
  publishedVersion: 2,
  firstPublishedAt: new Date('2026-02-01T10:00:00Z'),
  updatedAt: new Date('2026-03-01T10:00:00Z'),
  withdrawnReason: null,
  description: 'd',
} as unknown as PublicPledge;

describe('pledge export rows', () => {
  it('flattens one pledge into one row under the documented headers', () => {
    const row = Object.fromEntries(EXPORT_HEADER.map((h, i) => [h, exportRow(pledge)[i]]));
    expect(row).toMatchObject({
      reference: 'GCM-P-2026-00001',
      lead_organisation: 'France',
      partners: 'Red Cross; IOM',
      primary_objective: 8,
      objectives: '8; 5',
      themes: 'T1; T2',
      round_tables: 'RT1; RT2',
      budget_amount: 1200000.5,
      indicators: 'Rescues (people): 10 → 50 by 2027-12-31',
      first_published_at: '2026-02-01T10:00:00.000Z',
    });
  });
});
