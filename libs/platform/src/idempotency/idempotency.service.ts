import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInBatches } from '../database/delete-in-batches';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { DataSource, EntityManager } from 'typeorm';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * JSON with object keys sorted and undefined fields dropped, so the same request
 * always hashes the same. Lenient on purpose (DTO instances are welcome), unlike
 * the reports lib's strict canonicalJson that refuses anything JSON cannot carry.
 */
export function canonicalRequestJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalRequestJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalRequestJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface IdempotentRequest {
  /** The `Idempotency-Key` header, if the client sent one. */
  key: string | undefined;
  userId: string;
  /** Route name, e.g. `pledges.create`. */
  scope: string;
  /** Everything that defines the request: route parameters and body. */
  request: unknown;
}

/**
 * Runs a create in one transaction. With a key, the key row is inserted first
 * in that same transaction: a concurrent retry waits on its primary key and
 * then finds the stored response, and a failed attempt leaves no key behind.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Forgets keys first used more than `hours` ago (in batches, so a large backlog never holds long locks); returns how many. */
  prune(hours: number, batch = 5000): Promise<number> {
    return deleteInBatches(
      this.dataSource,
      `DELETE FROM idempotency_key WHERE ctid IN (
         SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
       RETURNING 1`,
      [hours],
      batch,
    );
  }

  async run<T>(req: IdempotentRequest, work: (m: EntityManager) => Promise<T>): Promise<{ value: T; replayed: boolean }> {
    if (req.key === undefined) return { value: await this.dataSource.transaction(work), replayed: false };
    if (!KEY_PATTERN.test(req.key)) {
      throw DomainError.invalid('Idempotency-Key', 'Idempotency-Key must be 1-200 visible ASCII characters, e.g. a UUID');
    }
    const hash = createHash('sha256').update(canonicalRequestJson(req.request)).digest('hex');
    const id = [req.userId, req.scope, req.key];
    return this.dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO idempotency_key (user_id, scope, key, request_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING key`,
        [...id, hash],
      );
      if (inserted.length === 0) {
        const [prior] = await m.query(
          'SELECT request_hash AS "hash", response FROM idempotency_key WHERE user_id = $1 AND scope = $2 AND key = $3',
          id,
        );
        if (prior.hash !== hash) {
          throw new DomainError(ErrorCode.Conflict, 'This Idempotency-Key was already used for a different request');
        }
        return { value: prior.response as T, replayed: true };
      }
      const value = await work(m);
      await m.query('UPDATE idempotency_key SET response = $4 WHERE user_id = $1 AND scope = $2 AND key = $3', [
        ...id,
        JSON.stringify(value),
      ]);
      return { value, replayed: false };
    });
  }
}
