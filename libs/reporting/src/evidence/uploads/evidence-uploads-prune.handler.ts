import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobSchedule } from '@gcm/platform';
import { ReportingConfig } from '../../config/reporting-config';
import { EvidenceUploadsService } from './evidence-uploads.service';

/** Repeatable (EVIDENCE_UPLOAD_PRUNE_EVERY_MINUTES), registered by the worker's runner only. */
@Injectable()
export class EvidenceUploadsPruneHandler implements JobHandler<JobName.EvidenceUploadsPrune> {
  readonly jobName = JobName.EvidenceUploadsPrune;
  readonly schedule: JobSchedule;

  constructor(
    private readonly uploads: EvidenceUploadsService,
    config: ReportingConfig,
  ) {
    this.schedule = { id: 'evidence-uploads-prune', everyMs: config.EVIDENCE_UPLOAD_PRUNE_EVERY_MINUTES * 60_000 };
  }

  async handle(): Promise<{ deleted: number }> {
    return { deleted: await this.uploads.pruneExpired() };
  }
}
