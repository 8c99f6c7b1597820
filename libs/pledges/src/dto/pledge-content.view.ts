import type { IndicatorDirection, PledgeForm } from '../domain/pledge-content';

/** Pledge content as responses carry it (the classes mirror domain/pledge-content.ts for the Swagger plugin). */

export class ObjectiveRefView {
  number: number;
  primary: boolean;
}

export class ThemeRefView {
  number: number;
  primary: boolean;
}

export class DatedValueView {
  value: number;
  /** YYYY-MM-DD */
  date: string;
}

export class IndicatorView {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baseline: DatedValueView;
  target: DatedValueView;
  sdgIndicator: string | null;
}

export class BudgetView {
  amount: number;
  /** ISO 4217 */
  currency: string;
}

export class PartnerContentView {
  organisationId: string | null;
  name: string | null;
}

export class PledgeAlignmentView {
  objectives: ObjectiveRefView[];
  principles: string[];
  /** Derived from the objectives through the crosswalk unless `themesOverridden`. */
  themes: ThemeRefView[];
  themesOverridden: boolean;
  recommendations: number[];
  commitments: string[];
}

export class PledgeScopeView {
  countries: string[];
  /** UN M49 region, sub-region or intermediate-region codes (`001` is the world). */
  regions: string[];
}

/** The editable content of a pledge (PledgeContent). */
export class PledgeContentView {
  title: string;
  description: string;
  form: PledgeForm;
  /** BCP 47 tag of the language of title and description. */
  language?: string;
  matchingPledgeRef: string | null;
  partners: PartnerContentView[];
  alignment: PledgeAlignmentView;
  scope: PledgeScopeView;
  startDate: string | null;
  targetDate: string | null;
  budget: BudgetView | null;
  indicators: IndicatorView[];
  /** The catalogue version the alignment was last checked against. */
  frameworkVersion: number;
}
