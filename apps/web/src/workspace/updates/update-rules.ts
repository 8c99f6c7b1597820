import type { FieldError } from '../../api/client';
import { Checks } from '../../forms/rules';
import type { UpdateValues } from './update-model';

const NARRATIVE_MAX = 5000;

/** The API's limits on a progress update (ProgressContentDto), checked in the browser before a save. */
export function checkUpdate(v: UpdateValues): FieldError[] {
  const c = new Checks()
    .required('status', v.status, true)
    .required('percentComplete', v.percentComplete)
    .number('percentComplete', v.percentComplete, { whole: true, min: 0, max: 100 });
  for (const field of ['actionsTaken', 'challenges', 'nextSteps'] as const) c.length(field, v[field], 0, NARRATIVE_MAX);
  v.measurements.forEach((m, i) => {
    // An untouched row is not sent; a started one needs a value and a date.
    if (!m.value.trim() && !m.asOf && !m.note.trim()) return;
    c.required(`measurements.${i}.value`, m.value).number(`measurements.${i}.value`, m.value, { min: -1e12, max: 1e12 })
      .required(`measurements.${i}.asOf`, m.asOf)
      .length(`measurements.${i}.note`, m.note, 0, 1000);
  });
  v.evidence.forEach((e, i) => {
    c.required(`evidence.${i}.title`, e.title).length(`evidence.${i}.title`, e.title, 1, 300)
      .required(`evidence.${i}.url`, e.url).url(`evidence.${i}.url`, e.url);
  });
  v.partnerContributions.forEach((p, i) => {
    c.required(`partnerContributions.${i}.name`, p.name).length(`partnerContributions.${i}.name`, p.name, 2, 300)
      .required(`partnerContributions.${i}.contribution`, p.contribution).length(`partnerContributions.${i}.contribution`, p.contribution, 1, 2000);
  });
  return c.errors;
}
