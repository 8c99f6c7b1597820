import { useEffect, useRef } from 'preact/hooks';
import { DIRECTIONS } from '../../api/models';
import { SelectField, TextField } from '../../forms/fields';
import { fieldId } from '../../forms/paths';
import type { Form } from '../../forms/use-form';
import { t } from '../../i18n';
import { emptyIndicator, type IndicatorValues } from './pledge-model';

/** Indicators with baseline and target; names follow the API (`indicators.0.baseline.value`) so its errors land here. */
export function IndicatorsEditor({ form }: { form: Form<unknown> }) {
  const items = (form.get('indicators') as IndicatorValues[] | undefined) ?? [];
  const focus = useRef<number | null>(null);
  useEffect(() => {
    if (focus.current === null) return;
    document.getElementById(fieldId(form.id, `indicators.${focus.current}.name`))?.focus();
    focus.current = null;
  });
  const errors = form.errorFor('indicators');
  const directions = DIRECTIONS.map((d) => ({ value: d, label: t.pledgeEdit.directions[d] }));
  return (
    <div class="repeat" id={fieldId(form.id, 'indicators')} tabIndex={-1}>
      {errors && <p class="field__error">{errors.join(' ')}</p>}
      {items.length === 0 && <p class="muted">{t.pledgeEdit.noIndicators}</p>}
      {items.map((_, i) => {
        const n = i + 1;
        const p = `indicators.${i}`;
        return (
          <fieldset key={i} class="repeat__item">
            <legend>{t.pledgeEdit.indicatorN(n)}</legend>
            <div class="grid-2">
              <TextField form={form} name={`${p}.name`} label={t.pledgeEdit.indicatorName} required />
              <TextField form={form} name={`${p}.unit`} label={t.pledgeEdit.unit} hint={t.pledgeEdit.unitHint} required />
              <SelectField form={form} name={`${p}.direction`} label={t.pledgeEdit.direction} options={directions} placeholder={t.ws.common.choose} required />
              <TextField form={form} name={`${p}.sdgIndicator`} label={t.pledgeEdit.sdg} hint={t.pledgeEdit.sdgHint} />
              <TextField form={form} name={`${p}.baseline.value`} label={t.pledgeEdit.baselineValue} inputMode="decimal" required />
              <TextField form={form} name={`${p}.baseline.date`} label={t.pledgeEdit.baselineDate} type="date" required />
              <TextField form={form} name={`${p}.target.value`} label={t.pledgeEdit.targetValue} inputMode="decimal" required />
              <TextField form={form} name={`${p}.target.date`} label={t.pledgeEdit.targetDate} type="date" required />
            </div>
            <button
              type="button"
              class="button button--small button--secondary"
              onClick={() => form.set('indicators', items.filter((__, j) => j !== i))}
            >
              {t.pledgeEdit.removeIndicator(n)}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        class="button button--secondary"
        onClick={() => {
          focus.current = items.length;
          form.set('indicators', [...items, emptyIndicator()]);
        }}
      >
        {t.pledgeEdit.addIndicator}
      </button>
    </div>
  );
}
