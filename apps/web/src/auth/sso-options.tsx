import { authApi } from '../api/account-api';
import { useData } from '../components/use-data';
import { t } from '../i18n';
import type { SsoRefusalCode } from './sso';

/** The enabled providers as plain links to the API, which sends the browser on to the provider (and back). */
export function SsoOptions() {
  const state = useData(() => authApi.ssoProviders(), []);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <section class="sso" aria-labelledby="sso-title">
      <h2 id="sso-title" class="sso__title">{t.sso.or}</h2>
      <ul class="sso__list">
        {state.data.map((p) => (
          <li key={p.id}>
            <a class="button button--secondary" href={p.signInUrl}>{t.sso.signInWith(p.name)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The API's callback sends a refused sign-in here with its reason; an unknown code says nothing rather than something wrong. */
export function SsoRefusal({ code }: { code: string | null }) {
  const message = code ? (t.sso.refusals as Record<string, string>)[code as SsoRefusalCode] : undefined;
  if (!message) return null;
  return (
    <div class="notice notice--error" role="alert">
      <p><strong>{t.sso.refusedTitle}</strong></p>
      <p>{message}</p>
    </div>
  );
}
