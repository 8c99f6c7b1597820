import { useState } from 'preact/hooks';
import { downloadFile } from '../../api/client';
import { reportApi, type ReportVersion } from '../../api/report-api';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { TableWrap } from '../../components/table-wrap';

/** Rendered versions nobody has published yet: check a format, then publish. */
export function VersionsToPublish({ cycle, tick }: { cycle: string; tick: number }) {
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const state = useData(() => reportApi.versions({ published: false, cycle: cycle || undefined }), [cycle, tick, reload]);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t.reportRuns.versionsTitle}</h2>
      {notice && (
        <p class="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <DataView state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">{t.reportRuns.noVersions}</p>
          ) : (
            <TableWrap label={t.reportRuns.versionsTitle}>
              <table class="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">{t.reportRuns.report}</th>
                    <th scope="col">{t.reportRuns.version}</th>
                    <th scope="col">{t.reportRuns.formats}</th>
                    <th scope="col">{t.ws.common.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((v) => (
                    <VersionRow
                      key={v.id}
                      version={v}
                      onPublished={() => {
                        setNotice(t.reportRuns.published(v.title));
                        setReload((n) => n + 1);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </DataView>
    </section>
  );
}

function VersionRow({ version, onPublished }: { version: ReportVersion; onPublished: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = version.files.length === 5;
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await reportApi.publish(version.id);
      onPublished();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">
        {version.title}
        <span class="muted small block">{formatDateTime(version.createdAt)}</span>
      </th>
      <td>{t.reportRuns.versionN(version.number)}</td>
      <td>
        <ul class="inline-list">
          {version.files.map((f) => (
            <li key={f.format}>
              <a
                href={f.url}
                onClick={(e) => {
                  e.preventDefault();
                  downloadFile(f.url, `${version.kind}-${version.scope}-${version.cycleKey}.${f.format}`).catch((err) => setError(describeError(err)));
                }}
              >
                {f.format.toUpperCase()}
                <span class="visually-hidden"> {version.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </td>
      <td>
        {error && (
          <span class="field__error small block" role="alert">
            {error}
          </span>
        )}
        <button type="button" class="button button--small" disabled={busy || !complete} onClick={publish}>
          {t.reportRuns.publish}
          <span class="visually-hidden"> {version.title}</span>
        </button>
      </td>
    </tr>
  );
}
