import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Read model: submitted and validated progress updates, narrow, with each
 * validated update's validity interval (until the pledge's next validated
 * update), so "status as of a cycle" is a range join instead of a window over
 * the updates on every request. Written only by triggers, like stats_pledge.
 */
@Entity('stats_update')
@Index(['cycleId'])
@Index(['pledgeId'])
export class StatsUpdate {
  @PrimaryColumn({ type: 'uuid' })
  updateId: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  /** The cycle's period start. */
  @Column({ type: 'date' })
  periodStart: string;

  /** submitted | validated */
  @Column({ type: 'varchar', length: 12 })
  editorialStatus: string;

  /** Implementation status reported. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** Validated updates: period start of the pledge's next validated update (null: still current). */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;
}
