import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HeadlineStats, StatsService, StatusStats } from '@gcm/dashboard';
import { DomainError, ErrorCode } from '@gcm/platform';
import { DataSource } from 'typeorm';
import type { CycleDigestView, DigestChangeView } from './cycle-digest.view';

const HEADLINE_FIGURES = ['pledges', 'pledgers', 'statesPledging', 'statesReporting', 'achieved'] as const;

/** Each figure beside the previous cycle's (both from the dashboard's rules); the difference is all this adds. */
export function digestChanges(
  now: { headline: HeadlineStats; status: StatusStats },
  before: { headline: HeadlineStats; status: StatusStats } | null,
): DigestChangeView[] {
  const row = (figure: string, value: number, previous: number | null): DigestChangeView =>
    ({ figure, value, previous, change: previous === null ? null : value - previous });
  return [
    ...HEADLINE_FIGURES.map((f) => row(f, now.headline[f], before ? before.headline[f] : null)),
    row('reportedInCycle', now.status.reportedInCycle, before ? before.status.reportedInCycle : null),
    ...now.status.statuses.map((s) => row(`status.${s.status}`, s.pledges,
      before ? (before.status.statuses.find((b) => b.status === s.status)?.pledges ?? 0) : null)),
  ];
}

/**
 * The digest of a compiled cycle, computed on read from the dashboard's
 * aggregates (never a second rule) and the cycle's published report versions.
 * It exists once the cycle's report flow has compiled it.
 */
@Injectable()
export class CycleDigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: StatsService,
  ) {}

  async get(code: string): Promise<CycleDigestView> {
    const [cycle] = await this.dataSource.query(
      `SELECT c.id, c.code, to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd",
              to_json(c.compiled_at) #>> '{}' AS "compiledAt",
              (SELECT p.code FROM reporting_cycle p WHERE p.period_start < c.period_start AND p.status <> 'scheduled'
                ORDER BY p.period_start DESC LIMIT 1) AS previous
         FROM reporting_cycle c WHERE c.code = $1 AND c.status = 'compiled'`,
      [code],
    );
    if (!cycle) throw new DomainError(ErrorCode.NotFound, `No compiled cycle ${code}: its digest exists once the cycle is compiled`);
    const figures = async (c: string) => ({
      headline: JSON.parse(await this.stats.headline(c)) as HeadlineStats,
      status: JSON.parse(await this.stats.status(c)) as StatusStats,
    });
    const now = await figures(cycle.code);
    const before = cycle.previous ? await figures(cycle.previous) : null;
    const reports = await this.dataSource.query(
      `SELECT v.id, v.kind, v.scope, v.title, v.language, to_json(v.published_at) #>> '{}' AS "publishedAt", '/reports?version=' || v.id AS path
         FROM report_version v WHERE v.cycle_id = $1 AND v.published_at IS NOT NULL ORDER BY v.kind, v.scope, v.language, v.published_at`,
      [cycle.id],
    );
    return {
      cycle: cycle.code, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd, compiledAt: cycle.compiledAt,
      previousCycle: cycle.previous, headline: now.headline, status: now.status, changes: digestChanges(now, before), reports,
    };
  }
}
