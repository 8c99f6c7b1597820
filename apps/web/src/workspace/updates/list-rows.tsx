import { TextField } from '../../forms/fields';
import { fieldId } from '../../forms/paths';
import type { Form } from '../../forms/use-form';
import { t } from '../../i18n';

interface RowField {
  key: string;
  label: string;
  type?: 'url' | 'text';
}

/** Rows of a few text inputs each (evidence links, partner contributions), named as the API names them. */
export function ListRows(props: { form: Form<unknown>; name: string; itemLabel: string; addLabel: string; empty: Record<string, string>; fields: RowField[] }) {
  const { form, name } = props;
  const items = (form.get(name) as Record<string, string>[] | undefined) ?? [];
  return (
    <div class="repeat" id={fieldId(form.id, name)} tabIndex={-1}>
      {form.errorFor(name) && <p class="field__error">{form.errorFor(name)?.join(' ')}</p>}
      {items.map((_, i) => (
        <fieldset key={i} class="repeat__item">
          <legend>{`${props.itemLabel} ${i + 1}`}</legend>
          <div class="grid-2">
            {props.fields.map((f) => (
              <TextField key={f.key} form={form} name={`${name}.${i}.${f.key}`} label={f.label} type={f.type} required />
            ))}
          </div>
          <button type="button" class="button button--small button--secondary" onClick={() => form.set(name, items.filter((__, j) => j !== i))}>
            {t.ws.common.remove}
            <span class="visually-hidden"> {`${props.itemLabel} ${i + 1}`}</span>
          </button>
        </fieldset>
      ))}
      <button type="button" class="button button--secondary" onClick={() => form.set(name, [...items, { ...props.empty }])}>
        {props.addLabel}
      </button>
    </div>
  );
}
