import {
  CycleInput, ImplementationStatus, IndicatorInput, OrganisationInput, PledgeInput, UpdateInput,
} from '../model/report-input.types';

/** Half-year cycles as the platform opens them by default: deadline 45 days after the period, closed the evening of the deadline. */
export function halfYearCycle(year: number, half: 1 | 2): CycleInput {
  const c = half === 1
    ? { code: `${year}-H1`, periodStart: `${year}-01-01`, periodEnd: `${year}-06-30`, deadline: `${year}-08-14` }
    : { code: `${year}-H2`, periodStart: `${year}-07-01`, periodEnd: `${year}-12-31`, deadline: `${year + 1}-02-14` };
  return { ...c, closedAt: `${c.deadline}T18:00:00.000Z` };
}

/** A date's instant at 10:00 UTC, as fixtures publish and withdraw pledges. */
export const at10 = (date: string) => `${date}T10:00:00.000Z`;

export function stateOrganisation(alpha3: string, name: string): OrganisationInput {
  return { id: `org-${alpha3.toLowerCase()}`, name, kind: 'state', countryAlpha3: alpha3, stakeholderType: null };
}

export function stakeholderOrganisation(id: string, name: string, type: string): OrganisationInput {
  return { id, name, kind: 'stakeholder', countryAlpha3: null, stakeholderType: type };
}

export function indicator(id: string, overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    id, name: `Indicator ${id}`, unit: 'persons', direction: 'increase',
    baseline: { value: 0, date: '2025-01-01' }, target: { value: 100, date: '2028-12-31' }, sdgIndicator: null,
    ...overrides,
  };
}

export function pledge(id: string, leadOrganisationId: string, objectives: number[], overrides: Partial<PledgeInput> = {}): PledgeInput {
  const seq = id.replace(/\D/g, '').padStart(5, '0').slice(-5);
  return {
    id,
    reference: `GCM-P-2025-${seq}`,
    title: `Pledge ${id}`,
    description: `Description of pledge ${id}.`,
    form: 'policy',
    leadOrganisationId,
    partnerOrganisationIds: [],
    publishedAt: at10('2025-03-01'),
    withdrawnAt: null,
    withdrawalReason: null,
    statusBefore: null,
    objectives,
    primaryObjective: objectives[0],
    principles: ['a'],
    themes: [],
    recommendations: [],
    commitments: [],
    countries: [],
    regions: [],
    startDate: '2025-01-01',
    targetDate: '2028-12-31',
    budget: null,
    indicators: [],
    ...overrides,
  };
}

/** A validated update unless `overrides.lifecycle` says otherwise (then validatedAt is null unless given). */
export function update(p: PledgeInput, cycle: CycleInput, overrides: Partial<UpdateInput> = {}): UpdateInput {
  const status: ImplementationStatus = overrides.status ?? 'on_track';
  const lifecycle = overrides.lifecycle ?? 'validated';
  return {
    id: `upd-${p.id}-${cycle.code}`,
    pledgeId: p.id,
    cycleCode: cycle.code,
    lifecycle,
    submittedAt: `${cycle.periodEnd}T12:00:00.000Z`,
    validatedAt: lifecycle === 'validated' ? `${cycle.deadline}T09:00:00.000Z` : null,
    late: false,
    reconfirmation: false,
    status,
    percentComplete: 50,
    actionsTaken: `Actions taken on ${p.reference}.`,
    challenges: '',
    nextSteps: `Next steps for ${p.reference}.`,
    measurements: [],
    evidence: [],
    partnerContributions: [],
    ...overrides,
  };
}
