import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { fieldId } from './paths';
import { errorTarget, type Form } from './use-form';

interface FieldProps {
  form: Form<unknown>;
  /** The API's name for the value, e.g. `indicators.0.unit`. */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  class?: string;
}

function describedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : '', errors ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and error around one control; the control gets aria-invalid and aria-describedby. */
function FieldFrame(props: FieldProps & { id: string; errors?: string[]; children: ComponentChildren; labelFor?: boolean }) {
  return (
    <div class={`field${props.errors ? ' field--error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <label class="field__label" for={props.id}>
        {props.label}
        {!props.required && <span class="field__optional"> {t.formUi.optional}</span>}
      </label>
      {props.hint && (
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.errors && (
        <p class="field__error" id={`${props.id}-error`}>
          <span class="visually-hidden">{t.formUi.errorPrefix} </span>
          {props.errors.join(' ')}
        </p>
      )}
      {props.children}
    </div>
  );
}

interface InputAttrs {
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'search';
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
  step?: string;
  min?: string;
  max?: string;
  maxLength?: number;
}

export function TextField(props: FieldProps & InputAttrs) {
  const { form, name, label, hint, required, class: cls, type, ...rest } = props;
  const id = fieldId(form.id, name);
  const errors = form.errorFor(name);
  return (
    <FieldFrame form={form} name={name} label={label} hint={hint} required={required} class={cls} id={id} errors={errors}>
      <input
        {...rest}
        // Preact types each input type separately; the value is one of InputAttrs' types either way.
        type={(type ?? 'text') as 'text'}
        id={id}
        name={name}
        class="input"
        required={required}
        value={String(form.get(name) ?? '')}
        onInput={(e) => form.set(name, e.currentTarget.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number; minLength?: number }) {
  const { form, name, hint, required, rows, maxLength, minLength } = props;
  const id = fieldId(form.id, name);
  const errors = form.errorFor(name);
  const value = String(form.get(name) ?? '');
  return (
    <FieldFrame {...props} id={id} errors={errors}>
      <textarea
        id={id}
        name={name}
        class="input"
        rows={rows ?? 5}
        required={required}
        minLength={minLength}
        value={value}
        onInput={(e) => form.set(name, e.currentTarget.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
      {maxLength && (
        <p class="field__count" aria-live="polite">
          {t.formUi.characters(value.length, maxLength)}
        </p>
      )}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export function SelectField(props: FieldProps & { options: Option[]; placeholder?: string; onChange?: (v: string) => void }) {
  const { form, name, hint, options, placeholder } = props;
  const id = fieldId(form.id, name);
  const errors = form.errorFor(name);
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (opts: Option[]) => opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <FieldFrame {...props} id={id} errors={errors}>
      <select
        id={id}
        name={name}
        class="input"
        required={props.required}
        value={String(form.get(name) ?? '')}
        onChange={(e) => {
          form.set(name, e.currentTarget.value);
          props.onChange?.(e.currentTarget.value);
        }}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {render(options.filter((o) => (o.group ?? '') === g))}
              </optgroup>
            ))
          : render(options)}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes whose value is the array of checked values (`objectives: ['3', '8']`). */
export function CheckboxGroup(props: FieldProps & { options: Option[]; columns?: boolean }) {
  const { form, name, label, hint, options } = props;
  const id = fieldId(form.id, name);
  const errors = form.errorsWithin(name);
  const selected = (form.get(name) as string[] | undefined) ?? [];
  // A group answers for its items too: `alignment.principles.2` is about this group.
  const toggle = (value: string, on: boolean) =>
    form.set(name, on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      class={`field fieldset${errors ? ' field--error' : ''}`}
      aria-describedby={describedBy(id, hint, errors)}
    >
      <legend class="field__label">
        {label}
        {!props.required && <span class="field__optional"> {t.formUi.optional}</span>}
      </legend>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t.formUi.errorPrefix} </span>
          {errors.join(' ')}
        </p>
      )}
      <div class={props.columns ? 'choices choices--columns' : 'choices'}>
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input type="checkbox" value={o.value} checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function RadioGroup(props: FieldProps & { options: Option[]; inline?: boolean }) {
  const { form, name, label, hint, options } = props;
  const id = fieldId(form.id, name);
  const errors = form.errorFor(name);
  const value = String(form.get(name) ?? '');
  return (
    <fieldset id={id} tabIndex={-1} class={`field fieldset${errors ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, errors)}>
      <legend class="field__label">{label}</legend>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t.formUi.errorPrefix} </span>
          {errors.join(' ')}
        </p>
      )}
      <div class={props.inline ? 'choices choices--inline' : 'choices'}>
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input type="radio" name={id} value={o.value} checked={value === o.value} onChange={() => form.set(name, o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The error summary at the top of the form: focused after a failed submit,
 * each entry a link that moves focus to its field.
 */
export function ErrorSummary({ form, labels }: { form: Form<unknown>; labels?: Record<string, string> | ((field: string) => string) }) {
  if (!form.errors.length && !form.formError) return <div id={form.summaryId} tabIndex={-1} />;
  const label = (field: string) => (typeof labels === 'function' ? labels(field) : labels?.[field] ?? field);
  return (
    <div id={form.summaryId} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${form.summaryId}-title`}>
      <h2 id={`${form.summaryId}-title`} class="error-summary__title">
        {t.formUi.summaryTitle}
      </h2>
      {form.formError && <p>{form.formError}</p>}
      {form.errors.length > 0 && (
        <ul>
          {form.errors.map((e) => (
            <li key={e.field}>
              <a
                href={`#${fieldId(form.id, e.field)}`}
                onClick={(ev) => {
                  const el = errorTarget(form.id, e.field);
                  if (!el) return;
                  ev.preventDefault();
                  el.focus();
                  el.scrollIntoView({ block: 'center' });
                }}
              >
                {label(e.field)}: {e.messages.join(' ')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "We restored what you typed" with a way to start over. */
export function DraftNotice({ form }: { form: Form<unknown> }) {
  if (!form.restored) return null;
  return (
    <div class="notice notice--info" role="status">
      <p>{t.formUi.draftRestored}</p>
      <button type="button" class="button button--secondary button--small" onClick={form.discardDraft}>
        {t.formUi.discardDraft}
      </button>
    </div>
  );
}

export function SubmitButton({ form, label, busyLabel, name, onClick, secondary }: {
  form: Form<unknown>;
  label: string;
  busyLabel?: string;
  name?: string;
  /** Runs before the form's submit event, e.g. to note which of two submit buttons was pressed. */
  onClick?: (e: Event) => void;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      name={name}
      class={`button${secondary ? ' button--secondary' : ''}`}
      disabled={form.submitting}
      aria-disabled={form.submitting}
      onClick={onClick}
    >
      {form.submitting ? busyLabel ?? t.formUi.saving : label}
    </button>
  );
}

/** One yes/no choice. */
export function Checkbox({ form, name, label }: { form: Form<unknown>; name: string; label: string }) {
  const id = fieldId(form.id, name);
  return (
    <label class="choice" for={id}>
      <input id={id} type="checkbox" checked={form.get(name) === true} onChange={(e) => form.set(name, e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
