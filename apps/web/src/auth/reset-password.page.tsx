import { useState } from 'preact/hooks';
import { authApi } from '../api/account-api';
import { PageHeader } from '../components/page-header';
import { ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';
import { localInvalid, tokenFromHash } from './token-from-hash';

export function ResetPasswordPage() {
  const [token] = useState(tokenFromHash);
  const [done, setDone] = useState(false);
  const form = useForm({ id: 'reset', initial: { password: '', confirm: '' } });
  const submit = form.handle(async (v) => {
    if (v.password !== v.confirm) throw localInvalid('confirm', t.auth.passwordsDiffer);
    await authApi.confirmReset({ token: token ?? '', password: v.password });
    setDone(true);
  });
  if (!token) return <LinkProblem title={t.auth.resetTitle} />;
  return (
    <>
      <PageHeader title={t.auth.resetTitle} lead={done ? undefined : t.auth.resetLead} />
      {done ? (
        <div class="notice notice--success" role="status">
          <p>{t.auth.resetDone}</p>
          <p>
            <a href="/sign-in">{t.auth.signIn}</a>
          </p>
        </div>
      ) : (
        <form class="form form--narrow" onSubmit={submit} noValidate>
          <ErrorSummary form={form} labels={{ password: t.auth.newPassword, confirm: t.auth.confirmPassword, token: t.auth.link }} />
          <PasswordFields form={form} />
          <div class="form__actions">
            <SubmitButton form={form} label={t.auth.setPassword} />
          </div>
        </form>
      )}
    </>
  );
}

export function PasswordFields({ form }: { form: Parameters<typeof TextField>[0]['form'] }) {
  return (
    <>
      <TextField form={form} name="password" label={t.auth.newPassword} hint={t.auth.passwordHint} type="password" autoComplete="new-password" required />
      <TextField form={form} name="confirm" label={t.auth.confirmPassword} type="password" autoComplete="new-password" required />
    </>
  );
}

export function LinkProblem({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div class="notice notice--error" role="alert">
        <p>{t.auth.linkIncomplete}</p>
      </div>
    </>
  );
}
