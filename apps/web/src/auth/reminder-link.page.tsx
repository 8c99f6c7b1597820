import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { reminderApi } from '../api/links-api';
import type { components } from '../api/schema';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { formatDate, formatNumber } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { describeError } from '../forms/use-form';
import { t } from '../i18n';
import { SignInForm } from './sign-in-form';
import { tokenFromHash } from './token-from-hash';

type LinkView = components['schemas']['ReminderLinkView'];
const m = () => t.reminderLinks;

/** Why a link does not work, in the API's words (each refusal says why and what to do), with the ways on. */
function Refused({ title, error }: { title: string; error: unknown }) {
  return (
    <>
      <PageHeader title={title} />
      <div class="notice notice--error" role="alert">
        <h2>{m().refusedTitle}</h2>
        <p>{error instanceof ApiError ? error.message : describeError(error)}</p>
        <p>
          <a href="/workspace">{m().toWorkspace}</a>
        </p>
      </div>
    </>
  );
}

function Reconfirmed({ view }: { view: LinkView }) {
  const prev = view.previous;
  if (!prev) return null;
  return (
    <section aria-labelledby="reconfirmed">
      <h2 id="reconfirmed">{m().reconfirmed(prev.cycle)}</h2>
      <dl class="facts">
        <dt>{m().status}</dt>
        <dd>{t.updates.implementation[prev.status as keyof typeof t.updates.implementation] ?? prev.status}</dd>
        <dt>{m().percent}</dt>
        <dd>{`${prev.percentComplete} %`}</dd>
        <dt>{m().actionsTaken}</dt>
        <dd>{prev.actionsTaken || t.common.none}</dd>
        <dt>{m().measurements}</dt>
        <dd>
          {prev.measurements.length === 0 ? t.common.none : (
            <ul>
              {prev.measurements.map((x) => (
                <li key={x.indicatorName}>{m().measurement(x.indicatorName, formatNumber(x.value), x.unit, formatDate(x.asOf))}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{m().evidence}</dt>
        <dd>{prev.evidence}</dd>
      </dl>
    </section>
  );
}

/**
 * "No change since last cycle — confirm" from a reminder e-mail: shows what
 * will be reconfirmed; one click confirms, signed in or not (the token is the proof).
 */
export function ReminderNoChangePage() {
  const [token] = useState(tokenFromHash);
  const state = useData(() => (token ? reminderApi.inspect(token) : Promise.reject(ApiError.local(400, 'validation_failed', m().missingToken))), [token]);
  const [done, setDone] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'loading') return <p class="status" role="status">{t.common.loading}</p>;
  if (state.status === 'error') return <Refused title={m().noChangeTitle} error={state.error} />;
  const view = state.data;
  if (done && !done.ok) return <Refused title={m().noChangeTitle} error={done.error} />;
  const confirm = async () => {
    setBusy(true);
    try {
      await reminderApi.confirm(token ?? '');
      setDone({ ok: true });
    } catch (error) {
      setDone({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title={m().noChangeTitle}
        lead={m().noChangeLead(`${view.pledge.reference}${view.pledge.title ? ` (${view.pledge.title})` : ''}`, view.cycle.code, formatDate(view.cycle.deadline))}
      />
      {done?.ok ? (
        <div class="notice notice--success" role="status">
          <p>{m().confirmed(view.pledge.reference, view.cycle.code)}</p>
          <p>
            <a href="/workspace">{m().toWorkspace}</a>
          </p>
        </div>
      ) : (
        <>
          <p>{m().confirmingAs(view.recipient)}</p>
          <Reconfirmed view={view} />
          <div class="form__actions">
            <button type="button" class="button" onClick={confirm} disabled={busy} aria-busy={busy}>
              {busy ? m().confirming : m().confirm}
            </button>
          </div>
        </>
      )}
    </>
  );
}

/** "Update this pledge" from a reminder e-mail: sign in (if needed) as its recipient, then straight to the prefilled form. */
export function ReminderUpdatePage() {
  const [token] = useState(tokenFromHash);
  const signedIn = useSession();
  const state = useData(() => (token ? reminderApi.inspect(token) : Promise.reject(ApiError.local(400, 'validation_failed', m().missingToken))), [token]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!signedIn || !token || state.status !== 'ready') return;
    reminderApi.open(token).then(
      (r) => navigate(`/workspace/pledges/${r.pledgeId}/updates/${r.cycle}`, { replace: true }),
      (err: unknown) => setError(err),
    );
  }, [signedIn?.user.id, state.status]);
  if (state.status === 'error') return <Refused title={m().updateTitle} error={state.error} />;
  if (error) return <Refused title={m().updateTitle} error={error} />;
  if (state.status === 'loading' || signedIn) return <p class="status" role="status">{m().opening}</p>;
  return (
    <>
      <PageHeader title={m().updateTitle} lead={m().updateLead(state.data.pledge.reference, state.data.cycle.code)} />
      <SignInForm id="reminder-sign-in" onSignedIn={() => undefined} />
    </>
  );
}
