import { Injectable, OnModuleInit } from '@nestjs/common';
import { afterCommit, currentContext } from '@gcm/platform';
import { CycleClosedListener, CycleEvents, CycleView } from '@gcm/reporting';
import type { EntityManager } from 'typeorm';
import { ReportFlowService } from './report-flow.service';

/**
 * Hangs the report flow on the closing of a cycle. The runs are stored in
 * the closing transaction (a failure keeps the cycle open); the flow is
 * enqueued once it commits, and the reconcile job covers a crash in between.
 */
@Injectable()
export class CycleClosedReportsListener implements OnModuleInit, CycleClosedListener {
  constructor(
    private readonly events: CycleEvents,
    private readonly flows: ReportFlowService,
  ) {}

  onModuleInit(): void {
    this.events.onClosed(this);
  }

  async onCycleClosed(cycle: CycleView, m: EntityManager): Promise<void> {
    const flow = await this.flows.createRuns(m, cycle, currentContext()?.actorId ?? null);
    afterCommit(m, () => this.flows.enqueue(flow));
  }
}
