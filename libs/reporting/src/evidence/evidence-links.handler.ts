import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobSchedule } from '@gcm/platform';
import { ReportingConfig } from '../config/reporting-config';
import { EvidenceLinksService } from './evidence-links.service';

/** Repeatable (EVIDENCE_LINK_CHECK_EVERY_MINUTES), registered by the worker's runner only. */
@Injectable()
export class EvidenceLinksCheckHandler implements JobHandler<JobName.EvidenceLinksCheck> {
  readonly jobName = JobName.EvidenceLinksCheck;
  readonly schedule: JobSchedule;

  constructor(
    private readonly links: EvidenceLinksService,
    config: ReportingConfig,
  ) {
    this.schedule = { id: 'evidence-links-check', everyMs: config.EVIDENCE_LINK_CHECK_EVERY_MINUTES * 60_000 };
  }

  handle() {
    return this.links.checkDue();
  }
}
