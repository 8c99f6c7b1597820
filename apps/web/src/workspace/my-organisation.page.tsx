import { useState } from 'preact/hooks';
import { accountApi } from '../api/account-api';
import { pledgeApi } from '../api/pledge-api';
import { formatDateTime } from '../components/format';
import { ImplementationTag, PledgeStatusTag } from './pledges/pledge-status';
import type { OrganisationView } from '../api/models';
import { DataView } from '../components/data-view';
import { PageHeader } from '../components/page-header';
import { useData } from '../components/use-data';
import { DraftNotice, ErrorSummary, SubmitButton, TextField } from '../forms/fields';
import { useForm } from '../forms/use-form';
import { t } from '../i18n';

/** A focal point's own organisation: keep its private contact and website current. */
export function MyOrganisationPage() {
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState(false);
  const state = useData(() => accountApi.myOrganisation(), [reload]);
  return (
    <DataView state={state}>
      {(org) => (
        <>
          <PageHeader title={org.name} kicker={t.orgKinds[org.kind]} lead={t.ws.myOrg.lead} />
          {saved && (
            <p class="notice notice--success" role="status">
              {t.ws.common.saved}
            </p>
          )}
          <h2>{t.ws.myOrg.contactTitle}</h2>
          <ContactForm
            key={org.version}
            org={org}
            onSaved={() => {
              setSaved(true);
              setReload((n) => n + 1);
            }}
          />
          <History />
        </>
      )}
    </DataView>
  );
}

/** Every pledge the organisation made, in every state: its history on the platform, each with its own timeline. */
function History() {
  const state = useData(() => pledgeApi.mine(), []);
  return (
    <section aria-labelledby="org-history">
      <h2 id="org-history">{t.ws.myOrg.historyTitle}</h2>
      <DataView state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">{t.pledgeEdit.none}</p>
          ) : (
            <ol class="timeline">
              {page.items.map((p) => (
                <li key={p.id}>
                  <p>
                    <a href={`/workspace/pledges/${p.id}`}>
                      {p.reference}: {p.title}
                    </a>{' '}
                    <PledgeStatusTag status={p.status} />
                    {p.publishedVersion && <ImplementationTag status={p.implementationStatus} />}
                  </p>
                  <p class="muted small">{t.ws.myOrg.lastChange(formatDateTime(p.updatedAt))}</p>
                </li>
              ))}
            </ol>
          )
        }
      </DataView>
    </section>
  );
}

function ContactForm({ org, onSaved }: { org: OrganisationView; onSaved: () => void }) {
  const form = useForm({
    id: 'my-org',
    draftKey: `my-org:v${org.version}`,
    initial: { contactEmail: org.contactEmail ?? '', website: org.website ?? '' },
  });
  const submit = form.handle(async (v) => {
    await accountApi.updateMyOrganisation({
      contactEmail: v.contactEmail.trim() || null, website: v.website.trim() || null, version: org.version,
    });
    onSaved();
  });
  return (
    <form class="form" onSubmit={submit} noValidate>
      <DraftNotice form={form} />
      <ErrorSummary form={form} labels={{ contactEmail: t.ws.orgs.contact, website: t.ws.orgs.website }} />
      <TextField form={form} name="contactEmail" label={t.ws.orgs.contact} hint={t.ws.orgs.contactHint} type="email" />
      <TextField form={form} name="website" label={t.ws.orgs.website} hint={t.ws.orgs.websiteHint} type="url" />
      <div class="form__actions">
        <SubmitButton form={form} label={t.ws.common.save} />
      </div>
    </form>
  );
}
