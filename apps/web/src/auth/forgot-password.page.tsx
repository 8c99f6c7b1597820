import { useState } from 'preact/hooks';
import { authApi } from '../api/account-api';
import { PageHeader } from '../components/page-header';
import { ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ id: 'forgot', initial: { email: '' } });
  const submit = form.handle(async (v) => {
    await authApi.requestReset(v.email);
    setSentTo(v.email);
  });
  return (
    <>
      <PageHeader title={t.auth.forgotTitle} lead={sentTo ? undefined : t.auth.forgotLead} />
      {sentTo ? (
        <div class="notice notice--success" role="status">
          <p>{t.auth.forgotSent(sentTo)}</p>
          <p>
            <a href="/sign-in">{t.auth.backToSignIn}</a>
          </p>
        </div>
      ) : (
        <form class="form form--narrow" onSubmit={submit} noValidate>
          <ErrorSummary form={form} labels={{ email: t.auth.email }} />
          <TextField form={form} name="email" label={t.auth.email} type="email" autoComplete="email" required />
          <div class="form__actions">
            <SubmitButton form={form} label={t.auth.sendLink} />
            <a href="/sign-in">{t.auth.backToSignIn}</a>
          </div>
        </form>
      )}
    </>
  );
}
