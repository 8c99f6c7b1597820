import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditQueryDto } from '../dto/audit-query.dto';

export type { AuditRow } from '../accounts.view';
import type { AuditRow } from '../accounts.view';

/** Reads the audit log newest first, by keyset on id (stable while rows keep arriving). */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: AuditQueryDto): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.entityType) add('a.entity_type = ?', query.entityType);
    if (query.entityId) add('a.entity_id = ?', query.entityId);
    if (query.actorId) add('a.actor_id = ?', query.actorId);
    if (query.action?.endsWith('.')) add("a.action LIKE ? || '%'", query.action);
    else if (query.action) add('a.action = ?', query.action);
    if (query.from) add('a.occurred_at >= ?::timestamptz', query.from);
    if (query.to) add('a.occurred_at < ?::timestamptz', query.to);
    if (query.cursor) add('a.id < ?::bigint', query.cursor);
    const limit = query.limit ?? 50;
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.actor_role AS "actorRole", u.email AS "actorEmail",
              a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.before, a.after, a.ip, a.correlation_id AS "correlationId"
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}
