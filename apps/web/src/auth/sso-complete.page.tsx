import { useEffect, useState } from 'preact/hooks';
import { authApi } from '../api/account-api';
import { navigate } from '../app/router';
import { session } from '../app/session';
import { PageHeader } from '../components/page-header';
import { t } from '../i18n';

/**
 * Where the API's single sign-on callback lands: the refresh token is in the fragment (never sent to a server),
 * spent at once through the ordinary refresh, and the fragment dropped from history.
 */
export function SsoCompletePage() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('refreshToken');
    history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setFailed(true);
      return;
    }
    authApi.refresh(token).then(
      (res) => {
        session.signedIn(res);
        navigate('/workspace', { replace: true });
      },
      () => setFailed(true),
    );
  }, []);
  return (
    <>
      <PageHeader title={t.auth.signInTitle} />
      {failed ? (
        <p class="notice notice--error" role="alert">
          {t.sso.completeFailed} <a href="/sign-in">{t.auth.signIn}</a>
        </p>
      ) : (
        <p class="status" role="status">{t.sso.completing}</p>
      )}
    </>
  );
}
