import { REPORT_KINDS, reportApi } from '../../api/report-api';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

/** Queues one report by hand (an identical one already queued is returned instead of a second). */
export function RequestReportForm({ cycle, onRequested }: { cycle: string; onRequested: () => void }) {
  const form = useForm({ id: 'request', initial: { kind: '', scope: '', cycle } });
  const submit = form.handle(async (v) => {
    await reportApi.request({ kind: v.kind as (typeof REPORT_KINDS)[number], scope: v.scope.trim() || undefined, cycle: v.cycle.trim() });
    onRequested();
  });
  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="request-title">
      <h2 id="request-title">{t.reports.requestTitle}</h2>
      <ErrorSummary form={form} labels={{ kind: t.reports.kind, scope: t.reports.scope, cycle: t.reports.cycle }} />
      <div class="grid-3">
        <SelectField form={form} name="kind" label={t.reports.kind} options={REPORT_KINDS.map((k) => ({ value: k, label: t.reports.kinds[k] }))} placeholder={t.ws.common.choose} required />
        <TextField form={form} name="scope" label={t.reports.scope} hint={t.reports.scopeHint} />
        <TextField form={form} name="cycle" label={t.reports.cycle} hint="2026-H1" required />
      </div>
      <div class="form__actions">
        <SubmitButton form={form} label={t.reports.request} />
      </div>
    </form>
  );
}
