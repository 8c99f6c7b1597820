import { useRef, useState } from 'preact/hooks';
import { extensionApi } from '../../api/links-api';
import { reportingApi } from '../../api/pledge-api';
import type { components } from '../../api/schema';
import { useSession } from '../../app/session';
import { DataView } from '../../components/data-view';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { TableWrap } from '../../components/table-wrap';
import { useData } from '../../components/use-data';
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

type Extension = components['schemas']['ExtensionView'];
const m = () => t.extensions;

/** A focal point's request for more time in one open cycle. */
function RequestForm({ onSent }: { onSent: () => void }) {
  const cycles = useData(() => reportingApi.cycles('open'), []);
  const form = useForm({ id: 'extension-request', initial: { cycle: '', reason: '', requestedDeadline: '' } });
  const submit = form.handle(async (v) => {
    await extensionApi.request(v.cycle, { reason: v.reason.trim(), requestedDeadline: v.requestedDeadline || undefined });
    form.replace({ cycle: '', reason: '', requestedDeadline: '' });
    onSent();
  });
  return (
    <section aria-labelledby="extension-request-title">
      <h2 id="extension-request-title">{m().requestTitle}</h2>
      <DataView state={cycles}>
        {(open) => open.length === 0 ? <p class="muted">{m().noOpenCycle}</p> : (
          <form class="form form--narrow" onSubmit={submit} noValidate>
            <ErrorSummary form={form} labels={{ cycle: m().cycle, reason: m().reason, requestedDeadline: m().requestedDeadline }} />
            <SelectField form={form} name="cycle" label={m().cycle} required placeholder={m().choose}
              options={open.map((c) => ({ value: c.code, label: `${c.code} (${formatDate(c.deadline)})` }))} />
            <TextArea form={form} name="reason" label={m().reason} hint={m().reasonHint} rows={4} required />
            <TextField form={form} name="requestedDeadline" label={m().requestedDeadline} type="date" />
            <div class="form__actions">
              <SubmitButton form={form} label={m().send} />
            </div>
          </form>
        )}
      </DataView>
    </section>
  );
}

/** The secretariat's decision on one request: grant with the new date, or decline with a reason. */
function DecideForm({ ext, onDecided }: { ext: Extension; onDecided: (outcome: 'granted' | 'declined') => void }) {
  const form = useForm({ id: `decide-${ext.id}`, initial: { deadline: ext.requestedDeadline ?? '', comment: '' } });
  const intent = useRef<'grant' | 'decline'>('grant');
  const submit = form.handle(async (v) => {
    if (intent.current === 'grant') await extensionApi.grant(ext.id, { deadline: v.deadline, comment: v.comment.trim() || undefined, version: ext.version });
    else await extensionApi.decline(ext.id, { comment: v.comment.trim(), version: ext.version });
    onDecided(intent.current === 'grant' ? 'granted' : 'declined');
  });
  return (
    <form class="form form--narrow" onSubmit={submit} noValidate aria-labelledby={`decide-${ext.id}-title`}>
      <ErrorSummary form={form} labels={{ deadline: m().newDeadline, comment: m().comment }} />
      <TextField form={form} name="deadline" label={m().newDeadline} type="date" />
      <TextArea form={form} name="comment" label={m().comment} hint={m().commentHint} rows={2} />
      <div class="form__actions">
        <SubmitButton form={form} label={m().grant} onClick={() => (intent.current = 'grant')} />
        <SubmitButton form={form} label={m().decline} secondary onClick={() => (intent.current = 'decline')} />
      </div>
    </form>
  );
}

/** Deadline extensions: a focal point asks and follows; the secretariat decides. */
export function ExtensionsPage() {
  const signedIn = useSession();
  const secretariat = signedIn?.user.role === 'secretariat';
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useData(() => extensionApi.list({ limit: 100 }), [reload]);
  const changed = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  return (
    <>
      <PageHeader title={m().title} lead={secretariat ? m().leadSecretariat : m().leadFocal} />
      {notice && <p class="notice notice--success" role="status">{notice}</p>}
      {!secretariat && <RequestForm onSent={() => changed(m().sent)} />}
      <DataView state={list}>
        {(page) => (
          <section aria-labelledby="extensions-list">
            <h2 id="extensions-list">{m().listTitle(page.total)}</h2>
            {page.items.length === 0 ? <p class="muted">{m().none}</p> : (
              <TableWrap label={m().listTitle(page.total)}>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{m().cycle}</th>
                      <th scope="col">{m().organisation}</th>
                      <th scope="col">{m().state}</th>
                      <th scope="col">{m().reason}</th>
                      <th scope="col">{m().cycleDeadline}</th>
                      <th scope="col">{m().newDeadline}</th>
                      <th scope="col">{m().requestedOn}</th>
                      <th scope="col">{m().decision}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr key={e.id}>
                        <td class="nowrap">{e.cycle}</td>
                        <th scope="row">{e.organisation}</th>
                        <td>{m().statuses[e.status]}</td>
                        <td>{e.reason}</td>
                        <td class="nowrap">{formatDate(e.cycleDeadline)}</td>
                        <td class="nowrap">{formatDate(e.deadline ?? e.requestedDeadline)}</td>
                        <td>{formatDateTime(e.requestedAt)}</td>
                        <td>{e.decisionComment ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {secretariat && page.items.filter((e) => e.status === 'requested' && e.cycleStatus === 'open').map((e) => (
              <section key={e.id} aria-labelledby={`decide-${e.id}-title`}>
                <h3 id={`decide-${e.id}-title`}>{m().decide(e.organisation, e.cycle)}</h3>
                <p>{e.reason}</p>
                <DecideForm ext={e} onDecided={(outcome) => changed(m().decided(e.organisation, e.cycle, m().statuses[outcome]))} />
              </section>
            ))}
          </section>
        )}
      </DataView>
    </>
  );
}
