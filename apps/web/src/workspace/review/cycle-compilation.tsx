import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';

const cycleReports = {
  view: (code: string) => ok(api.GET('/api/v1/cycles/{code}/reports', { cache: 'no-cache', params: { path: { code } } })),
  retryFailed: (code: string) => ok(api.POST('/api/v1/cycles/{code}/retry-failed-reports', { params: { path: { code } } })),
};

/**
 * How a closed cycle's compilation went: its reports by status and, when
 * some did not complete, which ones and why, with the one action that
 * queues them all again.
 */
export function CycleCompilation({ code, onChanged }: { code: string; onChanged: (message: string) => void }) {
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = useData(() => cycleReports.view(code), [code, reload]);
  const c = t.cycles.compilation;
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await cycleReports.retryFailed(code);
      setReload((n) => n + 1);
      onChanged(c.retried(res.retried || res.failed.length, code));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby={`compilation-${code}`}>
      <h2 id={`compilation-${code}`}>{c.title(code)}</h2>
      <DataView state={state}>
        {(r) => (
          <>
            <p>{c.progress(r.byStatus.completed ?? 0, r.total)}</p>
            {r.failed.length > 0 && (
              <>
                <h3>{c.failedTitle(r.failed.length)}</h3>
                <p class="muted">{c.failedLead}</p>
                <TableWrap label={c.failedTitle(r.failed.length)}>
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{c.report}</th>
                        <th scope="col">{t.reportRuns.status}</th>
                        <th scope="col">{c.error}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.failed.map((run) => (
                        <tr key={run.id}>
                          <th scope="row">
                            {t.reportRuns.kinds[run.kind]} {run.scope}
                          </th>
                          <td>
                            {t.reportRuns.statuses[run.status]}
                            {run.finishedAt && <span class="muted small block">{formatDateTime(run.finishedAt)}</span>}
                          </td>
                          <td>
                            {run.error ?? c.noError}
                            <span class="muted small block">
                              {run.failureKind ? `${c.kind[run.failureKind]} · ` : ''}
                              {c.attempts(run.attempts)}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
                {error && (
                  <p class="field__error" role="alert">
                    {error}
                  </p>
                )}
                <button type="button" class="button" disabled={busy} onClick={retry}>
                  {c.retryAll(r.failed.length)}
                </button>
              </>
            )}
          </>
        )}
      </DataView>
    </section>
  );
}
