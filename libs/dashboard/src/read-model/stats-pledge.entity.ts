import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Read model: one narrow row per published pledge, withdrawn ones included
 * (a pledge withdrawn during a cycle still owes it an update; "public now"
 * is `withdrawn_at IS NULL`), with what the dashboards group by. Written
 * only by database triggers on the pledge tables, in the same transaction as
 * the change (see the stats-read-model and cycle-population migrations); the
 * application never writes it.
 */
@Entity('stats_pledge')
@Index(['leadCountry'])
export class StatsPledge {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @Column({ type: 'uuid' })
  leadOrganisationId: string;

  @Column({ type: 'varchar', length: 20 })
  leadKind: string;

  /** The lead organisation's country when it is a State. */
  @Column({ type: 'char', length: 3, nullable: true })
  leadCountry: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  form: string | null;

  @Column({ type: 'varchar', length: 16 })
  implementationStatus: string;

  @Column({ type: 'timestamptz' })
  firstPublishedAt: Date;

  /** Set once withdrawn (withdrawal is final): the pledge stays in the populations of the cycles it was public in. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  primaryObjective: number | null;

  @Column({ type: 'smallint', array: true })
  objectives: number[];

  @Column({ type: 'smallint', nullable: true })
  primaryTheme: number | null;

  @Column({ type: 'smallint', array: true })
  themes: number[];

  @Column({ type: 'int', array: true })
  recommendations: number[];

  /** States named in the scope. */
  @Column({ type: 'char', length: 3, array: true })
  countries: string[];

  /** M49 regions of the pledging State, the States in scope and the regions it names; '001' when global or none. */
  @Column({ type: 'char', length: 3, array: true })
  regions: string[];
}
