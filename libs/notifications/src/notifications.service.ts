import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, DomainError } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { AllNotificationsQueryDto, NotificationQueryDto } from './dto/notification-query.dto';

const COLUMNS = `n.id, n.kind, c.code AS cycle, n.step, n.subject, n.body, n.data, n.created_at AS "createdAt", n.read_at AS "readAt",
  n.email_status AS "emailStatus", n.emailed_at AS "emailedAt"`;
/** The secretariat also sees whom it went to and why e-mail failed. */
const ADMIN_COLUMNS = `${COLUMNS}, n.user_id AS "userId", u.email AS "userEmail", n.email_attempts AS "emailAttempts", n.email_error AS "emailError"`;
const FROM = 'notification n JOIN app_user u ON u.id = n.user_id LEFT JOIN reporting_cycle c ON c.id = n.cycle_id';

/** Reads of stored notifications: each user their own; the secretariat everyone's. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(q: NotificationQueryDto, userId: string) {
    return this.page(COLUMNS, q, { 'n.user_id': userId });
  }

  listAll(q: AllNotificationsQueryDto) {
    return this.page(ADMIN_COLUMNS, q, { 'n.user_id': q.userId, 'n.email_status': q.emailStatus });
  }

  async markRead(id: string, userId: string) {
    await this.dataSource.transaction(async (m) => {
      const [[row]] = await m.query('UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id', [id, userId]);
      if (!row) throw DomainError.notFound('Notification');
      await this.audit.record(m, { action: 'notification.read', entityType: 'notification', entityId: id });
    });
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = $1`, [id]);
    return row;
  }

  private async page(columns: string, q: NotificationQueryDto, equal: Record<string, string | undefined>) {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => where.push(sql.replace('?', `$${params.push(v)}`));
    for (const [col, v] of Object.entries(equal)) if (v !== undefined) add(`${col} = ?`, v);
    if (q.unread !== undefined) where.push(q.unread ? 'n.read_at IS NULL' : 'n.read_at IS NOT NULL');
    if (q.cycle) add('c.code = ?', q.cycle);
    if (q.step) add('n.step = ?', q.step);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(`SELECT ${columns} FROM ${FROM} ${filter} ORDER BY n.created_at DESC, n.id LIMIT ${limit} OFFSET ${offset}`, params),
      this.dataSource.query(`SELECT count(*)::int AS total FROM ${FROM} ${filter}`, params),
    ]);
    return { items, total: total as number, limit, offset };
  }
}
