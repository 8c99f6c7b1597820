import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayloads } from '@gcm/platform';
import type { Job } from 'bullmq';
import { PracticesImporter } from './practices.importer';

@Injectable()
export class PracticesImportHandler implements JobHandler<JobName.PracticesImport> {
  readonly jobName = JobName.PracticesImport;

  constructor(private readonly importer: PracticesImporter) {}

  handle(job: Job<JobPayloads[JobName.PracticesImport]>) {
    return this.importer.importFromSeeds(job.data.requestedBy);
  }
}
