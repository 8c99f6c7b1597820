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
      <h2 id="request-title">{t.reportRuns.requestTitle}</h2>
      <ErrorSummary form={form} labels={{ kind: t.reportRuns.kind, scope: t.reportRuns.scope, cycle: t.reportRuns.cycle }} />
      <div class="grid-3">
        <SelectField form={form} name="kind" label={t.reportRuns.kind} options={REPORT_KINDS.map((k) => ({ value: k, label: t.reportRuns.kinds[k] }))} placeholder={t.ws.common.choose} required />
        <TextField form={form} name="scope" label={t.reportRuns.scope} hint={t.reportRuns.scopeHint} />
        <TextField form={form} name="cycle" label={t.reportRuns.cycle} hint="2026-H1" required />
      </div>
      <div class="form__actions">
        <SubmitButton form={form} label={t.reportRuns.request} />
      </div>
    </form>
  );
}
