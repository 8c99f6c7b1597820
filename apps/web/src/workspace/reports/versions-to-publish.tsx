import { useState } from 'preact/hooks';
import { downloadFile } from '../../api/client';
import { reportApi, type ReportVersion } from '../../api/report-api';
import { DataView } from '../../components/data-view';
import { formatDateTime } from '../../components/format';
import { useData } from '../../components/use-data';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';
import { TableWrap } from '../../components/table-wrap';

const FORMAT_COUNT = 5;
const ready = (v: ReportVersion) => v.files.length === FORMAT_COUNT;

/**
 * Rendered versions nobody has published yet: check a format, tick the ones
 * to release, publish them in one action (all or none, each audited).
 */
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
            <VersionsTable key={page.items.map((v) => v.id).join()} versions={page.items} onPublished={(n) => {
              setNotice(t.reportScopes.publishedMany(n));
              setReload((r) => r + 1);
            }} />
          )
        }
      </DataView>
    </section>
  );
}

function VersionsTable({ versions, onPublished }: { versions: ReportVersion[]; onPublished: (n: number) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const publishable = versions.filter(ready);
  const all = publishable.length > 0 && publishable.every((v) => selected.has(v.id));
  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await reportApi.publishMany([...selected]);
      onPublished(done.total);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };
  return (
    <>
      <TableWrap label={t.reportRuns.versionsTitle}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label={t.reportScopes.selectAll} checked={all} disabled={publishable.length === 0}
                  onChange={(e) => setSelected(new Set(e.currentTarget.checked ? publishable.map((v) => v.id) : []))} />
              </th>
              <th scope="col">{t.reportRuns.report}</th>
              <th scope="col">{t.reportRuns.version}</th>
              <th scope="col">{t.reportRuns.formats}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <VersionRow key={v.id} version={v} selected={selected.has(v.id)} onToggle={(on) => toggle(v.id, on)} onError={setError} />
            ))}
          </tbody>
        </table>
      </TableWrap>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      <p class="form__actions">
        <button type="button" class="button" disabled={busy || selected.size === 0} onClick={publish}>
          {t.reportScopes.publishSelected(selected.size)}
        </button>
      </p>
    </>
  );
}

function VersionRow({ version, selected, onToggle, onError }: {
  version: ReportVersion; selected: boolean; onToggle: (on: boolean) => void; onError: (message: string) => void;
}) {
  return (
    <tr data-version={version.id}>
      <td>
        <input type="checkbox" aria-label={t.reportScopes.select(version.title)} checked={selected} disabled={!ready(version)}
          onChange={(e) => onToggle(e.currentTarget.checked)} />
      </td>
      <th scope="row">
        {version.title}
        <span class="muted small block">{formatDateTime(version.createdAt)}</span>
        {!ready(version) && <span class="muted small block">{t.reportScopes.incomplete}</span>}
        <a class="small block" href={`/workspace/reports/versions/${version.id}/editorial`} aria-label={t.reportRuns.editorial.editLinkFor(version.title)}>
          {t.reportRuns.editorial.editLink}
        </a>
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
                  downloadFile(f.url, `${version.kind}-${version.scope}-${version.cycleKey}.${f.format}`).catch((err) => onError(describeError(err)));
                }}
              >
                {f.format.toUpperCase()}
                <span class="visually-hidden"> {version.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
