import { t } from '../../i18n';

const L = () => t.pledgeEdit;

const TOP: Record<string, () => string> = {
  title: () => L().title,
  description: () => L().description,
  form: () => L().form,
  matchingPledgeRef: () => L().matching,
  'alignment.objectives': () => L().objectives,
  'alignment.primary': () => L().primaryObjective,
  'alignment.themes': () => L().chosenThemes,
  'alignment.principles': () => L().principles,
  'alignment.recommendations': () => L().recommendations,
  'alignment.commitments': () => L().commitments,
  'scope.countries': () => L().countries,
  'scope.regions': () => L().regions,
  startDate: () => L().startDate,
  targetDate: () => L().targetDateField,
  budget: () => L().budgetAmount,
  'budget.amount': () => L().budgetAmount,
  'budget.currency': () => L().budgetCurrency,
  partners: () => L().sections.partners,
  indicators: () => L().sections.indicators,
  contact: () => L().sections.contact,
  'contact.name': () => L().contactName,
  'contact.email': () => L().contactEmail,
};

const INDICATOR: Record<string, () => string> = {
  name: () => L().indicatorName,
  unit: () => L().unit,
  direction: () => L().direction,
  sdgIndicator: () => L().sdg,
  'baseline.value': () => L().baselineValue,
  'baseline.date': () => L().baselineDate,
  'target.value': () => L().targetValue,
  'target.date': () => L().targetDate,
  baseline: () => L().baselineValue,
  target: () => L().targetValue,
};

/** A reader's name for an API field path, e.g. `indicators.0.unit` → "Indicator 1: Unit". */
export function PLEDGE_LABELS(field: string): string {
  const ind = /^indicators\.(\d+)\.(.+)$/.exec(field);
  if (ind) return `${L().indicatorN(Number(ind[1]) + 1)}: ${(INDICATOR[ind[2]] ?? (() => ind[2]))()}`;
  const partner = /^partners\.(\d+)/.exec(field);
  if (partner) return L().partnerN(Number(partner[1]) + 1);
  const item = /^(alignment\.[a-z]+|scope\.[a-z]+)\.\d+/.exec(field);
  if (item) return (TOP[item[1]] ?? (() => field))();
  return (TOP[field] ?? (() => field))();
}
