import { useState } from 'preact/hooks';
import { newIdempotencyKey, reportingApi } from '../../api/pledge-api';
import type { Cycle } from '../../api/models';
import { DataView } from '../../components/data-view';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { ErrorSummary, SubmitButton, TextField } from '../../forms/fields';
import { describeError, useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { TableWrap } from '../../components/table-wrap';

/** Reporting cycles: create (one, or a year's by the configured cadence), open, close — closing starts the report flow. */
export function CyclesPage() {
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useData(() => reportingApi.cycles(), [reload]);
  const changed = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  return (
    <>
      <PageHeader title={t.cycles.title} lead={t.cycles.lead} />
      {notice && (
        <p class="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <DataView state={state}>
        {(cycles) =>
          cycles.length === 0 ? (
            <p class="muted">{t.cycles.none}</p>
          ) : (
            <TableWrap label={t.cycles.title}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t.cycles.code}</th>
                    <th scope="col">{t.cycles.period}</th>
                    <th scope="col">{t.cycles.window}</th>
                    <th scope="col">{t.cycles.deadline}</th>
                    <th scope="col">{t.cycles.status}</th>
                    <th scope="col">{t.ws.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {cycles.map((c) => (
                    <CycleRow key={c.id} cycle={c} onChanged={changed} />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </DataView>
      <div class="grid-2 grid--top">
        <NewCycleForm onCreated={(c) => changed(t.cycles.created(c.code))} />
        <GenerateForm onDone={(year) => changed(t.cycles.generated(year))} />
      </div>
    </>
  );
}

function CycleRow({ cycle, onChanged }: { cycle: Cycle; onChanged: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
    <tr>
      <th scope="row" class="nowrap">{cycle.code}</th>
      <td>
        {formatDate(cycle.periodStart)} – {formatDate(cycle.periodEnd)}
      </td>
      <td>{t.cycles.opensOn(formatDate(cycle.windowOpens))}</td>
      <td>{formatDate(cycle.deadline)}</td>
      <td>
        <span class={`tag tag--cycle-${cycle.status}`}>{t.cycles.statuses[cycle.status]}</span>
        {cycle.closedAt && <span class="muted small block">{t.cycles.closedAt(formatDateTime(cycle.closedAt))}</span>}
      </td>
      <td>
        {error && (
          <p class="field__error" role="alert">
            {error}
          </p>
        )}
        {cycle.status === 'scheduled' && (
          <button type="button" class="button button--small" disabled={busy} onClick={() => run(() => reportingApi.openCycle(cycle.code, cycle.version), t.cycles.opened(cycle.code))}>
            {t.cycles.open}
            <span class="visually-hidden"> {cycle.code}</span>
          </button>
        )}
        {cycle.status === 'open' && !confirming && (
          <button type="button" class="button button--small button--danger" onClick={() => setConfirming(true)}>
            {t.cycles.close}
            <span class="visually-hidden"> {cycle.code}</span>
          </button>
        )}
        {confirming && (
          <div class="confirm" role="group" aria-label={t.cycles.closeConfirmLabel(cycle.code)}>
            <p>{t.cycles.closeConfirm(cycle.code)}</p>
            <button type="button" class="button button--small button--danger" disabled={busy} onClick={() => run(() => reportingApi.closeCycle(cycle.code, cycle.version), t.cycles.closed(cycle.code))}>
              {t.cycles.closeYes}
            </button>
            <button type="button" class="button button--small button--secondary" onClick={() => setConfirming(false)}>
              {t.ws.common.cancel}
            </button>
          </div>
        )}
        {(cycle.status === 'closed' || cycle.status === 'compiled') && <a href={`/workspace/reports?cycle=${cycle.code}`}>{t.cycles.reports(cycle.code)}</a>}
      </td>
    </tr>
  );
}

function NewCycleForm({ onCreated }: { onCreated: (c: Cycle) => void }) {
  const form = useForm({
    id: 'cycle',
    draftKey: 'cycle-new',
    initial: { code: '', periodStart: '', periodEnd: '', windowOpens: '', deadline: '', key: newIdempotencyKey() },
  });
  const submit = form.handle(async (v) => {
    const created = await reportingApi.createCycle(
      { code: v.code.trim(), periodStart: v.periodStart, periodEnd: v.periodEnd, windowOpens: v.windowOpens || undefined, deadline: v.deadline || undefined },
      v.key,
    );
    form.replace({ code: '', periodStart: '', periodEnd: '', windowOpens: '', deadline: '', key: newIdempotencyKey() });
    onCreated(created);
  });
  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="new-cycle">
      <h2 id="new-cycle">{t.cycles.newTitle}</h2>
      <ErrorSummary
        form={form}
        labels={{ code: t.cycles.code, periodStart: t.cycles.periodStart, periodEnd: t.cycles.periodEnd, windowOpens: t.cycles.windowOpens, deadline: t.cycles.deadline }}
      />
      <TextField form={form} name="code" label={t.cycles.code} hint={t.cycles.codeHint} required />
      <TextField form={form} name="periodStart" label={t.cycles.periodStart} type="date" required />
      <TextField form={form} name="periodEnd" label={t.cycles.periodEnd} type="date" required />
      <TextField form={form} name="windowOpens" label={t.cycles.windowOpens} hint={t.cycles.windowHint} type="date" />
      <TextField form={form} name="deadline" label={t.cycles.deadline} hint={t.cycles.deadlineHint} type="date" />
      <div class="form__actions">
        <SubmitButton form={form} label={t.cycles.create} />
      </div>
    </form>
  );
}

function GenerateForm({ onDone }: { onDone: (year: number) => void }) {
  const form = useForm({ id: 'generate', initial: { year: String(new Date().getUTCFullYear()) } });
  const submit = form.handle(async (v) => {
    await reportingApi.generate(Number(v.year));
    onDone(Number(v.year));
  });
  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="generate-cycles">
      <h2 id="generate-cycles">{t.cycles.generateTitle}</h2>
      <p class="muted">{t.cycles.generateLead}</p>
      <ErrorSummary form={form} labels={{ year: t.cycles.year }} />
      <TextField form={form} name="year" label={t.cycles.year} inputMode="numeric" required />
      <div class="form__actions">
        <SubmitButton form={form} label={t.cycles.generate} />
      </div>
    </form>
  );
}
