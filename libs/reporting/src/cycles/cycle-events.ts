import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CycleView } from './cycle.view';

/**
 * Something that must happen when a reporting cycle closes (the reports lib
 * enqueues its flow of per-State, per-objective… reports and the IMRF summary).
 * It runs inside the closing transaction, so it can record its work (e.g. an
 * outbox or report-request row) atomically with the status change, and a
 * failure keeps the cycle open.
 */
export interface CycleClosedListener {
  onCycleClosed(cycle: CycleView, manager: EntityManager): Promise<void>;
}

/** Reporting cannot import the libs that build on it; they register here at start-up instead. */
@Injectable()
export class CycleEvents {
  private readonly closed: CycleClosedListener[] = [];

  onClosed(listener: CycleClosedListener): void {
    this.closed.push(listener);
  }

  listeners(): readonly CycleClosedListener[] {
    return this.closed;
  }
}
