import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, UUID_PATTERN } from '@gcm/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ExportQueryDto, EXPORT_MAX_ROWS, PledgeFilterDto, PledgeQueryDto, PledgersQueryDto, PledgeUpdatesQueryDto } from '../dto/pledge-query.dto';
import { PledgeProgressRegistry } from './pledge-progress.registry';
import { PUBLIC_FROM, PUBLIC_PLEDGE_COLUMNS, populationCycles, publicFilter } from './public-pledge.sql';
import type { PublicPledge } from './public-pledge.types';
import type { PublicCountedUpdatePage, PublicPledgeDetail, PublicPledgerPage } from './public-pledge.view';

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

  /** The lead organisations of the pledges the filters select, by name, each with how many of them it leads. */
  async pledgers(query: PledgersQueryDto): Promise<PublicPledgerPage> {
    unordered(query);
    const f = publicFilter(query, this.progress.get());
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT o.id, o.name, o.kind, o.country_alpha3 AS country, count(*)::int AS pledges ${PUBLIC_FROM} ${f.where}
          GROUP BY o.id ORDER BY lower(o.name), o.id LIMIT ${limit} OFFSET ${offset}`,
        f.params,
      ),
      this.dataSource.query(`SELECT count(DISTINCT o.id)::int AS total ${PUBLIC_FROM} ${f.where}`, f.params),
    ]);
    return { items, total, limit, offset };
  }

  /**
   * The counted updates (submitted or validated; validated or late ones when asked) of the pledges the
   * filters select, in the scope cycles: one row per update, by pledge reference then cycle.
   */
  async updates(query: PledgeUpdatesQueryDto): Promise<PublicCountedUpdatePage> {
    unordered(query);
    const progress = this.progress.get();
    const reported = query.reported ?? 'counted';
    const cycles = populationCycles({ ...query, reported });
    if (!cycles) throw DomainError.invalid('cycle', 'updates need a cycle, e.g. cycle=2026-H1 (or cycles=2026-H1,2026-H2)');
    if (!progress) throw DomainError.invalid('cycle', 'filtering by reporting cycle is not available');
    // The pledges: the filters over the scope's population (every counted update is on a pledge owing its cycle one).
    const f = publicFilter({ ...query, cycle: undefined, cycles, reported: 'owed' }, progress);
    const rows = progress.countedUpdateRows(reported, `$${f.params.length + 1}`);
    if (!rows) throw DomainError.invalid('reported', 'the updates list takes reported=counted, validated or late');
    const params = [...f.params, cycles];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const from = `${PUBLIC_FROM} ${rows.join} ${f.where}`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id AS "pledgeId", p.reference, p.title, coalesce(p.language, 'en') AS language,
           json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'country', o.country_alpha3) AS "leadOrganisation",
           ${rows.columns} ${from} ORDER BY p.reference, ${rows.order} LIMIT ${limit} OFFSET ${offset}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params),
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

/** The pledgers and updates lists have their own order. */
function unordered(query: PledgeFilterDto): void {
  if (query.sort !== undefined) throw DomainError.invalid('sort', 'this list has its own order; sort does not apply');
  if (query.order !== undefined) throw DomainError.invalid('order', 'this list has its own order; order does not apply');
}
