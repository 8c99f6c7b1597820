import { useState } from 'preact/hooks';
import { ssoAdminApi } from '../api/account-api';
import type { components } from '../api/schema';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { TableWrap } from '../components/table-wrap';
import { useData } from '../components/use-data';
import { Checkbox, ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

type SsoProviderView = components['schemas']['SsoProviderView'];
const s = () => t.sso.admin;
const crumbs = () => [{ href: '/workspace/sso', label: s().nav }];
const labels = () => ({
  name: s().name, issuer: s().issuer, clientId: s().clientId, clientSecret: s().clientSecret, allowedDomains: s().domains,
});
const domainsOf = (text: string) => text.split(/[\s,;]+/).map((d) => d.trim()).filter(Boolean);
const callbackUrl = () => `${window.location.origin}/api/v1/auth/sso/callback`;

/** The secretariat's OpenID Connect providers. */
export function SsoProvidersPage() {
  const state = useData(() => ssoAdminApi.list(), []);
  return (
    <>
      <PageHeader title={s().title} lead={s().lead} />
      <p>
        <a class="button" href="/workspace/sso/new">{s().add}</a>
      </p>
      <DataView state={state}>
        {(providers) => providers.length === 0 ? <p>{s().none}</p> : (
          <TableWrap label={s().title}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{s().name}</th>
                  <th scope="col">{s().issuer}</th>
                  <th scope="col">{s().domains}</th>
                  <th scope="col">{s().enabled}</th>
                </tr>
              </thead>
              <tbody>
                {providers.map((p) => (
                  <tr key={p.id}>
                    <th scope="row"><a href={`/workspace/sso/${p.id}`}>{p.name}</a></th>
                    <td>{p.issuer}</td>
                    <td>{p.allowedDomains.length ? p.allowedDomains.join(', ') : s().anyDomain}</td>
                    <td>{s().state(p.enabled ? 1 : 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </DataView>
    </>
  );
}

export function NewSsoProviderPage() {
  const form = useForm({
    id: 'sso-new',
    initial: { name: '', issuer: '', clientId: '', clientSecret: '', allowedDomains: '', allowAccountCreation: false, enabled: true },
  });
  const submit = form.handle(async (v) => {
    const created = await ssoAdminApi.create({ ...v, allowedDomains: domainsOf(v.allowedDomains) });
    navigate(`/workspace/sso/${created.id}?saved=1`);
  });
  return (
    <>
      <PageHeader title={s().add} crumbs={crumbs()} />
      <p class="muted">{s().callback(callbackUrl())}</p>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary form={form} labels={labels()} />
        <ProviderFields form={form} secretHint={s().clientSecretHint} secretRequired />
        <div class="form__actions">
          <SubmitButton form={form} label={s().create} />
          <a href="/workspace/sso">{t.ws.common.cancel}</a>
        </div>
      </form>
    </>
  );
}

export function SsoProviderPage({ params, query }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState(query.get('saved') === '1');
  const state = useData(() => ssoAdminApi.get(params.id), [params.id, reload]);
  return (
    <DataView state={state}>
      {(p) => <ProviderForm key={p.version} provider={p} saved={saved} onSaved={() => { setSaved(true); setReload((n) => n + 1); }} />}
    </DataView>
  );
}

function ProviderForm({ provider, saved, onSaved }: { provider: SsoProviderView; saved: boolean; onSaved: () => void }) {
  const form = useForm({
    id: 'sso',
    initial: {
      name: provider.name, issuer: provider.issuer, clientId: provider.clientId, clientSecret: '',
      allowedDomains: provider.allowedDomains.join(', '), allowAccountCreation: provider.allowAccountCreation, enabled: provider.enabled,
    },
  });
  const submit = form.handle(async (v) => {
    const { clientSecret, allowedDomains, ...rest } = v;
    await ssoAdminApi.update(provider.id, {
      ...rest, allowedDomains: domainsOf(allowedDomains), ...(clientSecret ? { clientSecret } : {}), version: provider.version,
    });
    onSaved();
  });
  return (
    <>
      <PageHeader title={provider.name} crumbs={crumbs()} />
      {saved && <p class="notice notice--success" role="status">{t.ws.common.saved}</p>}
      <p class="muted">{s().callback(callbackUrl())}</p>
      <form class="form" onSubmit={submit} noValidate>
        <ErrorSummary form={form} labels={labels()} />
        <ProviderFields form={form} secretHint={s().clientSecretKeep} />
        <div class="form__actions">
          <SubmitButton form={form} label={t.ws.common.save} />
        </div>
      </form>
    </>
  );
}

function ProviderFields({ form, secretHint, secretRequired }: { form: Parameters<typeof TextField>[0]['form']; secretHint: string; secretRequired?: boolean }) {
  return (
    <>
      <TextField form={form} name="name" label={s().name} required />
      <TextField form={form} name="issuer" label={s().issuer} hint={s().issuerHint} type="url" required />
      <TextField form={form} name="clientId" label={s().clientId} autoComplete="off" required />
      <TextField form={form} name="clientSecret" label={s().clientSecret} hint={secretHint} type="password" autoComplete="new-password" required={secretRequired} />
      <TextField form={form} name="allowedDomains" label={s().domains} hint={s().domainsHint} />
      <Checkbox form={form} name="allowAccountCreation" label={s().allowCreation} />
      <Checkbox form={form} name="enabled" label={s().enabled} />
    </>
  );
}
