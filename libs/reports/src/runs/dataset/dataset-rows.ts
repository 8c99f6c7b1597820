import type {
  EvidenceInput, IndicatorInput, MeasurementInput, OrganisationInput, PledgeInput, UpdateInput,
} from '../../model/report-input.types';

/** SQL text of a UTC instant as `Date#toISOString` prints it. */
export const isoInstant = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const isoDate = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

const STAKEHOLDER_LABELS: Record<string, string> = {
  un_entity: 'UN entity',
  civil_society: 'Civil society',
  private_sector: 'Private sector',
  academia: 'Academia',
  local_authority: 'Local authority',
  other: 'Other stakeholder',
};

export function organisationInput(row: { id: string; name: string; kind: string; alpha3: string | null }): OrganisationInput {
  const state = row.kind === 'state';
  return {
    id: row.id,
    name: row.name,
    kind: state ? 'state' : 'stakeholder',
    countryAlpha3: state ? row.alpha3 : null,
    stakeholderType: state ? null : (STAKEHOLDER_LABELS[row.kind] ?? row.kind),
  };
}

/**
 * A partner or contributor named in free text has no organisation row; it
 * gets a stable synthetic id so builders can name it like any organisation.
 */
export function namedPartnerId(name: string): string {
  return `named:${name.trim().toLowerCase()}`;
}

export function namedPartner(name: string): OrganisationInput {
  return { id: namedPartnerId(name), name: name.trim(), kind: 'stakeholder', countryAlpha3: null, stakeholderType: null };
}

export interface PledgeRow extends Omit<PledgeInput, 'indicators' | 'budget' | 'partnerOrganisationIds'> {
  budgetAmount: string | null;
  budgetCurrency: string | null;
  partners: { organisationId: string | null; name: string | null }[];
}

export function pledgeInput(row: PledgeRow, indicators: IndicatorInput[]): PledgeInput {
  const { budgetAmount, budgetCurrency, partners, ...rest } = row;
  return {
    ...rest,
    partnerOrganisationIds: partners.map((p) => p.organisationId ?? namedPartnerId(p.name ?? '')),
    budget: budgetAmount !== null && budgetCurrency !== null ? { amount: budgetAmount, currency: budgetCurrency } : null,
    indicators,
  };
}

export interface IndicatorRow {
  pledgeId: string;
  id: string;
  name: string;
  unit: string;
  direction: IndicatorInput['direction'];
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  sdgIndicator: string | null;
}

export function indicatorInput(r: IndicatorRow): IndicatorInput {
  return {
    id: r.id,
    name: r.name,
    unit: r.unit,
    direction: r.direction,
    baseline: { value: Number(r.baselineValue), date: r.baselineDate },
    target: { value: Number(r.targetValue), date: r.targetDate },
    sdgIndicator: r.sdgIndicator,
  };
}

export interface UpdateRow extends Omit<UpdateInput, 'measurements' | 'evidence' | 'partnerContributions'> {
  contributions: { organisationId: string | null; name: string; contribution: string }[];
}

export function updateInput(r: UpdateRow, measurements: MeasurementInput[], evidence: EvidenceInput[]): UpdateInput {
  const { contributions, ...rest } = r;
  return {
    ...rest,
    measurements,
    evidence,
    partnerContributions: contributions.map((c) => ({ organisationId: c.organisationId ?? namedPartnerId(c.name), text: c.contribution })),
  };
}

/** Groups rows by a key, keeping their order (the SQL sorts them). */
export function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
