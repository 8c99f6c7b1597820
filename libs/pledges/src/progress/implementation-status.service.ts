import { Injectable } from '@nestjs/common';
import { AuditService } from '@gcm/platform';
import type { EntityManager } from 'typeorm';
import type { ImplementationStatus } from '../domain/pledge-status';

/**
 * A pledge's implementation status follows its progress updates, which the
 * reporting lib owns; the pledge row is written here, by the lib that owns
 * it, in the caller's transaction. A change of status is audited.
 */
@Injectable()
export class ImplementationStatusService {
  constructor(private readonly audit: AuditService) {}

  async follow(m: EntityManager, pledgeId: string, status: ImplementationStatus, fromUpdate: string): Promise<void> {
    const [before]: { s: ImplementationStatus }[] = await m.query(
      'SELECT implementation_status AS s FROM pledge WHERE id = $1 FOR UPDATE',
      [pledgeId],
    );
    if (!before) return;
    // The public page shows the new timeline entry even when the status stays the same.
    await m.query('UPDATE pledge SET implementation_status = $2, public_updated_at = now() WHERE id = $1', [pledgeId, status]);
    if (before.s === status) return;
    await this.audit.record(m, {
      action: 'pledge.implementation_status', entityType: 'pledge', entityId: pledgeId,
      before: { implementationStatus: before.s }, after: { implementationStatus: status, fromUpdate },
    });
  }
}
