import { useRef, useState } from 'preact/hooks';
import { downloadFile } from '../../api/client';
import { reportingApi } from '../../api/pledge-api';
import type { ProgressUpdate } from '../../api/models';
import { ApiError } from '../../api/client';
import type { UploadProgress } from '../../api/resumable-upload';
import { describeError } from '../../forms/use-form';
import { t } from '../../i18n';

const size = (bytes: number | null) => (bytes === null ? '' : bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

/**
 * Evidence files of a saved update: upload (with a title), download, remove.
 * Uploads go straight to the server, resumably (tus): a dropped connection
 * pauses the progress bar and the upload goes on from where it stopped; the
 * rest of the form keeps what was typed.
 */
export function EvidenceFiles({ update, editable, onChanged }: { update: ProgressUpdate; editable: boolean; onChanged: () => void }) {
  const files = update.evidence.filter((e) => e.kind === 'file');
  const links = update.evidence.filter((e) => e.kind === 'url');
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string[] | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = async (e: Event) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError([t.updates.chooseFile]);
      return;
    }
    setBusy(true);
    setError(null);
    setFileError(null);
    setProgress({ sent: 0, total: file.size, paused: false });
    try {
      // Loaded when a file is sent, with tus-js-client: not part of the form's (or the workbench's) first visit.
      const { uploadResumable } = await import('../../api/resumable-upload');
      await uploadResumable(update.id, file, title.trim() || file.name, setProgress);
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      onChanged();
    } catch (err) {
      // The server's reasons about the file (type, content, size) go beside the field.
      const reasons = err instanceof ApiError ? (err.details ?? []).flatMap((d) => d.messages) : [];
      setFileError(reasons.length > 0 ? reasons : [describeError(err)]);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  const remove = async (evidenceId: string) => {
    setError(null);
    try {
      await reportingApi.removeEvidence(update.id, evidenceId);
      onChanged();
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <section class="form-section" aria-labelledby="evidence-files">
      <h2 id="evidence-files">{t.updates.files}</h2>
      {!editable && links.length > 0 && (
        <ul class="plain-list">
          {links.map((l) => (
            <li key={l.id}>
              <a href={l.url ?? '#'} target="_blank" rel="noopener noreferrer">
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {files.length === 0 ? (
        <p class="muted">{t.updates.noFiles}</p>
      ) : (
        <ul class="file-list">
          {files.map((f) => (
            <li key={f.id}>
              <a
                href={`/api/v1/updates/${update.id}/evidence/${f.id}/file`}
                data-evidence-file
                onClick={(e) => {
                  e.preventDefault();
                  downloadFile(`/api/v1/updates/${update.id}/evidence/${f.id}/file`, f.fileName ?? 'evidence').catch((err) => setError(describeError(err)));
                }}
              >
                {f.title}
              </a>{' '}
              <span class="muted small">
                {f.fileName} · {size(f.sizeBytes)} · SHA-256 <code class="code">{f.sha256?.slice(0, 12)}…</code>
              </span>
              {editable && (
                <button type="button" class="button button--small button--secondary" onClick={() => remove(f.id)}>
                  {t.ws.common.remove}
                  <span class="visually-hidden"> {f.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {editable && (
        <form class="upload" onSubmit={upload} aria-label={t.updates.uploadTitle}>
          <div class="field">
            <label class="field__label" for="evidence-file">
              {t.updates.file}
            </label>
            <p class="field__hint" id="evidence-file-hint">
              {t.updates.fileHint}
            </p>
            {fileError && (
              <p class="field__error" id="evidence-file-error">
                {fileError.join(' ')}
              </p>
            )}
            <input
              id="evidence-file"
              ref={fileInput}
              type="file"
              class="input"
              aria-describedby={fileError ? 'evidence-file-hint evidence-file-error' : 'evidence-file-hint'}
              aria-invalid={fileError ? true : undefined}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt"
            />
          </div>
          <div class="field">
            <label class="field__label" for="evidence-title">
              {t.updates.fileTitle}
            </label>
            <input id="evidence-title" class="input" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </div>
          {progress && (
            <div class="upload-progress" role="status">
              <progress max={progress.total || 1} value={progress.sent} aria-label={t.updates.uploadTitle} />
              <span class="small">
                {progress.paused
                  ? t.updates.uploadPaused(size(progress.sent), size(progress.total))
                  : t.updates.uploadProgress(Math.floor((progress.sent / (progress.total || 1)) * 100), size(progress.sent), size(progress.total))}
              </span>
            </div>
          )}
          <button type="submit" class="button button--secondary" disabled={busy}>
            {busy ? t.updates.uploading : t.updates.upload}
          </button>
        </form>
      )}
    </section>
  );
}
