import { type DetailedError, Upload } from 'tus-js-client';
import { tokens } from '../app/session';
import { t } from '../i18n';
import { ApiError, refreshSession } from './client';

export interface UploadProgress {
  sent: number;
  total: number;
  /** The connection dropped: waiting to resume from what the server stored. */
  paused: boolean;
}

/** Between tries of one request (tus-js-client); then the upload waits for the connection and starts again from the server's offset. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];
const RESTART_AFTER_MS = 15_000;
const MAX_RESTARTS = 40;
/** Small enough that one request fits in the API's request timeout on a slow line, and a drop loses little. */
const CHUNK_BYTES = 1024 * 1024;

const statusOf = (err: unknown) => (err as DetailedError).originalResponse?.getStatus() ?? 0;
/** A dropped connection or a busy server is worth another try; a refusal (4xx but 409/423) is not. */
const retryable = (err: unknown) => {
  const status = statusOf(err);
  return status === 0 || status === 409 || status === 423 || status >= 500;
};

function refusal(err: unknown): ApiError {
  const res = (err as DetailedError).originalResponse;
  let body: (ApiError['body'] & { message?: string; details?: ApiError['details'] }) | undefined;
  try {
    body = res ? JSON.parse(res.getBody()) : undefined;
  } catch {
    body = undefined;
  }
  const status = res?.getStatus() ?? 0;
  return new ApiError(status, body?.message ?? String((err as Error).message), body?.details, body);
}

/**
 * Sends an evidence file with the tus protocol: in 1 MB requests, each retried,
 * and after a dropped connection resumed from the offset the server stored (on
 * any API instance), also after a reload (tus-js-client remembers the upload).
 * Import this module dynamically (with tus-js-client, it stays out of the pages' first visit).
 */
export function uploadResumable(
  updateId: string, file: File, title: string, onProgress: (p: UploadProgress) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let restarts = 0;
    let sent = 0;
    const upload: Upload = new Upload(file, {
      endpoint: `/api/v1/updates/${updateId}/evidence/uploads`,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: { filename: file.name, filetype: file.type, title },
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (req) => {
        if (!tokens.access() && tokens.refresh()) await refreshSession();
        const token = tokens.access();
        if (token) req.setHeader('Authorization', `Bearer ${token}`);
        req.setHeader('Accept-Language', t.lang);
      },
      onShouldRetry: (err) => {
        const again = retryable(err) || statusOf(err) === 401;
        // Said at once: the bar stops and says the upload will go on (the next bytes clear it).
        if (again) onProgress({ sent, total: file.size, paused: true });
        return again;
      },
      onProgress: (bytes, total) => {
        sent = bytes;
        onProgress({ sent: bytes, total, paused: false });
      },
      onSuccess: () => resolve(),
      onError: (err) => {
        if (!retryable(err) || restarts >= MAX_RESTARTS) {
          reject(refusal(err));
          return;
        }
        restarts += 1;
        onProgress({ sent, total: file.size, paused: true });
        // Back online, or a while later: start again; tus-js-client asks the server (HEAD) how far it got.
        const again = () => {
          window.removeEventListener('online', again);
          clearTimeout(timer);
          upload.start();
        };
        const timer = setTimeout(again, RESTART_AFTER_MS);
        window.addEventListener('online', again);
      },
    });
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
}
