import { Injectable } from '@nestjs/common';
import { JobHandler, JobName } from '@gcm/platform';
import { ReportsReconcileService } from './reports-reconcile.service';

/** Every minute, scheduled by the worker's runner. */
@Injectable()
export class ReportsReconcileHandler implements JobHandler<JobName.ReportsReconcile> {
  readonly jobName = JobName.ReportsReconcile;
  readonly schedule = { id: 'reports-reconcile', everyMs: 60_000 };

  constructor(private readonly reconciler: ReportsReconcileService) {}

  handle() {
    return this.reconciler.reconcile();
  }
}
