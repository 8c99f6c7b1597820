import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { assertVersion, AuditService, DomainError, expectedVersion, updateVersionedEntity } from '@gcm/platform';
import { DataSource } from 'typeorm';
import type { PledgeSnapshot } from '../domain/pledge-content';
import { nextPledgeStatus } from '../domain/pledge-status';
import { PublishDto, ReturnDto } from '../dto/pledge.dto';
import { PledgeReview } from '../entities/pledge-review.entity';
import { Pledge } from '../entities/pledge.entity';
import { loadPledge, loadWorkspaceView, PledgeWorkspaceView } from '../workspace/pledge-workspace.view';
import { materialisePublished } from './pledge-publication';

/** The secretariat's side: the queue of submitted pledges, publication and return. */
@Injectable()
export class PledgeReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Oldest submission first; revisions of published pledges are marked, with the version the public has now. */
  async queue(query: { limit: number; offset: number }) {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.reference, p.working->>'title' AS title, p.version, p.submitted_at AS "submittedAt",
           json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) AS "leadOrganisation",
           v.number AS "versionNumber", p.published_version AS "publishedVersion",
           (p.published_version IS NOT NULL) AS "isRevision"
         FROM pledge p
         JOIN organisation o ON o.id = p.lead_organisation_id
         JOIN LATERAL (SELECT max(number) AS number FROM pledge_version WHERE pledge_id = p.id) v ON true
         WHERE p.status = 'submitted'
         ORDER BY p.submitted_at, p.reference LIMIT ${query.limit} OFFSET ${query.offset}`,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM pledge WHERE status = 'submitted'`),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async submitted(id: string, action: 'publish' | 'return', version: number | undefined): Promise<Pledge> {
    const row = await loadPledge(this.dataSource.manager, id);
    const expected = version ?? row.version;
    assertVersion('pledge', row.version, expected);
    nextPledgeStatus(row.status, action, row.publishedVersion !== null);
    return row;
  }

  async publish(user: AuthUser, id: string, dto: PublishDto, ifMatch?: string): Promise<PledgeWorkspaceView> {
    const row = await this.submitted(id, 'publish', expectedVersion(ifMatch, dto.version));
    const view = await this.dataSource.transaction(async (m) => {
      const [latest] = await m.query(
        'SELECT number, snapshot FROM pledge_version WHERE pledge_id = $1 ORDER BY number DESC LIMIT 1',
        [id],
      );
      if (!latest) throw DomainError.notFound('Submitted version');
      const version = { number: latest.number as number, snapshot: latest.snapshot as PledgeSnapshot };
      await materialisePublished(m, id, row.version, version);
      await m.insert(PledgeReview, { pledgeId: id, versionNumber: version.number, decision: 'published', comment: dto.comment ?? null, reviewerId: user.id });
      await this.audit.record(m, {
        action: 'pledge.publish', entityType: 'pledge', entityId: id,
        before: { status: row.status, publishedVersion: row.publishedVersion },
        after: { status: 'published', publishedVersion: version.number },
      });
      return loadWorkspaceView(m, id);
    });
    return view;
  }

  async return(user: AuthUser, id: string, dto: ReturnDto, ifMatch?: string): Promise<PledgeWorkspaceView> {
    const row = await this.submitted(id, 'return', expectedVersion(ifMatch, dto.version));
    return this.dataSource.transaction(async (m) => {
      await updateVersionedEntity(m, Pledge, { table: 'pledge', what: 'pledge', key: id }, row.version, { status: 'returned' });
      const [{ number }] = await m.query('SELECT max(number) AS number FROM pledge_version WHERE pledge_id = $1', [id]);
      await m.insert(PledgeReview, { pledgeId: id, versionNumber: number, decision: 'returned', comment: dto.comment, reviewerId: user.id });
      await this.audit.record(m, {
        action: 'pledge.return', entityType: 'pledge', entityId: id,
        before: { status: row.status }, after: { status: 'returned', versionNumber: number, comment: dto.comment },
      });
      return loadWorkspaceView(m, id);
    });
  }
}
