import { navigate, type RouteProps } from '../app/router';
import { PageHeader } from '../components/page-header';
import { t } from '../i18n';
import { SignInForm } from './sign-in-form';
import { SsoOptions, SsoRefusal } from './sso-options';

/** Only same-site workspace paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && /^\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith('//') ? next : '/workspace';
}

export function SignInPage({ query }: RouteProps) {
  return (
    <>
      <PageHeader title={t.auth.signInTitle} lead={t.auth.signInLead} />
      <SsoRefusal code={query.get('sso_error')} />
      <SignInForm id="sign-in" onSignedIn={() => navigate(safeNext(query.get('next')), { replace: true })} />
      <SsoOptions />
    </>
  );
}

/** A workspace page opened without a session: sign in right here, then the page appears. */
export function SignInPanel() {
  return (
    <>
      <PageHeader title={t.common.signInTitle} lead={t.common.signInText} />
      <SignInForm id="sign-in" onSignedIn={() => undefined} />
    </>
  );
}
