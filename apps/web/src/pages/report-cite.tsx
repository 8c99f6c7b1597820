import { useState } from 'preact/hooks';
import { dashboardApi } from '../api/dashboard-api';
import { formatDateTime } from '../components/format';
import { t } from '../i18n';

type Citation = Awaited<ReturnType<typeof dashboardApi.cite>>;

/** "Cite this" of one published edition, fetched when opened: the sentence, the permanent link, BibTeX and CSL-JSON. */
export function ReportCite({ versionId, title }: { versionId: string; title: string }) {
  const [cite, setCite] = useState<Citation | null>(null);
  const [error, setError] = useState(false);
  const open = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || cite) return;
    dashboardApi.cite(versionId).then(setCite, () => setError(true));
  };
  const csl = cite ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify([cite.csl], null, 2))}` : '';
  return (
    <details class="cite" onToggle={open}>
      <summary>
        {t.reports.citeThis}
        <span class="visually-hidden"> {t.reports.citeThisFor(title)}</span>
      </summary>
      {error && <p role="alert">{t.common.loadError}</p>}
      {cite && (
        <div class="cite__body">
          <p class="small">{t.reports.dataAsOf(formatDateTime(cite.dataAsOf), cite.snapshotId)}</p>
          <p class="small">
            <strong>{t.reports.citation}</strong>: <span class="cite__text">{cite.citation}</span>
          </p>
          <ul class="inline-list small">
            <li>
              <a href={cite.permanentUrl}>{t.reports.permanentLink}</a>
            </li>
            <li>
              <a href={`/api/v1/reports/${versionId}/cite.bib`} download>
                {t.reports.bibtex}
              </a>
            </li>
            <li>
              <a href={csl} download={`gcm-report-${versionId}.json`}>
                {t.reports.cslJson}
              </a>
            </li>
          </ul>
        </div>
      )}
    </details>
  );
}
