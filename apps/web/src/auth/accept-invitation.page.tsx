import { useState } from 'preact/hooks';
import { authApi } from '../api/account-api';
import { ApiError } from '../api/client';
import { navigate } from '../app/router';
import { session } from '../app/session';
import { PageHeader } from '../components/page-header';
import { ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';
import { LinkProblem, PasswordFields } from './reset-password.page';
import { localInvalid, tokenFromHash } from './token-from-hash';

/** The e-mailed invitation link: choose a password (and the name to show), then straight into the workspace. */
export function AcceptInvitationPage() {
  const [token] = useState(tokenFromHash);
  const form = useForm({ id: 'invitation', initial: { name: '', password: '', confirm: '' } });
  const submit = form.handle(async (v) => {
    if (v.password !== v.confirm) throw localInvalid('confirm', t.auth.passwordsDiffer);
    try {
      const res = await authApi.acceptInvitation({ token: token ?? '', password: v.password, name: v.name.trim() || undefined });
      session.signedIn(res);
      navigate('/workspace', { replace: true });
    } catch (err) {
      throw err instanceof ApiError && err.code === 'unauthenticated' ? ApiError.local(401, 'unauthenticated', t.auth.invitationInvalid) : err;
    }
  });
  if (!token) return <LinkProblem title={t.auth.invitationTitle} />;
  return (
    <>
      <PageHeader title={t.auth.invitationTitle} lead={t.auth.invitationLead} />
      <form class="form form--narrow" onSubmit={submit} noValidate>
        <ErrorSummary form={form} labels={{ name: t.auth.yourName, password: t.auth.newPassword, confirm: t.auth.confirmPassword }} />
        <TextField form={form} name="name" label={t.auth.yourName} hint={t.auth.yourNameHint} autoComplete="name" />
        <PasswordFields form={form} />
        <div class="form__actions">
          <SubmitButton form={form} label={t.auth.acceptInvitation} />
        </div>
      </form>
    </>
  );
}
