import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { currentContext } from '../context/request-context';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  /** Overrides the request's actor, e.g. a failed sign-in names the account tried. */
  actorId?: string | null;
  actorRole?: string | null;
}

/** Rows per INSERT: 9 parameters each, well under PostgreSQL's 65 535. */
const AUDIT_BATCH = 2000;

/** Records an audit row through the caller's transaction manager, so it commits or rolls back with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLog, this.row(entry));
  }

  /**
   * Many entries of one change (a whole imported file) in as few statements
   * as the bound-parameter limit allows, instead of a round trip each.
   */
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += AUDIT_BATCH) {
      await manager.insert(AuditLog, entries.slice(start, start + AUDIT_BATCH).map((e) => this.row(e)));
    }
  }

  private row(entry: AuditEntry) {
    const ctx = currentContext();
    return {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: (entry.before ?? null) as object,
      after: (entry.after ?? null) as object,
      actorId: entry.actorId !== undefined ? entry.actorId : (ctx?.actorId ?? null),
      actorRole: entry.actorRole !== undefined ? entry.actorRole : (ctx?.actorRole ?? null),
      ip: ctx?.ip ?? null,
      correlationId: ctx?.correlationId ?? null,
    };
  }

  /** For events that are not part of a data change (failed sign-in, denied access). */
  recordStandalone(entry: AuditEntry): Promise<void> {
    return this.record(this.dataSource.manager, entry);
  }
}
