import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { Commitment } from './commitment.entity';

/** An ICMPD thematic objective (seed 001, section 1). */
@Entity('theme')
export class Theme {
  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @Column({ type: 'varchar', length: 4, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @OneToMany(() => Commitment, (c) => c.theme)
  commitments?: Commitment[];
}
