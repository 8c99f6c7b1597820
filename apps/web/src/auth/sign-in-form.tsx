import { authApi } from '../api/account-api';
import type { TokenResponse } from '../api/client';
import { session } from '../app/session';
import { ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

/** E-mail and password; used by the sign-in page, on a workspace page opened signed out, and in the sign-in dialog. */
export function SignInForm(props: { id: string; email?: string; onSignedIn: (res: TokenResponse) => void; autoFocus?: boolean }) {
  const form = useForm({ id: props.id, initial: { email: props.email ?? '', password: '' } });
  const submit = form.handle(async (v) => {
    const res = await authApi.signIn(v);
    session.signedIn(res);
    props.onSignedIn(res);
  });
  return (
    <form class="form form--narrow" onSubmit={submit} noValidate aria-label={t.auth.signInTitle}>
      <ErrorSummary form={form} labels={{ email: t.auth.email, password: t.auth.password }} />
      <TextField form={form} name="email" label={t.auth.email} type="email" autoComplete="username" required autoFocus={props.autoFocus} />
      <TextField form={form} name="password" label={t.auth.password} type="password" autoComplete="current-password" required />
      <div class="form__actions">
        <SubmitButton form={form} label={t.auth.signIn} busyLabel={t.auth.signingIn} />
        <a href="/forgot-password">{t.auth.forgotLink}</a>
      </div>
    </form>
  );
}
