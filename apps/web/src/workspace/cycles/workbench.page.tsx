import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, downloadFile } from '../../api/client';
import { newIdempotencyKey } from '../../api/pledge-api';
import { workbenchApi, type WorkbookImportResult } from '../../api/workbench-api';
import type { RouteProps } from '../../app/router';
import { DataView } from '../../components/data-view';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { SaveQueue } from './save-queue';
import { WorkbenchRowView } from './workbench-row';

interface Issue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  heading: string | null;
  message: string;
}

/** The focal point's whole cycle on one page: bulk "no change", inline drafts saved as you type, the offline workbook. */
export function WorkbenchPage({ params }: RouteProps) {
  const code = params.code;
  const [reload, setReload] = useState(0);
  const state = useData(() => workbenchApi.view(code), [code, reload]);
  const queue = useMemo(() => new SaveQueue(), [code]);
  const [queued, setQueued] = useState({ pending: 0, offline: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => queue.subscribe(setQueued), [queue]);

  const reconfirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await workbenchApi.noChange(code, [...selected], key);
      setNotice(t.workbench.noChangeDone(done.updates.length));
      setSelected(new Set());
      setKey(newIdempotencyKey());
      setReload((n) => n + 1);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <DataView state={state}>
      {(view) => {
        const open = view.cycle.status === 'open';
        const reconfirmable = view.rows.filter((r) => r.canReconfirm);
        const toggle = (id: string, on: boolean) =>
          setSelected((s) => {
            const next = new Set(s);
            if (on) next.add(id);
            else next.delete(id);
            return next;
          });
        return (
          <>
            <PageHeader
              title={t.workbench.title(view.cycle.code)}
              crumbs={[{ href: '/workspace', label: t.ws.nav.overview }]}
              lead={t.workbench.lead(view.organisationName, formatDate(view.cycle.deadline), view.cycle.daysLeft >= 0 ? view.cycle.daysLeft : null, view.cycle.daysLeft < 0 ? -view.cycle.daysLeft : null)}
            />
            <p class="muted">{t.workbench.counts(view.counts.total, view.counts.missing, view.counts.draft, view.counts.returned, view.counts.submitted, view.counts.validated)}</p>
            {!open && <p class="notice">{t.workbench.closed(t.cycles.statuses[view.cycle.status].toLowerCase())}</p>}
            {queued.offline && (
              <p class="notice notice--warning" role="alert">
                {t.workbench.offline} {t.workbench.queued(queued.pending)}
              </p>
            )}
            {notice && (
              <p class="notice notice--success" role="status">
                {notice}
              </p>
            )}
            {error && (
              <p class="notice notice--error" role="alert">
                {error}
              </p>
            )}
            {view.rows.length === 0 && <p class="muted">{t.workbench.none}</p>}
            {open && reconfirmable.length > 0 && (
              <div class="wb-toolbar">
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={reconfirmable.every((r) => selected.has(r.pledgeId))}
                    onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? new Set(reconfirmable.map((r) => r.pledgeId)) : new Set())}
                  />{' '}
                  {t.workbench.selectAll}
                </label>
                <button type="button" class="button" disabled={busy || selected.size === 0} onClick={reconfirm}>
                  {t.workbench.noChange(selected.size)}
                </button>
                <p class="muted small">{t.workbench.noChangeHint}</p>
              </div>
            )}
            <section aria-labelledby="wb-pledges">
              <h2 id="wb-pledges">{t.ws.nav.pledges}</h2>
              <ul class="wb-list">
                {view.rows.map((row) => (
                  <WorkbenchRowView
                    key={row.pledgeId}
                    row={row}
                    cycle={view.cycle}
                    today={view.today}
                    queue={queue}
                    selected={selected.has(row.pledgeId)}
                    onSelect={(on) => toggle(row.pledgeId, on)}
                  />
                ))}
              </ul>
            </section>
            <Workbook code={code} open={open} onImported={() => setReload((n) => n + 1)} />
          </>
        );
      }}
    </DataView>
  );
}

function Workbook({ code, open, onImported }: { code: string; open: boolean; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [submit, setSubmit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WorkbookImportResult | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    setIssues(null);
    setError(null);
    try {
      setResult(await workbenchApi.importWorkbook(code, file, submit));
      onImported();
    } catch (err) {
      const found = err instanceof ApiError ? ((err.body?.details as { issues?: Issue[] } | undefined)?.issues ?? null) : null;
      if (found) setIssues(found);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const annotated = async () => {
    if (!file) return;
    try {
      const blob = await workbenchApi.annotated(code, file);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `gcm-${code}-problems.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(describeError(err));
    }
  };

  return (
    <section aria-labelledby="wb-offline" class="panel">
      <h2 id="wb-offline">{t.workbench.workbookTitle}</h2>
      <p>{t.workbench.workbookLead}</p>
      <p>
        <button type="button" class="button button--secondary" onClick={() => downloadFile(`/api/v1/workspace/cycles/${code}/workbook.xlsx`, `gcm-${code}.xlsx`).catch((err) => setError(describeError(err)))}>
          {t.workbench.download}
        </button>
      </p>
      {open && (
        <form onSubmit={upload} class="stack">
          <label for="wb-file">{t.workbench.uploadLabel}</label>
          <input id="wb-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
          <label class="checkbox">
            <input type="checkbox" checked={submit} onChange={(e) => setSubmit((e.target as HTMLInputElement).checked)} /> {t.workbench.submitAfter}
          </label>
          <p>
            <button type="submit" class="button" disabled={busy || !file}>
              {t.workbench.upload}
            </button>
          </p>
        </form>
      )}
      {result && (
        <p class="notice notice--success" role="status">
          {result.replayed ? t.workbench.replayed : t.workbench.uploaded(result.created, result.updated, result.submitted)}
        </p>
      )}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {issues && (
        <div class="notice notice--error" role="alert">
          <p>{t.workbench.problems(issues.length)}</p>
          <ul class="wb-issues">
            {issues.map((i, n) => (
              <li key={n}>
                <strong>{t.workbench.problemAt(i.sheet, i.row, i.column)}</strong>
                {i.heading ? ` (${i.heading})` : ''}: {i.message}
              </li>
            ))}
          </ul>
          <button type="button" class="button button--secondary" onClick={annotated}>
            {t.workbench.annotated}
          </button>
        </div>
      )}
    </section>
  );
}
