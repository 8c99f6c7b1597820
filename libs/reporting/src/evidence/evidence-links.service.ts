import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@gcm/platform';
import { DataSource } from 'typeorm';
import { ReportingConfig } from '../config/reporting-config';
import { LinkOutcome, probeLink } from './link-probe';

/** Links checked per run at most: a run stays bounded whatever was submitted since the last one. */
export const LINKS_PER_RUN = 100;
/** Requests in flight at once, so one slow host does not hold the whole run. */
const PARALLEL = 4;

export interface LinkCheckRun {
  checked: number;
  outcomes: Partial<Record<LinkOutcome, number>>;
}

/**
 * Checks the evidence links of submitted and validated updates (never from an
 * API request: the worker's repeatable job calls this), each with a bounded
 * timeout and number of redirects, through the SSRF-safe lookup, and records
 * the outcome on the link. The plausibility warning "an evidence link that
 * does not answer" reads what is recorded here.
 */
@Injectable()
export class EvidenceLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: ReportingConfig,
  ) {}

  /** Links never checked first, then the oldest checks past EVIDENCE_LINK_RECHECK_HOURS. */
  async checkDue(limit = LINKS_PER_RUN): Promise<LinkCheckRun> {
    // Claimed in one statement (stamped, locked rows skipped), so two runs — two workers, or a scheduled run
    // and an enqueued one — never check the same link twice; the outcome is written when the check ends.
    const [due]: [{ id: string; url: string }[]] = await this.dataSource.query(
      `UPDATE progress_evidence c SET link_checked_at = now()
        WHERE c.id IN (
          SELECT e.id FROM progress_evidence e JOIN progress_update u ON u.id = e.update_id
           WHERE e.kind = 'url' AND u.editorial_status IN ('submitted', 'validated')
             AND (e.link_checked_at IS NULL OR e.link_checked_at < now() - make_interval(hours => $1))
           ORDER BY e.link_checked_at NULLS FIRST, e.created_at, e.id LIMIT $2
           FOR UPDATE OF e SKIP LOCKED)
        RETURNING c.id, c.url`,
      [this.config.EVIDENCE_LINK_RECHECK_HOURS, limit],
    );
    const outcomes: Partial<Record<LinkOutcome, number>> = {};
    const queue = [...due];
    const options = {
      timeoutMs: this.config.EVIDENCE_LINK_TIMEOUT_MS,
      maxRedirects: this.config.EVIDENCE_LINK_MAX_REDIRECTS,
      allowPrivateNetwork: this.config.EVIDENCE_LINK_ALLOW_PRIVATE,
    };
    const lane = async () => {
      for (let link = queue.shift(); link; link = queue.shift()) {
        const result = await probeLink(link.url, options);
        // Only if the link still says what was checked (an edit in between gets its own check).
        await this.dataSource.query(
          `UPDATE progress_evidence SET link_checked_at = now(), link_outcome = $3, link_http_status = $4, link_detail = left($5, 300)
           WHERE id = $1 AND url = $2`,
          [link.id, link.url, result.outcome, result.httpStatus, result.detail],
        );
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, lane));
    if (due.length > 0) {
      await this.audit.recordStandalone({
        action: 'evidence.links_checked', entityType: 'progress_evidence', actorId: null, actorRole: 'system',
        after: { checked: due.length, outcomes },
      });
    }
    return { checked: due.length, outcomes };
  }
}
