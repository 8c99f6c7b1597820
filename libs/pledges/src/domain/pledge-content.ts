/**
 * The editable content of a pledge as the owner works on it and as every
 * submitted version freezes it. Public reads never use this shape directly:
 * at publication it is copied into the relational columns and join tables.
 */
export const PLEDGE_FORMS = ['policy', 'financial', 'technical', 'process'] as const;
export type PledgeForm = (typeof PLEDGE_FORMS)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export interface ObjectiveRef {
  number: number;
  primary: boolean;
}

export interface ThemeRef {
  number: number;
  primary: boolean;
}

export interface PledgeAlignment {
  objectives: ObjectiveRef[];
  principles: string[];
  /** Derived from the objectives through the crosswalk unless `themesOverridden`. */
  themes: ThemeRef[];
  themesOverridden: boolean;
  recommendations: number[];
  commitments: string[];
}

export interface PledgeScope {
  countries: string[];
  /** UN M49 region, sub-region or intermediate-region codes (`001` is the world). */
  regions: string[];
}

export interface DatedValue {
  value: number;
  date: string;
}

export interface IndicatorContent {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: DatedValue;
  target: DatedValue;
  sdgIndicator: string | null;
}

export interface PartnerContent {
  organisationId: string | null;
  name: string | null;
}

export interface Budget {
  amount: number;
  currency: string;
}

export interface PledgeContent {
  title: string;
  description: string;
  form: PledgeForm;
  /** BCP 47 tag of the language of title and description (copies saved before it existed lack it: English). */
  language?: string;
  matchingPledgeRef: string | null;
  partners: PartnerContent[];
  alignment: PledgeAlignment;
  scope: PledgeScope;
  startDate: string | null;
  targetDate: string | null;
  budget: Budget | null;
  indicators: IndicatorContent[];
  /** The catalogue version the alignment was last checked against. */
  frameworkVersion: number;
}

/** What a submitted version freezes: the content plus who pledged it. */
export interface PledgeSnapshot extends PledgeContent {
  reference: string;
  leadOrganisationId: string;
}

export const REFERENCE_PATTERN = /^GCM-P-\d{4}-\d{5,}$/;

export function formatReference(year: number, seq: number): string {
  return `GCM-P-${year}-${String(seq).padStart(5, '0')}`;
}
