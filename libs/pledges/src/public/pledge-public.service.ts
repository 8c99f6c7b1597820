import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, UUID_PATTERN } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ExportQueryDto, EXPORT_MAX_ROWS, PledgeQueryDto } from '../dto/pledge-query.dto';
import { PledgeProgressRegistry } from './pledge-progress.registry';
import { PUBLIC_FROM, PUBLIC_PLEDGE_COLUMNS, publicFilter } from './public-pledge.sql';
import type { PublicPledge } from './public-pledge.types';
import type { PublicPledgeDetail } from './public-pledge.view';

const EXPORT_BATCH = 500;

/** Published pledges for everyone: lists, detail with progress timeline, and the rows of an export. */
@Injectable()
export class PledgePublicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: PledgeProgressRegistry,
  ) {}

  async list(query: PledgeQueryDto): Promise<{ items: PublicPledge[]; total: number; limit: number; offset: number }> {
    const f = publicFilter(query, this.progress.get());
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PUBLIC_PLEDGE_COLUMNS} ${PUBLIC_FROM} ${f.where} ORDER BY ${f.orderBy} LIMIT ${limit} OFFSET ${offset}`,
        f.params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${PUBLIC_FROM} ${f.where}`, f.params),
    ]);
    return { items, total, limit, offset };
  }

  /** By public reference or id; anything not published is simply not found. */
  async detail(key: string): Promise<PublicPledgeDetail> {
    const column = UUID_PATTERN.test(key) ? 'p.id' : 'p.reference';
    const [row] = await this.dataSource.query(
      `SELECT ${PUBLIC_PLEDGE_COLUMNS} ${PUBLIC_FROM} WHERE ${column} = $1 AND p.published_version IS NOT NULL`,
      [key],
    );
    if (!row) throw DomainError.notFound('Pledge');
    const timeline = (await this.progress.get()?.timeline(row.id)) ?? [];
    return { ...row, timeline };
  }

  /**
   * The rows of an export in the list's order, in batches read from one
   * REPEATABLE READ snapshot, so a long download is consistent and never holds
   * more than a batch in memory.
   */
  async exportRows(
    query: ExportQueryDto,
    onStart: (total: number) => void,
    onBatch: (rows: PublicPledge[]) => Promise<void>,
  ): Promise<void> {
    const f = publicFilter(query, this.progress.get());
    const limit = Math.min(query.limit ?? EXPORT_MAX_ROWS, EXPORT_MAX_ROWS);
    const start = query.offset ?? 0;
    await this.dataSource.transaction('REPEATABLE READ', async (m: EntityManager) => {
      const [{ total }] = await m.query(`SELECT count(*)::int AS total ${PUBLIC_FROM} ${f.where}`, f.params);
      onStart(total);
      for (let done = 0; done < limit; done += EXPORT_BATCH) {
        const take = Math.min(EXPORT_BATCH, limit - done);
        const rows: PublicPledge[] = await m.query(
          `SELECT ${PUBLIC_PLEDGE_COLUMNS} ${PUBLIC_FROM} ${f.where} ORDER BY ${f.orderBy} LIMIT ${take} OFFSET ${start + done}`,
          f.params,
        );
        await onBatch(rows);
        if (rows.length < take) break;
      }
    });
  }
}
