import type { Direction, PledgeForm, PledgeView } from '../../api/models';
import type { components } from '../../api/schema';

type CreatePledgeBody = components['schemas']['CreatePledgeDto'];

/**
 * The pledge form's values: the API's shape with every input as a string, so
 * the API's field names (`indicators.0.baseline.value`) are the form's names too.
 */
export interface IndicatorValues {
  id: string;
  name: string;
  unit: string;
  direction: Direction | '';
  baseline: { value: string; date: string };
  target: { value: string; date: string };
  sdgIndicator: string;
}

export interface PledgeValues {
  title: string;
  description: string;
  form: PledgeForm | '';
  matchingPledgeRef: string;
  alignment: {
    objectives: string[];
    primary: string;
    principles: string[];
    overrideThemes: boolean;
    themes: string[];
    recommendations: string[];
    commitments: string[];
  };
  scope: { countries: string[]; regions: string[] };
  partners: { organisationId: string; name: string }[];
  startDate: string;
  targetDate: string;
  budget: { amount: string; currency: string };
  indicators: IndicatorValues[];
  contact: { name: string; email: string };
  /** Sent as Idempotency-Key when the pledge is first created. */
  createKey: string;
}

export const emptyIndicator = (): IndicatorValues => ({
  id: '', name: '', unit: '', direction: '', baseline: { value: '', date: '' }, target: { value: '', date: '' }, sdgIndicator: '',
});

export function emptyPledge(createKey: string): PledgeValues {
  return {
    title: '', description: '', form: '', matchingPledgeRef: '',
    alignment: { objectives: [], primary: '', principles: [], overrideThemes: false, themes: [], recommendations: [], commitments: [] },
    scope: { countries: [], regions: [] },
    partners: [], startDate: '', targetDate: '', budget: { amount: '', currency: '' }, indicators: [], contact: { name: '', email: '' },
    createKey,
  };
}

export function valuesOf(p: PledgeView): PledgeValues {
  const a = p.alignment;
  return {
    title: p.title,
    description: p.description,
    form: p.form,
    matchingPledgeRef: p.matchingPledgeRef ?? '',
    alignment: {
      objectives: a.objectives.map((o) => String(o.number)),
      primary: String(a.objectives.find((o) => o.primary)?.number ?? ''),
      principles: a.principles,
      overrideThemes: a.themesOverridden,
      themes: a.themes.map((th) => String(th.number)),
      recommendations: a.recommendations.map(String),
      commitments: a.commitments,
    },
    scope: { countries: p.scope.countries, regions: p.scope.regions },
    partners: p.partners.map((x) => ({ organisationId: x.organisationId ?? '', name: x.name ?? '' })),
    startDate: p.startDate ?? '',
    targetDate: p.targetDate ?? '',
    budget: { amount: p.budget ? String(p.budget.amount) : '', currency: p.budget?.currency ?? '' },
    indicators: p.indicators.map((i) => ({
      id: i.id, name: i.name, unit: i.unit, direction: i.direction,
      baseline: { value: String(i.baseline.value), date: i.baseline.date },
      target: { value: String(i.target.value), date: i.target.date },
      sdgIndicator: i.sdgIndicator ?? '',
    })),
    contact: { name: p.contact?.name ?? '', email: p.contact?.email ?? '' },
    createKey: '',
  };
}

/** A number as typed; an unparseable one is sent as typed so the API names the field. */
const num = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The request body: what the API validates, nothing the form keeps for itself. */
export function toRequest(v: PledgeValues): CreatePledgeBody {
  const primary = v.alignment.primary || (v.alignment.objectives.length === 1 ? v.alignment.objectives[0] : '');
  // Typed as the DTO, but values are sent as typed (a number field may hold text) so the API names each bad field.
  return {
    title: v.title,
    description: v.description,
    form: v.form || undefined,
    matchingPledgeRef: orNull(v.matchingPledgeRef),
    alignment: {
      objectives: v.alignment.objectives.map((n) => ({ number: Number(n), primary: n === primary })),
      principles: v.alignment.principles,
      themes: v.alignment.overrideThemes ? v.alignment.themes.map(Number) : null,
      recommendations: v.alignment.recommendations.map(Number),
      commitments: v.alignment.commitments,
    },
    scope: v.scope,
    partners: v.partners.map((x) => (x.organisationId ? { organisationId: x.organisationId } : { name: x.name })),
    startDate: orNull(v.startDate),
    targetDate: orNull(v.targetDate),
    budget: v.budget.amount.trim() || v.budget.currency.trim() ? { amount: num(v.budget.amount), currency: v.budget.currency.trim().toUpperCase() } : null,
    indicators: v.indicators.map((i) => ({
      ...(i.id ? { id: i.id } : {}),
      name: i.name,
      unit: i.unit,
      direction: i.direction || undefined,
      baseline: { value: num(i.baseline.value), date: i.baseline.date },
      target: { value: num(i.target.value), date: i.target.date },
      sdgIndicator: orNull(i.sdgIndicator),
    })),
    contact: v.contact.email.trim() || v.contact.name.trim() ? { name: orNull(v.contact.name) ?? undefined, email: v.contact.email.trim() } : null,
  } as unknown as CreatePledgeBody;
}
