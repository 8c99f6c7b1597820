import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gcm/accounts';
import { DomainError } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { diffSnapshots, FieldChange } from '../domain/version-diff';
import { Pledge } from '../entities/pledge.entity';
import { seesWorkingCopy } from './pledge-access';

/** Every submitted version of a pledge, immutable, for its owner and the secretariat. */
@Injectable()
export class PledgeVersionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async visible(user: AuthUser, id: string): Promise<Pledge> {
    const row = await this.dataSource.manager.findOneBy(Pledge, { id });
    if (!row || !seesWorkingCopy(user, row.leadOrganisationId)) throw DomainError.notFound('Pledge');
    return row;
  }

  async list(user: AuthUser, id: string) {
    await this.visible(user, id);
    return this.dataSource.query(
      `SELECT v.number, v.submitted_at AS "submittedAt", v.submitted_by AS "submittedBy", v.framework_version AS "frameworkVersion",
         v.snapshot->>'title' AS title, (v.number = p.published_version) AS "isPublished",
         r.decision, r.comment, r.created_at AS "reviewedAt"
       FROM pledge_version v
       JOIN pledge p ON p.id = v.pledge_id
       LEFT JOIN LATERAL (SELECT decision, comment, created_at FROM pledge_review
         WHERE pledge_id = v.pledge_id AND version_number = v.number ORDER BY created_at DESC LIMIT 1) r ON true
       WHERE v.pledge_id = $1 ORDER BY v.number`,
      [id],
    );
  }

  async get(user: AuthUser, id: string, number: number) {
    await this.visible(user, id);
    const [row] = await this.dataSource.query(
      `SELECT number, submitted_at AS "submittedAt", submitted_by AS "submittedBy", framework_version AS "frameworkVersion", snapshot
       FROM pledge_version WHERE pledge_id = $1 AND number = $2`,
      [id, number],
    );
    if (!row) throw DomainError.notFound(`Version ${number}`);
    return row;
  }

  async diff(user: AuthUser, id: string, a: number, b: number): Promise<{ from: number; to: number; changes: FieldChange[] }> {
    await this.visible(user, id);
    const rows: { number: number; snapshot: unknown }[] = await this.dataSource.query(
      'SELECT number, snapshot FROM pledge_version WHERE pledge_id = $1 AND number = ANY($2::int[])',
      [id, [a, b]],
    );
    const of = (n: number) => {
      const r = rows.find((x) => x.number === n);
      if (!r) throw DomainError.notFound(`Version ${n}`);
      return r.snapshot;
    };
    return { from: a, to: b, changes: diffSnapshots(of(a), of(b)) };
  }
}
