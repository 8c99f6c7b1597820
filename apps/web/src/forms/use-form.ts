import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type FieldError } from '../api/client';
import { SignInCancelled } from '../api/reauth';
import { t } from '../i18n';
import { fieldId, getPath, setPath } from './paths';
import { humanErrors } from './server-messages';

const DRAFT_PREFIX = 'gcm.draft.';

function readDraft<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(DRAFT_PREFIX + key);
}

export interface FormOptions<T> {
  /** Prefix of every field's element id; unique on the page. */
  id: string;
  initial: T;
  /** Autosaves the values to sessionStorage under this key (include the record's version for edits). */
  draftKey?: string;
  /** Checks made in the browser before `action` runs; any error stops the send and is shown like the API's. */
  validate?: (values: T) => FieldError[];
}

export interface Form<T> {
  id: string;
  values: T;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  replace(values: T): void;
  errors: FieldError[];
  errorFor(path: string): string[] | undefined;
  /** Errors of `path` and everything under it (`alignment.objectives.2.number`), for a group of controls. */
  errorsWithin(path: string): string[] | undefined;
  /** A message for the whole form (409, 403, network). */
  formError: string | null;
  submitting: boolean;
  /** Values came back from an autosaved draft. */
  restored: boolean;
  discardDraft(): void;
  /** Runs `action`; field errors go next to their fields and focus moves to the summary. */
  handle(action: (values: T) => Promise<unknown>): (e?: Event) => Promise<void>;
  summaryId: string;
}

/** A message for a failure that is not about one field. */
export function describeError(err: unknown): string {
  if (err instanceof SignInCancelled) return t.formUi.sessionEnded;
  if (err instanceof ApiError) {
    switch (err.code) {
      // The form keeps what the user typed: only a reload replaces it with the other version.
      case 'version_conflict':
        return t.formUi.conflict(err.message);
      case 'forbidden':
        return t.formUi.forbidden;
      case 'not_found':
        return t.formUi.notFound;
      case 'rate_limited':
        return t.formUi.tooMany;
      case 'internal':
      case 'unavailable':
        return t.formUi.serverError;
      // invalid_state, conflict, payload_too_large, precondition_required, validation_failed without fields: the server's sentence.
      default:
        return err.code ? err.message : err.status >= 500 ? t.formUi.serverError : err.message;
    }
  }
  return t.formUi.networkError;
}

/**
 * Form state with the browser's own checks and the API's field errors (both in
 * the same human words) mapped onto fields by path, an error
 * summary that takes focus, and (with a draftKey) every keystroke kept in
 * sessionStorage so a reload or an ended session loses nothing.
 */
export function useForm<T>(opts: FormOptions<T>): Form<T> {
  const draft = useMemo(() => (opts.draftKey ? readDraft<T>(opts.draftKey) : null), [opts.draftKey]);
  const [values, setValues] = useState<T>(draft ?? opts.initial);
  const [restored, setRestored] = useState(!!draft);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const dirty = useRef(false);
  const summaryId = `${opts.id}-errors`;

  useEffect(() => {
    if (!opts.draftKey || !dirty.current) return;
    sessionStorage.setItem(DRAFT_PREFIX + opts.draftKey, JSON.stringify(values));
  }, [values, opts.draftKey]);

  useEffect(() => {
    if (focusTick) document.getElementById(summaryId)?.focus();
  }, [focusTick]);

  const set = useCallback((path: string, value: unknown) => {
    dirty.current = true;
    setValues((v) => setPath(v, path, value));
    // An edited field's old error no longer describes it.
    setErrors((errs) => (errs.some((e) => e.field === path) ? errs.filter((e) => e.field !== path) : errs));
  }, []);

  const replace = useCallback((next: T) => {
    dirty.current = true;
    setValues(next);
  }, []);

  const discardDraft = useCallback(() => {
    if (opts.draftKey) clearDraft(opts.draftKey);
    dirty.current = false;
    setValues(opts.initial);
    setRestored(false);
  }, [opts.draftKey, opts.initial]);

  const handle = (action: (values: T) => Promise<unknown>) => async (e?: Event) => {
    e?.preventDefault();
    if (submitting) return;
    const problems = opts.validate?.(values) ?? [];
    if (problems.length) {
      setErrors(problems);
      setFormError(null);
      setFocusTick((n) => n + 1);
      return;
    }
    setSubmitting(true);
    setFormError(null);
    try {
      await action(values);
      setErrors([]);
      if (opts.draftKey) clearDraft(opts.draftKey);
      dirty.current = false;
      setRestored(false);
    } catch (err) {
      // validation_failed (and a unique value taken, `conflict`): each message beside its field, in the browser's words; anything else is one message for the form.
      const fields = err instanceof ApiError && (err.code === 'validation_failed' || err.code === 'conflict') ? humanErrors(err.fieldErrors) : [];
      setErrors(fields);
      setFormError(fields.length ? null : describeError(err));
      setFocusTick((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    id: opts.id,
    values,
    get: (path) => getPath(values, path),
    set,
    replace,
    errors,
    errorFor: (path) => errors.find((e) => e.field === path)?.messages,
    errorsWithin: (path) => {
      const found = errors.filter((e) => e.field === path || e.field.startsWith(`${path}.`)).flatMap((e) => e.messages);
      return found.length ? found : undefined;
    },
    formError,
    submitting,
    restored,
    discardDraft,
    handle,
    summaryId,
  };
}

/** The element to focus for an error: the field itself, else its nearest enclosing group. */
export function errorTarget(formId: string, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(fieldId(formId, parts.slice(0, n).join('.')));
    if (el) return el;
  }
  return null;
}
