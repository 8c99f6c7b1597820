import { useEffect, useRef } from 'preact/hooks';
import { fieldId } from '../forms/paths';
import type { Form } from '../forms/use-form';
import { TextArea } from '../forms/fields';
import { t } from '../i18n';

/** An ordered list of texts (`considerations.0`, `considerations.1`, …) with add, remove and reorder. */
export function ListEditor(props: { form: Form<unknown>; name: string; label: string; itemLabel: string; addLabel: string }) {
  const { form, name } = props;
  const items = (form.get(name) as string[] | undefined) ?? [];
  const focusIndex = useRef<number | null>(null);
  useEffect(() => {
    if (focusIndex.current === null) return;
    document.getElementById(fieldId(form.id, `${name}.${focusIndex.current}`))?.focus();
    focusIndex.current = null;
  });
  const setItems = (next: string[], focus: number | null) => {
    focusIndex.current = focus;
    form.set(name, next);
  };
  const move = (i: number, by: number) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setItems(next, i + by);
  };
  const errors = form.errorFor(name);
  return (
    <fieldset class="field fieldset list-editor" id={fieldId(form.id, name)} tabIndex={-1}>
      <legend class="field__label">{props.label}</legend>
      {errors && <p class="field__error">{errors.join(' ')}</p>}
      {items.length === 0 && <p class="muted">{t.ws.common.noItems}</p>}
      <ol class="list-editor__items">
        {items.map((_, i) => (
          <li key={i} class="list-editor__item">
            <TextArea form={form} name={`${name}.${i}`} label={`${props.itemLabel} ${i + 1}`} rows={3} required />
            <div class="list-editor__tools">
              <button type="button" class="button button--small button--secondary" disabled={i === 0} onClick={() => move(i, -1)}>
                {t.ws.common.moveUp}
                <span class="visually-hidden"> {`${props.itemLabel} ${i + 1}`}</span>
              </button>
              <button type="button" class="button button--small button--secondary" disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                {t.ws.common.moveDown}
                <span class="visually-hidden"> {`${props.itemLabel} ${i + 1}`}</span>
              </button>
              <button
                type="button"
                class="button button--small button--secondary"
                onClick={() => setItems(items.filter((__, j) => j !== i), i > 0 ? i - 1 : null)}
              >
                {t.ws.common.remove}
                <span class="visually-hidden"> {`${props.itemLabel} ${i + 1}`}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" class="button button--secondary" onClick={() => setItems([...items, ''], items.length)}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
