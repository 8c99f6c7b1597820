import { SelectField, TextField, type Option } from '../../forms/fields';
import { fieldId } from '../../forms/paths';
import type { Form } from '../../forms/use-form';
import { t } from '../../i18n';

/** Partners: a registered organisation, or the name of one that is not registered. */
export function PartnersEditor({ form, organisations }: { form: Form<unknown>; organisations: Option[] }) {
  const items = (form.get('partners') as { organisationId: string; name: string }[] | undefined) ?? [];
  const errors = form.errorFor('partners');
  return (
    <div class="repeat" id={fieldId(form.id, 'partners')} tabIndex={-1}>
      {errors && <p class="field__error">{errors.join(' ')}</p>}
      {items.length === 0 && <p class="muted">{t.pledgeEdit.noPartners}</p>}
      {items.map((item, i) => (
        <fieldset key={i} class="repeat__item" id={fieldId(form.id, `partners.${i}`)} tabIndex={-1}>
          <legend>{t.pledgeEdit.partnerN(i + 1)}</legend>
          {form.errorFor(`partners.${i}`) && <p class="field__error">{form.errorFor(`partners.${i}`)?.join(' ')}</p>}
          <div class="grid-2">
            <SelectField
              form={form}
              name={`partners.${i}.organisationId`}
              label={t.pledgeEdit.partnerOrganisation}
              options={organisations}
              placeholder={t.pledgeEdit.notRegistered}
            />
            {!item.organisationId && <TextField form={form} name={`partners.${i}.name`} label={t.pledgeEdit.partnerName} hint={t.pledgeEdit.partnerNameHint} />}
          </div>
          <button type="button" class="button button--small button--secondary" onClick={() => form.set('partners', items.filter((_, j) => j !== i))}>
            {t.pledgeEdit.removePartner(i + 1)}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button button--secondary" onClick={() => form.set('partners', [...items, { organisationId: '', name: '' }])}>
        {t.pledgeEdit.addPartner}
      </button>
    </div>
  );
}
