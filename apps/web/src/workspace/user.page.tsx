import { useState } from 'preact/hooks';
import { accountApi } from '../api/account-api';
import type { UserView } from '../api/models';
import type { RouteProps } from '../app/router';
import { useSession, type Role } from '../app/session';
import { DataView } from '../components/data-view';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/page-header';
import { combine, useData } from '../components/use-data';
import { DraftNotice, ErrorSummary, RadioGroup, SelectField, SubmitButton, TextField, type Option } from '../forms/fields';
import { describeError, useForm } from '../forms/use-form';
import { t } from '../i18n';
import { organisationOptions } from './organisation-options';
import { ROLES, StatusTag } from './users.page';

const crumbs = [{ href: '/workspace/users', label: t.ws.nav.users }];

/** One user: change name, role or organisation; deactivate (sessions end at once) or reactivate. */
export function UserPage({ params }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = combine(useData(() => accountApi.user(params.id), [params.id, reload]), useData(organisationOptions, []));
  const changed = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  return (
    <DataView state={state}>
      {([user, orgs]) => (
        <>
          <PageHeader title={user.name} kicker={t.roles[user.role ?? 'none']} crumbs={crumbs} />
          {notice && (
            <p class="notice notice--success" role="status">
              {notice}
            </p>
          )}
          <dl class="facts">
            <div>
              <dt>{t.ws.users.email}</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>{t.ws.users.status}</dt>
              <dd>
              <StatusTag status={user.status} />
            </dd>
            </div>
            <div>
              <dt>{t.ws.users.organisation}</dt>
              <dd>{user.organisation?.name ?? '—'}</dd>
            </div>
            <div>
              <dt>{t.ws.users.lastSignIn}</dt>
              <dd>{formatDateTime(user.lastSignInAt)}</dd>
            </div>
            <div>
              <dt>{t.ws.users.created}</dt>
              <dd>{formatDateTime(user.createdAt)}</dd>
            </div>
          </dl>
          <h2>{t.ws.users.editTitle}</h2>
          <UserForm key={user.version} user={user} orgs={orgs} onSaved={() => changed(t.ws.common.saved)} />
          <AccessActions user={user} onChanged={changed} />
          <p>
            <a href={`/workspace/audit?entityType=user&entityId=${user.id}`}>{t.ws.users.history}</a>
          </p>
        </>
      )}
    </DataView>
  );
}

function UserForm({ user, orgs, onSaved }: { user: UserView; orgs: Option[]; onSaved: () => void }) {
  const form = useForm({
    id: 'user',
    draftKey: `user:${user.id}:v${user.version}`,
    initial: { name: user.name, role: user.role as Role, organisationId: user.organisationId ?? '' },
  });
  const submit = form.handle(async (v) => {
    await accountApi.updateUser(user.id, { name: v.name, role: v.role, organisationId: v.organisationId || null, version: user.version });
    onSaved();
  });
  return (
    <form class="form" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary form={form} labels={{ name: t.ws.users.name, role: t.ws.users.role, organisationId: t.ws.users.organisation }} />
      <TextField form={form} name="name" label={t.ws.users.name} required />
      <RadioGroup form={form} name="role" label={t.ws.users.role} options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
      <SelectField form={form} name="organisationId" label={t.ws.users.organisation} options={orgs} placeholder={t.ws.users.noOrganisation} />
      <div class="form__actions">
        <SubmitButton form={form} label={t.ws.common.save} />
      </div>
    </form>
  );
}

function AccessActions({ user, onChanged }: { user: UserView; onChanged: (message: string) => void }) {
  const me = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  if (me?.user.id === user.id) return null;
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
      onChanged(message);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="access-title" class="danger-zone">
      <h2 id="access-title">{t.ws.users.accessTitle}</h2>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {user.status === 'deactivated' ? (
        <button type="button" class="button" disabled={busy} onClick={() => run(() => accountApi.updateUser(user.id, { active: true, version: user.version }), t.ws.users.reactivated)}>
          {t.ws.users.reactivate}
        </button>
      ) : confirming ? (
        <div class="confirm" role="group" aria-label={t.ws.users.deactivate}>
          <p>{t.ws.users.deactivateConfirm(user.name)}</p>
          <button type="button" class="button button--danger" disabled={busy} onClick={() => run(() => accountApi.deactivate(user.id), t.ws.users.deactivated)}>
            {t.ws.users.deactivateYes}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
            {t.ws.common.cancel}
          </button>
        </div>
      ) : (
        <>
          <p class="muted">{t.ws.users.deactivateHint}</p>
          <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>
            {t.ws.users.deactivate}
          </button>
        </>
      )}
      {user.status === 'invited' && (
        <p>
          <a href={`/workspace/users/invite?organisationId=${user.organisationId ?? ''}`}>{t.ws.users.reinviteHint}</a>
        </p>
      )}
    </section>
  );
}
