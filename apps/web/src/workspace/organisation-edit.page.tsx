import { useState } from 'preact/hooks';
import { accountApi } from '../api/account-api';
import { ORGANISATION_KINDS, type OrganisationView } from '../api/models';
import { navigate, type RouteProps } from '../app/router';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { DraftNotice, ErrorSummary, SelectField, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

const STAKEHOLDER_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'state');
const kindOptions = STAKEHOLDER_KINDS.map((k) => ({ value: k, label: t.orgKinds[k] }));
const crumbs = [{ href: '/workspace/organisations', label: t.ws.nav.organisations }];
const labels = () => ({ name: t.ws.orgs.name, kind: t.ws.orgs.kind, contactEmail: t.ws.orgs.contact, website: t.ws.orgs.website });

/** Empty text means "none": the API takes null to clear a contact or website. */
type CreateOrganisationKind = Parameters<typeof accountApi.createOrganisation>[0]['kind'];

const orNull = (v: string) => (v.trim() ? v.trim() : null);

export function NewOrganisationPage() {
  const form = useForm({ id: 'org-new', draftKey: 'org-new', initial: { kind: '', name: '', contactEmail: '', website: '' } });
  const submit = form.handle(async (v) => {
    const created = await accountApi.createOrganisation({
      kind: v.kind as CreateOrganisationKind, name: v.name, contactEmail: v.contactEmail.trim() || undefined, website: v.website.trim() || undefined,
    });
    navigate(`/workspace/organisations/${created.id}?saved=1`);
  });
  return (
    <>
      <PageHeader title={t.ws.orgs.addTitle} lead={t.ws.orgs.addLead} crumbs={crumbs} />
      <form class="form" onSubmit={submit} noValidate>
        <DraftNotice form={form} />
        <ErrorSummary form={form} labels={labels()} />
        <TextField form={form} name="name" label={t.ws.orgs.name} required />
        <SelectField form={form} name="kind" label={t.ws.orgs.kind} options={kindOptions} placeholder={t.ws.common.choose} required />
        <TextField form={form} name="contactEmail" label={t.ws.orgs.contact} hint={t.ws.orgs.contactHint} type="email" />
        <TextField form={form} name="website" label={t.ws.orgs.website} hint={t.ws.orgs.websiteHint} type="url" />
        <div class="form__actions">
          <SubmitButton form={form} label={t.ws.orgs.create} />
          <a href="/workspace/organisations">{t.ws.common.cancel}</a>
        </div>
      </form>
    </>
  );
}

export function OrganisationEditPage({ params, query }: RouteProps) {
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState(query.get('saved') === '1');
  const state = useData(() => accountApi.organisation(params.id), [params.id, reload]);
  const onSaved = () => {
    setSaved(true);
    setReload((n) => n + 1);
  };
  return (
    <DataView state={state}>
      {(org) => <OrganisationForm key={org.version} org={org} saved={saved} onSaved={onSaved} />}
    </DataView>
  );
}

function OrganisationForm({ org, saved, onSaved }: { org: OrganisationView; saved: boolean; onSaved: () => void }) {
  const isState = org.kind === 'state';
  const form = useForm({
    id: 'org',
    draftKey: `org:${org.id}:v${org.version}`,
    initial: { name: org.name, kind: org.kind as string, contactEmail: org.contactEmail ?? '', website: org.website ?? '' },
  });
  const submit = form.handle(async (v) => {
    const body: Record<string, unknown> = { contactEmail: orNull(v.contactEmail), website: orNull(v.website), version: org.version };
    if (!isState) Object.assign(body, { name: v.name, kind: v.kind });
    await accountApi.updateOrganisation(org.id, body);
    onSaved();
  });
  return (
    <>
      <PageHeader title={org.name} kicker={t.orgKinds[org.kind]} crumbs={crumbs} />
      <p><a href={`/workspace/organisations/${org.id}/team`}>{t.team.nav}</a></p>
      {saved && (
        <p class="notice notice--success" role="status">
          {t.ws.common.saved}
        </p>
      )}
      <p>
        <a href={`/workspace/users?organisationId=${org.id}`}>{t.ws.orgs.peopleOf(org.name)}</a>
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <DraftNotice form={form} />
        <ErrorSummary form={form} labels={labels()} />
        {isState ? (
          <p class="muted">{t.ws.orgs.stateNote}</p>
        ) : (
          <>
            <TextField form={form} name="name" label={t.ws.orgs.name} required />
            <SelectField form={form} name="kind" label={t.ws.orgs.kind} options={kindOptions} required />
          </>
        )}
        <TextField form={form} name="contactEmail" label={t.ws.orgs.contact} hint={t.ws.orgs.contactHint} type="email" />
        <TextField form={form} name="website" label={t.ws.orgs.website} hint={t.ws.orgs.websiteHint} type="url" />
        <div class="form__actions">
          <SubmitButton form={form} label={t.ws.common.save} />
        </div>
      </form>
    </>
  );
}
