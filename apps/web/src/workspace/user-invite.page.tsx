import { useState } from 'preact/hooks';
import { accountApi } from '../api/account-api';
import type { InvitationView } from '../api/models';
import type { RouteProps } from '../app/router';
import type { Role } from '../app/session';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { DraftNotice, ErrorSummary, RadioGroup, SelectField, SubmitButton, TextField, type Option } from '../forms/fields';
import { clearDraft, useForm } from '../forms/use-form';
import { t } from '../i18n';
import { organisationOptions } from './organisation-options';
import { ROLES } from './users.page';

const crumbs = [{ href: '/workspace/users', label: t.ws.nav.users }];

/** Invite someone by e-mail; the secretariat also sees the link, to pass on when no mail server is configured. */
export function InviteUserPage({ query }: RouteProps) {
  const [sent, setSent] = useState<InvitationView | null>(null);
  const orgs = useData(organisationOptions, []);
  return (
    <>
      <PageHeader title={t.ws.users.inviteTitle} lead={t.ws.users.inviteLead} crumbs={crumbs} />
      {sent ? (
        <InvitationSent sent={sent} onAnother={() => setSent(null)} />
      ) : (
        <DataView state={orgs}>{(options) => <InviteForm options={options} organisationId={query.get('organisationId') ?? ''} onSent={setSent} />}</DataView>
      )}
    </>
  );
}

function InviteForm({ options, organisationId, onSent }: { options: Option[]; organisationId: string; onSent: (v: InvitationView) => void }) {
  const form = useForm({
    id: 'invite',
    draftKey: 'invite',
    initial: { email: '', name: '', role: 'focal_point' as Role, organisationId },
  });
  const submit = form.handle(async (v) => {
    const sent = await accountApi.invite({ email: v.email, name: v.name, role: v.role, organisationId: v.organisationId || undefined });
    clearDraft('invite');
    onSent(sent);
  });
  const needsOrg = form.values.role === 'focal_point';
  return (
    <form class="form" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary
        form={form}
        labels={{ email: t.ws.users.email, name: t.ws.users.name, role: t.ws.users.role, organisationId: t.ws.users.organisation }}
      />
      <TextField form={form} name="name" label={t.ws.users.name} autoComplete="off" required />
      <TextField form={form} name="email" label={t.ws.users.email} type="email" autoComplete="off" required />
      <RadioGroup form={form} name="role" label={t.ws.users.role} options={ROLES.map((r) => ({ value: r, label: t.roles[r] }))} />
      <SelectField
        form={form}
        name="organisationId"
        label={t.ws.users.organisation}
        hint={needsOrg ? t.ws.users.organisationFocalHint : t.ws.users.organisationOtherHint}
        options={options}
        placeholder={t.ws.common.choose}
        required={needsOrg}
      />
      <div class="form__actions">
        <SubmitButton form={form} label={t.ws.users.sendInvitation} busyLabel={t.ws.users.sending} />
        <a href="/workspace/users">{t.ws.common.cancel}</a>
      </div>
    </form>
  );
}

function InvitationSent({ sent, onAnother }: { sent: InvitationView; onAnother: () => void }) {
  return (
    <div class="notice notice--success" role="status">
      <h2>{t.ws.users.invitedTitle(sent.user.name)}</h2>
      <p>{sent.mailSent ? t.ws.users.mailSent(sent.user.email) : t.ws.users.mailNotSent}</p>
      <div class="field">
        <label class="field__label" for="invite-url">
          {t.ws.users.inviteLink}
        </label>
        <p class="field__hint" id="invite-url-hint">
          {t.ws.users.inviteLinkHint}
        </p>
        <input
          id="invite-url"
          class="input"
          readOnly
          value={sent.inviteUrl}
          aria-describedby="invite-url-hint"
          onFocus={(e) => e.currentTarget.select()}
          data-invite-url
        />
      </div>
      <div class="form__actions">
        <a class="button" href={`/workspace/users/${sent.user.id}`}>
          {t.ws.users.openUser}
        </a>
        <button type="button" class="button button--secondary" onClick={onAnother}>
          {t.ws.users.inviteAnother}
        </button>
      </div>
    </div>
  );
}
