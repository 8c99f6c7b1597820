import { useState } from 'preact/hooks';
import { query as toQuery } from '../../api/client';
import { REPORT_KINDS, RUN_STATUSES, reportApi, type ReportRun, type RunFilter } from '../../api/report-api';
import { navigate, type RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { combine, useData } from '../../components/use-data';
import { useLive } from '../../components/use-live';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { formParams } from '../url';
import { loadReportScopes } from './report-scopes';
import { RequestReportForm } from './request-report-form';
import { VersionsToPublish } from './versions-to-publish';
import { TableWrap } from '../../components/table-wrap';

const active = (r: ReportRun) => r.status === 'queued' || r.status === 'running';

/** Report runs with live status (polled while any is queued or running), retry and cancel; versions to publish. */
export function ReportRunsPage({ query }: RouteProps) {
  const filter = { cycle: query.get('cycle') ?? '', status: query.get('status') ?? '', kind: query.get('kind') ?? '' };
  const [versionsTick, setVersionsTick] = useState(0);
  const runs = useLive(
    () => reportApi.runs({ cycle: filter.cycle || undefined, status: (filter.status || undefined) as RunFilter['status'], kind: (filter.kind || undefined) as RunFilter['kind'] }),
    [filter.cycle, filter.status, filter.kind],
    2000,
    (page) => page.items.some(active),
  );
  const scopes = useData(loadReportScopes, []);
  return (
    <>
      <PageHeader title={t.reportRuns.title} lead={t.reportRuns.lead} />
      <p class="form__actions">
        <a href="/workspace/queues">{t.reportRuns.monitorLink}</a>
        <a href="/reports">{t.reportRuns.publicLink}</a>
      </p>
      <form
        class="filters"
        role="search"
        aria-label={t.reportRuns.filters}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/workspace/reports${toQuery(formParams(e.currentTarget))}`);
        }}
      >
        <label>
          <span>{t.reportRuns.cycle}</span>
          {/* Mounted once the cycles are known, so its default can be one of them. */}
          <select class="input" name="cycle" defaultValue={filter.cycle} key={scopes.status}>
            <option value="">{t.reportRuns.anyCycle}</option>
            {filter.cycle && scopes.status !== 'ready' && <option value={filter.cycle}>{filter.cycle}</option>}
            {scopes.status === 'ready' && scopes.data.cycles.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
        <label>
          <span>{t.reportRuns.status}</span>
          <select class="input" name="status" defaultValue={filter.status}>
            <option value="">{t.reportRuns.anyStatus}</option>
            {RUN_STATUSES.map((s) => <option key={s} value={s}>{t.reportRuns.statuses[s]}</option>)}
          </select>
        </label>
        <label>
          <span>{t.reportRuns.kind}</span>
          <select class="input" name="kind" defaultValue={filter.kind}>
            <option value="">{t.reportRuns.anyKind}</option>
            {REPORT_KINDS.map((k) => <option key={k} value={k}>{t.reportRuns.kinds[k]}</option>)}
          </select>
        </label>
        <button class="button button--secondary" type="submit">
          {t.ws.common.apply}
        </button>
      </form>
      <DataView state={combine(runs, scopes)}>
        {([page, names]) => (
          <section aria-labelledby="runs-title">
            <h2 id="runs-title">{t.reportRuns.runsTitle}</h2>
            <RunSummary runs={page.items} total={page.total} />
            {page.items.length === 0 ? (
              <p class="muted">{t.reportRuns.noRuns}</p>
            ) : (
              <TableWrap label={t.reportRuns.runsTitle}>
                <table class="table table--compact runs">
                  <thead>
                    <tr>
                      <th scope="col">{t.reportRuns.report}</th>
                      <th scope="col">{t.reportRuns.cycle}</th>
                      <th scope="col">{t.reportRuns.status}</th>
                      <th scope="col">{t.reportRuns.attempts}</th>
                      <th scope="col">{t.reportRuns.version}</th>
                      <th scope="col">{t.ws.common.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <RunRow key={r.id} run={r} label={names.label(r.kind, r.scope)} onChanged={() => { runs.refresh(); setVersionsTick((n) => n + 1); }} />
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        )}
      </DataView>
      <VersionsToPublish cycle={filter.cycle} tick={versionsTick + (runs.status === 'ready' ? runs.data.items.filter((r) => r.status === 'completed').length : 0)} />
      <DataView state={scopes}>{(s) => <RequestReportForm cycle={filter.cycle} scopes={s} onRequested={() => runs.refresh()} />}</DataView>
    </>
  );
}

function RunSummary({ runs, total }: { runs: ReportRun[]; total: number }) {
  const counts = RUN_STATUSES.map((s) => [s, runs.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <p class="run-summary" role="status" aria-live="polite">
      {t.reportRuns.summary(total, counts.map(([s, n]) => `${n} ${t.reportRuns.statuses[s].toLowerCase()}`).join(', '))}
      {runs.some(active) && <span class="muted"> {t.reportRuns.live}</span>}
    </p>
  );
}

function RunRow({ run, label, onChanged }: { run: ReportRun; label: string; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-run-status={run.status}>
      <th scope="row">{label}</th>
      <td class="nowrap">{run.cycles.join(' + ')}</td>
      <td>
        <span class={`tag tag--run-${run.status}`}>{t.reportRuns.statuses[run.status]}</span>
        {run.status === 'running' && (
          <progress class="run-progress" max={100} value={run.progress} aria-label={t.reportRuns.progressOf(label)}>
            {run.progress}%
          </progress>
        )}
        {run.error && <span class="field__error small block">{run.error}</span>}
        <span class="muted small block">{formatDateTime(run.finishedAt ?? run.startedAt ?? run.createdAt)}</span>
      </td>
      <td class="num">{run.attempts}</td>
      <td>{run.versionNumber ? t.reportRuns.versionN(run.versionNumber) : '—'}</td>
      <td>
        {error && (
          <span class="field__error small block" role="alert">
            {error}
          </span>
        )}
        {(run.status === 'failed' || run.status === 'cancelled') && (
          <button type="button" class="button button--small" disabled={busy} onClick={() => act(() => reportApi.retry(run.id))}>
            {t.reportRuns.retry}
            <span class="visually-hidden"> {label}</span>
          </button>
        )}
        {(run.status === 'queued' || run.status === 'running') && (
          <button type="button" class="button button--small button--secondary" disabled={busy} onClick={() => act(() => reportApi.cancel(run.id))}>
            {t.reportRuns.cancel}
            <span class="visually-hidden"> {label}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
