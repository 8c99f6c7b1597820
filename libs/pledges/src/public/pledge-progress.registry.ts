import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from './public-pledge.view';
import type { PledgeReported } from '../dto/pledge-query.dto';

/**
 * What the public pledge pages need from progress reporting. Reporting
 * depends on pledges, not the reverse, so it registers itself here at start-up
 * (dependency inversion instead of an import cycle).
 */
export interface PledgeProgressSource {
  /** Validated progress updates of one pledge, oldest cycle first, public fields only. */
  timeline(pledgeId: string): Promise<TimelineEntry[]>;
  /**
   * SQL predicate on the pledge alias `p`: true when the pledge has a validated
   * update in the reporting cycle whose code is bound at each `?`.
   */
  readonly cyclePredicate: string;
  /** The same for a cycle population (see PledgeFilterDto.reported), by the reporting lib's population rule. */
  populationPredicate(reported: PledgeReported): string;
  /** True when the pledge's status as of the cycle (code bound at `cycle`) is the one bound at `status`; see PledgeFilterDto.statusInCycle. */
  statusInCyclePredicate(cycle: string, status: string): string;
}

@Injectable()
export class PledgeProgressRegistry {
  private source?: PledgeProgressSource;

  register(source: PledgeProgressSource): void {
    this.source = source;
  }

  get(): PledgeProgressSource | undefined {
    return this.source;
  }
}
