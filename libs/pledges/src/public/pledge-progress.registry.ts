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
  /**
   * The same for a cycle population (see PledgeFilterDto.reported), by the reporting lib's population rule,
   * over the scope cycles whose codes are bound as one text[] at each `?` (one cycle: an array of one).
   */
  populationPredicate(reported: PledgeReported): string;
  /** True when the pledge's status as of the latest scope cycle (codes bound as a text[] at `cycles`) is the one bound at `status`; see PledgeFilterDto.statusInCycle. */
  statusInCyclePredicate(cycles: string, status: string): string;
  /**
   * The counted updates behind a report's update counts: a join on the pledge `p` giving one row per
   * counted (or validated, or late) update in the scope cycles bound at `cycles`, the public columns
   * of each, and their order; null for a `reported` value that names no updates (owed, not-reported).
   */
  countedUpdateRows(reported: PledgeReported, cycles: string): { join: string; columns: string; order: string } | null;
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
