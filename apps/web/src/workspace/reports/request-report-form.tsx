import { REPORT_KINDS, reportApi, type ReportKind } from '../../api/report-api';
import { CheckboxGroup, ErrorSummary, SelectField, SubmitButton } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import type { ReportScopes } from './report-scopes';

/** Kinds whose report may cover a span of cycles (libs/reports report-target.ts SPAN_KINDS). */
const SPAN_KINDS: ReportKind[] = ['imrf_summary', 'round_table'];

/**
 * Queues one report by hand (an identical one already queued is returned instead of a second).
 * Kind first; then what the report is about, picked from the catalogue, and the cycle(s) from the cycles list.
 */
export function RequestReportForm({ cycle, scopes, onRequested }: { cycle: string; scopes: ReportScopes; onRequested: () => void }) {
  const latest = scopes.cycles[0]?.value ?? '';
  const form = useForm({ id: 'request', initial: { kind: '', scope: '', cycle: cycle || latest, cycles: latest ? [latest] : [] as string[] } });
  const kind = form.values.kind as ReportKind | '';
  const span = kind !== '' && SPAN_KINDS.includes(kind);
  const submit = form.handle(async (v) => {
    const k = v.kind as ReportKind;
    const scope = k === 'imrf_summary' ? undefined : v.scope || undefined;
    await reportApi.request(span ? { kind: k, scope, cycles: [...v.cycles].sort() } : { kind: k, scope, cycle: v.cycle });
    onRequested();
  });
  const labels = { kind: t.reportRuns.kind, scope: t.reportRuns.scope, cycle: t.reportRuns.cycle, cycles: t.reportScopes.cycles };
  return (
    <form class="form panel" onSubmit={submit} noValidate aria-labelledby="request-title">
      <h2 id="request-title">{t.reportRuns.requestTitle}</h2>
      {scopes.cycles.length === 0 && <p class="muted">{t.reportScopes.noCycles}</p>}
      <ErrorSummary form={form} labels={labels} />
      <div class="grid-3">
        <SelectField form={form} name="kind" label={t.reportRuns.kind} placeholder={t.ws.common.choose} required
          options={REPORT_KINDS.map((k) => ({ value: k, label: t.reportRuns.kinds[k] }))} onChange={() => form.set('scope', '')} />
        {kind !== '' && kind !== 'imrf_summary' && (
          <SelectField form={form} name="scope" label={t.reportScopes.scopeFor[kind]} placeholder={t.ws.common.choose} required
            options={scopes.options[kind]} />
        )}
        {span ? (
          <CheckboxGroup form={form} name="cycles" label={t.reportScopes.cycles} hint={t.reportScopes.cyclesHint} options={scopes.cycles} required />
        ) : (
          <SelectField form={form} name="cycle" label={t.reportRuns.cycle} options={scopes.cycles} required />
        )}
      </div>
      <div class="form__actions">
        <SubmitButton form={form} label={t.reportRuns.request} />
      </div>
    </form>
  );
}
