import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Lock, Locker, Upload } from '@tus/utils';
import type { DataSource } from 'typeorm';

/** Bytes buffered before one chunk row is written (and the offset moves): bounded memory per request, few rows per file. */
const CHUNK_BYTES = 256 * 1024;
/** How long a lock holds without news from its request; every stored chunk renews it. */
const LEASE_SECONDS = 30;

const LOCKED = { status_code: 423, body: 'Another request is writing to this upload; retry shortly' };

/**
 * @tus/server's storage, in PostgreSQL (evidence_upload, evidence_upload_chunk):
 * every API replica sees the same uploads, offsets and locks, so a client that
 * lost its connection may resume on any of them. Each stored chunk moves the
 * offset in the same transaction, and only from the offset it was written at:
 * a stretch is never stored twice nor out of place.
 */
export class PgUploadStore extends DataStore {
  constructor(
    private readonly db: DataSource,
    private readonly expiryMs: number,
    /** Who creates an upload and for which update: the request's, read by the controller. */
    private readonly owner: (upload: Upload) => { ownerId: string; updateId: string },
  ) {
    super();
    this.extensions = ['creation', 'termination', 'expiration'];
  }

  override async create(upload: Upload): Promise<Upload> {
    const { ownerId, updateId } = this.owner(upload);
    const created = new Date(upload.creation_date ?? Date.now());
    await this.db.query(
      `INSERT INTO evidence_upload (id, update_id, owner_id, size_bytes, offset_bytes, metadata, created_at, expires_at)
       VALUES ($1, $2, $3, $4, 0, $5, $6, $7)`,
      [upload.id, updateId, ownerId, upload.size, JSON.stringify(upload.metadata ?? {}), created, new Date(created.getTime() + this.expiryMs)],
    );
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const [row] = await this.db.query(
      'SELECT id, size_bytes AS size, offset_bytes AS "offset", metadata, created_at AS "createdAt" FROM evidence_upload WHERE id = $1',
      [id],
    );
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({ id, size: row.size, offset: row.offset, metadata: row.metadata, creation_date: new Date(row.createdAt).toISOString() });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let at = offset;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.db.transaction(async (m) => {
        const moved = await m.query(
          `UPDATE evidence_upload SET offset_bytes = offset_bytes + $3, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
           WHERE id = $1 AND offset_bytes = $2 AND offset_bytes + $3 <= size_bytes RETURNING id`,
          [id, at, data.length],
        );
        if (moved[1] === 0) throw ERRORS.INVALID_OFFSET;
        await m.query('INSERT INTO evidence_upload_chunk (upload_id, start, data) VALUES ($1, $2, $3)', [id, at, data]);
      });
      at += data.length;
    };
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        pending.push(buf);
        pendingBytes += buf.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
    } finally {
      // A dropped connection ends the stream early: what did arrive is kept, so the client resumes from there.
      await flush();
    }
    return at;
  }

  override async remove(id: string): Promise<void> {
    const gone = await this.db.query('DELETE FROM evidence_upload WHERE id = $1 RETURNING id', [id]);
    if (gone[1] === 0) throw ERRORS.FILE_NOT_FOUND;
  }

  override getExpiration(): number {
    return this.expiryMs;
  }

  /** Unfinished or finished, an upload past its expiry goes, with its chunks (ON DELETE CASCADE). */
  override async deleteExpired(): Promise<number> {
    const gone = await this.db.query('DELETE FROM evidence_upload WHERE expires_at < now() RETURNING id');
    return gone[1] as number;
  }
}

/**
 * Locks in the upload's row, so they hold across replicas: a second PATCH or
 * DELETE while one writes answers 423 (tus clients retry). A lock whose request
 * died lapses after LEASE_SECONDS without a stored chunk.
 */
export class PgUploadLocker implements Locker {
  constructor(private readonly db: DataSource) {}

  newLock(id: string): Lock {
    const token = randomUUID();
    const db = this.db;
    return {
      async lock(): Promise<void> {
        const [row] = await db.query(
          `WITH target AS (SELECT id FROM evidence_upload WHERE id = $1),
                taken AS (
                  UPDATE evidence_upload SET lock_token = $2, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
                  WHERE id = $1 AND (lock_token IS NULL OR locked_until < now()) RETURNING id)
           SELECT (SELECT count(*) FROM target)::int AS exists, (SELECT count(*) FROM taken)::int AS taken`,
          [id, token],
        );
        // No row yet (the POST that creates it): nothing to contend for.
        if (row.exists === 1 && row.taken === 0) throw LOCKED;
      },
      async unlock(): Promise<void> {
        await db.query('UPDATE evidence_upload SET lock_token = NULL, locked_until = NULL WHERE id = $1 AND lock_token = $2', [id, token]);
      },
    };
  }
}

/** HEAD reads one row: it needs no lock, so it answers even while a PATCH writes. */
export const NO_LOCK: Locker = { newLock: () => ({ lock: async () => undefined, unlock: async () => undefined }) };
