import { useState } from 'preact/hooks';
import { reportApi } from '../../api/report-api';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';

/**
 * The queue monitor (Bull Board) is a page of the API: its own session cookie
 * is set first (the access token never goes into a URL), then the browser goes there.
 */
export function QueueMonitorPage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      await reportApi.openMonitor();
      window.location.assign('/api/v1/admin/queues');
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={t.reportRuns.monitorTitle} lead={t.reportRuns.monitorLead} />
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button" disabled={busy} onClick={open}>
        {t.reportRuns.openMonitor}
      </button>
    </>
  );
}
