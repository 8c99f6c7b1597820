import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An innovative-practice card; keyed by its printed number, a stable public id. */
@Entity('practice')
export class Practice {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'smallint' })
  @Index()
  sessionNumber: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'boolean', default: false })
  brieflyReferred: boolean;

  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  @Column({ type: 'text', nullable: true })
  period: string | null;

  @Column({ type: 'text', nullable: true })
  geographicalScope: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  impacts: string | null;

  @Column({ type: 'text', nullable: true })
  lessonsLearned: string | null;

  @Column({ type: 'text', nullable: true })
  resources: string | null;

  /** Private unless the secretariat marks it public. */
  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ type: 'boolean', default: false })
  contactPublic: boolean;

  /**
   * English full-text vector kept by a trigger (see the search migration), with
   * a GIN index: TypeORM can declare neither, and a generated column would tie
   * its metadata to one database name.
   */
  @Index('ix_practice_search', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  search?: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
