import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import {
  assertVersion, AuditService, DomainError, ErrorCode, expectedVersion, IdempotencyService, updateVersioned,
} from '@gcm/platform';
import { authorOrganisation, ownsPledge, seesWorkingCopy } from '@gcm/pledges';
import { DataSource, EntityManager } from 'typeorm';
import { checkEvidenceFile, cleanFileName } from '../domain/evidence-file';
import { assertCycleOpen, nextUpdateStatus } from '../domain/lifecycle';
import { ProgressEvidence } from '../entities/progress-evidence.entity';
import { loadUpdateRow, UpdateRow } from '../updates/progress-writes';
import type { EvidenceView } from '../updates/progress-update.view';

/** What multer hands over for an uploaded part (memory storage). */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const MAX_FILES_PER_UPDATE = 10;

interface CheckedFile {
  contentType: string;
  sha256: string;
  fileName: string;
}

/** Type, name and content agree (400 naming `file` otherwise); the SHA-256 and the name to store. */
function checkedFile(file: Pick<UploadedFile, 'originalname' | 'mimetype' | 'buffer'>): CheckedFile {
  return {
    contentType: checkEvidenceFile(file),
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    fileName: cleanFileName(file.originalname),
  };
}

/** Evidence files of progress updates: checked, hashed (SHA-256), stored once per content. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  private async editable(m: EntityManager, user: AuthUser, updateId: string, version: number | undefined): Promise<UpdateRow> {
    authorOrganisation(user);
    const row = await loadUpdateRow(m, updateId);
    if (!row || !ownsPledge(user, row.leadOrganisationId)) throw DomainError.notFound('Progress update');
    assertVersion('progress update', row.version, version);
    nextUpdateStatus(row.editorialStatus, 'edit');
    assertCycleOpen(row.cycleStatus, row.cycleCode);
    return row;
  }

  /** Adding or removing a file is a change of the update: it takes its version, so ETags stay honest. */
  private async bump(m: EntityManager, row: UpdateRow): Promise<void> {
    await updateVersioned(m, { table: 'progress_update', what: 'progress update', key: row.id }, row.version);
  }

  /** Honours Idempotency-Key: a retried upload (same update, title and bytes) stores one evidence item. */
  async upload(
    user: AuthUser,
    updateId: string,
    file: UploadedFile | undefined,
    dto: { title: string; version?: number },
    ifMatch?: string,
    key?: string,
  ): Promise<EvidenceView> {
    if (!file) throw DomainError.invalid('file', 'send the file as multipart/form-data in a part named "file"');
    const version = expectedVersion(ifMatch, dto.version);
    const checked = checkedFile(file);
    const request = { updateId, title: dto.title, sha256: checked.sha256, fileName: checked.fileName };
    const { value } = await this.idempotency.run({ key, userId: user.id, scope: 'evidence.upload', request }, (m) =>
      this.attach(m, user, updateId, file.buffer, checked, dto.title, version));
    return value;
  }

  /**
   * Attaches a file that arrived some other way (a finished resumable upload) inside the caller's
   * transaction: the same checks, blob, evidence row, version and audit row as `upload`.
   */
  attachFile(m: EntityManager, user: AuthUser, updateId: string, file: Pick<UploadedFile, 'originalname' | 'mimetype' | 'buffer'>, title: string): Promise<EvidenceView> {
    return this.attach(m, user, updateId, file.buffer, checkedFile(file), title, undefined);
  }

  /** May `user` add a file to the update now? Throws as an upload would (404, 409), before any byte is sent. */
  async assertCanAttach(user: AuthUser, updateId: string): Promise<void> {
    await this.editable(this.dataSource.manager, user, updateId, undefined);
  }

  private async attach(
    m: EntityManager, user: AuthUser, updateId: string, content: Buffer, checked: CheckedFile, title: string, version: number | undefined,
  ): Promise<EvidenceView> {
    const { contentType, sha256, fileName } = checked;
    const row = await this.editable(m, user, updateId, version);
    const [{ n }] = await m.query("SELECT count(*)::int AS n FROM progress_evidence WHERE update_id = $1 AND kind = 'file'", [updateId]);
    if (n >= MAX_FILES_PER_UPDATE) throw new DomainError(ErrorCode.InvalidState, `An update holds at most ${MAX_FILES_PER_UPDATE} files`);
    await this.bump(m, row);
    await m.query('INSERT INTO evidence_blob (sha256, content, size_bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [
      sha256, content, content.length,
    ]);
    const saved = await m.save(ProgressEvidence, m.create(ProgressEvidence, {
      updateId, kind: 'file', title, fileSha256: sha256, fileName, contentType, sizeBytes: content.length,
    }));
    const view: EvidenceView = {
      id: saved.id, kind: 'file', title, url: null, fileName, contentType, sizeBytes: content.length, sha256,
    };
    await this.audit.record(m, { action: 'progress_update.evidence_add', entityType: 'progress_update', entityId: updateId, after: view });
    return view;
  }

  async remove(user: AuthUser, updateId: string, evidenceId: string, ifMatch?: string): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    await this.dataSource.transaction(async (m) => {
      const row = await this.editable(m, user, updateId, version);
      const [gone] = await m.query('DELETE FROM progress_evidence WHERE id = $1 AND update_id = $2 RETURNING id, kind, title, url, file_sha256', [evidenceId, updateId]);
      const removed = gone?.[0];
      if (!removed) throw DomainError.notFound('Evidence');
      await this.bump(m, row);
      if (removed.file_sha256) {
        await m.query('DELETE FROM evidence_blob b WHERE b.sha256 = $1 AND NOT EXISTS (SELECT 1 FROM progress_evidence e WHERE e.file_sha256 = $1)', [removed.file_sha256]);
      }
      await this.audit.record(m, { action: 'progress_update.evidence_remove', entityType: 'progress_update', entityId: updateId, before: removed });
    });
  }

  /** Public once the update is validated; before that, for its owner organisation and the secretariat. */
  async download(user: AuthUser | undefined, updateId: string, evidenceId: string) {
    const row = await loadUpdateRow(this.dataSource.manager, updateId);
    if (!row || (row.editorialStatus !== 'validated' && !seesWorkingCopy(user, row.leadOrganisationId))) throw DomainError.notFound('Evidence');
    const [file] = await this.dataSource.query(
      `SELECT e.file_name AS "fileName", e.content_type AS "contentType", e.file_sha256 AS sha256, b.content
       FROM progress_evidence e JOIN evidence_blob b ON b.sha256 = e.file_sha256 WHERE e.id = $1 AND e.update_id = $2`,
      [evidenceId, updateId],
    );
    if (!file) throw DomainError.notFound('Evidence');
    return file as { fileName: string; contentType: string; sha256: string; content: Buffer };
  }
}
