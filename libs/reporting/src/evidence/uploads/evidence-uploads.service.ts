import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Server } from '@tus/server';
import type { Upload } from '@tus/utils';
import type { AuthUser } from '@gcm/accounts';
import { DomainError, ErrorCode, HttpExceptionFilter } from '@gcm/platform';
import type { DataSource } from 'typeorm';
import { ReportingConfig } from '../../config/reporting-config';
import { checkDeclaredEvidenceType } from '../../domain/evidence-file';
import { EvidenceService } from '../evidence.service';
import { NO_LOCK, PgUploadLocker, PgUploadStore } from './pg-upload.store';

export const UPLOADS_PATH = (updateId: string) => `/api/v1/updates/${updateId}/evidence/uploads`;

/** What the controller established about the request before tus sees it. */
export interface UploadRequest extends IncomingMessage {
  tusUser: AuthUser;
  tusUpdateId: string;
  tusUploadId?: string;
}

/**
 * Resumable evidence uploads (tus 1.0, @tus/server): the partial bytes live in
 * PostgreSQL (PgUploadStore) and a finished upload becomes evidence through
 * EvidenceService, with every check, the SHA-256, the blob and the audit row
 * of a one-request upload. Authorisation is the controller's, on every request.
 */
@Injectable()
export class EvidenceUploadsService {
  private readonly logger = new Logger(EvidenceUploadsService.name);
  private readonly creators = new WeakMap<Upload, { ownerId: string; updateId: string }>();
  private readonly errors = new HttpExceptionFilter();
  readonly store: PgUploadStore;
  private readonly server: Server;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly evidence: EvidenceService,
    config: ReportingConfig,
  ) {
    this.store = new PgUploadStore(db, config.EVIDENCE_UPLOAD_EXPIRY_HOURS * 3_600_000, (upload) => {
      const creator = this.creators.get(upload);
      if (!creator) throw new Error('upload created without its request');
      return creator;
    });
    const locker = new PgUploadLocker(db);
    this.server = new Server({
      path: '/api/v1/updates',
      datastore: this.store,
      locker: (req) => (req.method === 'HEAD' ? NO_LOCK : locker),
      maxSize: config.EVIDENCE_MAX_BYTES,
      relativeLocation: true,
      generateUrl: (req, { id }) => `${UPLOADS_PATH((req as UploadRequest).tusUpdateId)}/${id}`,
      getFileIdFromRequest: (req) => (req as UploadRequest).tusUploadId,
      onUploadCreate: async (req, res, upload) => {
        const r = req as UploadRequest;
        checkMetadata(upload.metadata ?? {});
        this.creators.set(upload, { ownerId: r.tusUser.id, updateId: r.tusUpdateId });
        return { res };
      },
      onUploadFinish: async (req, res, upload) => {
        await this.finish((req as UploadRequest).tusUser, upload.id);
        return { res };
      },
      onResponseError: (req, res, err) => {
        const { body, headers } = this.errors.render(err, req);
        if (body.statusCode >= 500) this.logger.error({ err, path: req.url }, 'resumable upload failed');
        for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        return { status_code: body.statusCode, body: JSON.stringify(body) };
      },
    });
  }

  /**
   * The checks of every tus request, before @tus/server reads it: the caller may
   * add evidence to the update now (as for a one-request upload), and an upload
   * named in the URL is theirs, for that update, and not expired (404 / 410).
   */
  async authorise(user: AuthUser, updateId: string, uploadId: string | undefined): Promise<void> {
    await this.evidence.assertCanAttach(user, updateId);
    if (uploadId === undefined) return;
    const [row] = await this.db.query(
      'SELECT owner_id AS "ownerId", update_id AS "updateId", expires_at < now() AS expired FROM evidence_upload WHERE id = $1',
      [uploadId],
    );
    if (!row || row.ownerId !== user.id || row.updateId !== updateId) throw DomainError.notFound('Upload');
    if (row.expired) throw new DomainError(ErrorCode.NotFound, 'Upload expired; start the upload again', { expired: true }, undefined);
  }

  async handle(req: UploadRequest, res: ServerResponse): Promise<void> {
    // The API serves the web app from its own origin and allows no cross-origin caller; @tus/server would answer any origin.
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) => (/^access-control-/i.test(name) ? res : setHeader(name, value));
    await this.server.handle(req, res);
  }

  /**
   * The upload's bytes, complete, become evidence; on any refusal nothing is
   * attached and the upload is deleted (the client must start again with a fit file).
   * A repeated last PATCH finds the upload attached already and attaches nothing more.
   */
  private async finish(user: AuthUser, uploadId: string): Promise<void> {
    try {
      await this.db.transaction(async (m) => {
        const [row] = await m.query(
          'SELECT update_id AS "updateId", size_bytes AS size, metadata, evidence_id AS "evidenceId" FROM evidence_upload WHERE id = $1 FOR UPDATE',
          [uploadId],
        );
        if (!row) throw DomainError.notFound('Upload');
        if (row.evidenceId) return;
        const chunks: { data: Buffer }[] = await m.query('SELECT data FROM evidence_upload_chunk WHERE upload_id = $1 ORDER BY start', [uploadId]);
        const buffer = Buffer.concat(chunks.map((c) => c.data));
        if (buffer.length !== row.size) throw new DomainError(ErrorCode.Conflict, 'The upload is not complete');
        const meta = row.metadata as Record<string, string | null>;
        const view = await this.evidence.attachFile(m, user, row.updateId, {
          originalname: meta.filename ?? '', mimetype: meta.filetype ?? '', buffer,
        }, titleOf(meta));
        await m.query('DELETE FROM evidence_upload_chunk WHERE upload_id = $1', [uploadId]);
        await m.query('UPDATE evidence_upload SET evidence_id = $2 WHERE id = $1', [uploadId, view.id]);
      });
    } catch (err) {
      if (err instanceof DomainError) await this.db.query('DELETE FROM evidence_upload WHERE id = $1', [uploadId]);
      throw err;
    }
  }

  /** The worker's prune: expired uploads and their bytes. */
  pruneExpired(): Promise<number> {
    return this.store.deleteExpired();
  }
}

function titleOf(meta: Record<string, string | null>): string {
  return (meta.title ?? '').trim();
}

/** Upload-Metadata must declare filename, filetype (one of the accepted types, matching the name) and a title: 400 before any byte. */
function checkMetadata(meta: Record<string, string | null>): void {
  const title = titleOf(meta);
  if (title.length < 1 || title.length > 300) throw DomainError.invalid('title', 'declare a title of 1 to 300 characters in Upload-Metadata');
  checkDeclaredEvidenceType({ originalname: meta.filename ?? '', mimetype: meta.filetype ?? '' });
}
