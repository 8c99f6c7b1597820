import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { publicApi } from '../api/public-api';
import { subscriptionsApi, type ConfirmedSubscription } from '../api/subscriptions-api';
import { tokenFromHash } from '../auth/token-from-hash';
import { countryName } from '../components/format';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import type { Option } from '../forms/fields';
import { t } from '../i18n';
import { SubscribeForm } from './subscribe-form';

const m = () => t.subscriptions;

async function loadChoices(): Promise<Record<'country' | 'objective' | 'theme', Option[]>> {
  const [countries, objectives, themes] = await Promise.all([publicApi.countries(), publicApi.objectives(), publicApi.themes()]);
  return {
    country: countries.map((c) => ({ value: c.alpha3, label: countryName(c.alpha2, c.name) })).sort((a, b) => a.label.localeCompare(b.label, t.locale)),
    objective: objectives.map((o) => ({ value: String(o.number), label: `${t.common.objective(o.number)}: ${o.title}` })),
    theme: themes.map((x) => ({ value: String(x.number), label: `${x.code}: ${x.title}` })),
  };
}

/** /subscriptions: choose what to follow. */
export function SubscriptionsPage() {
  const state = useData(loadChoices, []);
  return (
    <>
      <PageHeader title={m().title} lead={m().lead} />
      {state.status === 'loading' && <p class="status" role="status">{t.common.loading}</p>}
      {state.status !== 'loading' && <SubscribeForm keyOptions={state.status === 'ready' ? state.data : undefined} />}
    </>
  );
}

export function topicText(s: Pick<ConfirmedSubscription, 'topic' | 'key'>): string {
  switch (s.topic) {
    case 'country': return m().topicCountry(s.key);
    case 'objective': return m().topicObjective(s.key);
    case 'theme': return m().topicTheme(s.key);
    default: return m().topicDigest;
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown } | null;

/** Runs the token's action once on arrival (the link's one click), keeping the outcome. */
function useTokenAction<T>(action: (token: string) => Promise<T>): { token: string | null; outcome: Outcome<T> } {
  const [token] = useState(tokenFromHash);
  const [outcome, setOutcome] = useState<Outcome<T>>(null);
  useEffect(() => {
    if (!token) return;
    action(token).then((value) => setOutcome({ ok: true, value }), (error: unknown) => setOutcome({ ok: false, error }));
  }, [token]);
  return { token, outcome };
}

function reasonOf(error: unknown): 'used' | 'expired' | 'unknown' {
  const reason = error instanceof ApiError ? (error.body?.details as { reason?: string } | undefined)?.reason : undefined;
  return reason === 'used' || reason === 'expired' ? reason : 'unknown';
}

/** The confirmation link of the mail: confirms on arrival, or says clearly why not. */
export function ConfirmSubscriptionPage() {
  const { token, outcome } = useTokenAction(subscriptionsApi.confirm);
  return (
    <>
      <PageHeader title={m().confirmTitle} />
      {!token && <div class="notice notice--error" role="alert"><p>{m().missingToken}</p></div>}
      {token && !outcome && <p class="status" role="status">{m().confirming}</p>}
      {outcome?.ok && (
        <div class="notice notice--success" role="status"><p>{m().confirmed(topicText(outcome.value))}</p></div>
      )}
      {outcome && !outcome.ok && (
        <div class="notice notice--error" role="alert">
          <h2>{m().refusedTitle}</h2>
          <p>{m().refusals[reasonOf(outcome.error)]}</p>
          {reasonOf(outcome.error) !== 'used' && <p><a href="/subscriptions">{m().subscribeAgain}</a></p>}
        </div>
      )}
    </>
  );
}

/** The unsubscribe link of every mail: one click, no sign-in. */
export function UnsubscribePage() {
  const { token, outcome } = useTokenAction(subscriptionsApi.unsubscribe);
  return (
    <>
      <PageHeader title={m().unsubscribeTitle} />
      {!token && <div class="notice notice--error" role="alert"><p>{m().missingToken}</p></div>}
      {token && !outcome && <p class="status" role="status">{m().unsubscribing}</p>}
      {outcome?.ok && <div class="notice notice--success" role="status"><p>{m().unsubscribed}</p></div>}
      {outcome && !outcome.ok && (
        <div class="notice notice--error" role="alert">
          <h2>{m().refusedTitle}</h2>
          <p>{m().unsubscribeFailed}</p>
        </div>
      )}
    </>
  );
}
