import type { FieldError } from '../../api/client';
import { Checks } from '../../forms/rules';
import { t } from '../../i18n';
import type { PledgeValues } from './pledge-model';

/** The API's limits on a pledge (CreatePledgeDto and its parts), checked in the browser before a save. */
export function checkPledge(v: PledgeValues): FieldError[] {
  const c = new Checks()
    .required('title', v.title).length('title', v.title, 5, 300)
    .required('description', v.description).length('description', v.description, 300, 3000)
    .required('form', v.form, true)
    .minItems('alignment.objectives', v.alignment.objectives, 1);
  if (v.matchingPledgeRef.trim()) c.check('matchingPledgeRef', /^GCM-P-\d{4}-\d{5,}$/.test(v.matchingPledgeRef.trim()), t.validation.reference);
  if (v.alignment.objectives.length > 1) c.required('alignment.primary', v.alignment.primary, true);
  if (v.startDate && v.targetDate) c.check('targetDate', v.targetDate >= v.startDate, t.validation.endBeforeStart);
  if (v.budget.amount.trim() || v.budget.currency.trim()) {
    c.required('budget.amount', v.budget.amount).number('budget.amount', v.budget.amount, { min: 0, decimals: 2 });
    c.check('budget.currency', /^[A-Za-z]{3}$/.test(v.budget.currency.trim()), t.validation.currency);
  }
  v.partners.forEach((p, i) => {
    if (!p.organisationId) c.required(`partners.${i}.name`, p.name).length(`partners.${i}.name`, p.name, 2, 300);
  });
  v.indicators.forEach((ind, i) => {
    const p = `indicators.${i}`;
    c.required(`${p}.name`, ind.name).length(`${p}.name`, ind.name, 2, 300)
      .required(`${p}.unit`, ind.unit).length(`${p}.unit`, ind.unit, 1, 50)
      .required(`${p}.direction`, ind.direction, true);
    for (const side of ['baseline', 'target'] as const) {
      c.required(`${p}.${side}.value`, ind[side].value).number(`${p}.${side}.value`, ind[side].value, { min: -1e12, max: 1e12 })
        .required(`${p}.${side}.date`, ind[side].date);
    }
  });
  if (v.contact.name.trim() || v.contact.email.trim()) {
    c.required('contact.email', v.contact.email).email('contact.email', v.contact.email).length('contact.name', v.contact.name, 1, 200);
  }
  return c.errors;
}
