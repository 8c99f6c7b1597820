import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { Option } from './fields';
import { fieldId } from './paths';
import type { Form } from './use-form';

/**
 * Picks several values out of a long list (countries, regions): type to find
 * one in the suggestions, add it, and remove chips with their own buttons.
 */
export function ChipPicker(props: { form: Form<unknown>; name: string; label: string; hint?: string; options: Option[] }) {
  const { form, name, options } = props;
  const id = fieldId(form.id, name);
  const selected = (form.get(name) as string[] | undefined) ?? [];
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState(false);
  const errors = form.errorsWithin(name);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const add = () => {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return;
    const hit = options.find((o) => o.label.toLowerCase() === wanted || o.value.toLowerCase() === wanted)
      ?? options.filter((o) => o.label.toLowerCase().includes(wanted)).at(0);
    if (!hit) {
      setNotFound(true);
      return;
    }
    setNotFound(false);
    setText('');
    if (!selected.includes(hit.value)) form.set(name, [...selected, hit.value]);
  };
  const describedBy = [props.hint ? `${id}-hint` : '', errors || notFound ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field chip-picker${errors ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {props.label} <span class="field__optional">{t.formUi.optional}</span>
      </label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {(errors || notFound) && (
        <p class="field__error" id={`${id}-error`}>
          {notFound ? t.formUi.noMatch(text) : errors?.join(' ')}
        </p>
      )}
      {selected.length > 0 && (
        <ul class="chips" aria-label={props.label}>
          {selected.map((v) => (
            <li key={v} class="chip">
              {labelOf(v)}
              <button type="button" class="chip__remove" aria-label={t.formUi.removeItem(labelOf(v))} onClick={() => form.set(name, selected.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="search-row">
        <input
          id={id}
          class="input"
          list={`${id}-options`}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={errors ? true : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="button button--secondary" onClick={add}>
          {t.formUi.add}
        </button>
      </div>
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.value} value={o.label} />
        ))}
      </datalist>
    </div>
  );
}
