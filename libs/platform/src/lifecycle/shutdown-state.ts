import { Injectable } from '@nestjs/common';

/**
 * Whether this process has been told to stop. Readiness answers 503 from that
 * moment, so a load balancer (or an orchestrator) sends its traffic elsewhere
 * while the process still finishes what it holds.
 */
@Injectable()
export class ShutdownState {
  private since?: number;

  get draining(): boolean {
    return this.since !== undefined;
  }

  /** True the first time only: a second signal does not restart the drain. */
  begin(): boolean {
    if (this.since !== undefined) return false;
    this.since = Date.now();
    return true;
  }
}
