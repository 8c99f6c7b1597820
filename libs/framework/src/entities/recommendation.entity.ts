import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { Consideration } from './consideration.entity';

/** A Secretary-General recommendation of A/76/642, keyed by its paragraph number. */
@Entity('recommendation')
export class Recommendation {
  @PrimaryColumn({ type: 'int' })
  paragraph: number;

  @Column({ type: 'varchar', length: 300 })
  shortTitle: string;

  @Column({ type: 'text' })
  text: string;

  /** GCM objectives the recommendation bears on. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  objectiveNumbers: number[];

  /** Where the text came from: a seed document or the secretariat. */
  @Column({ type: 'varchar', length: 100 })
  source: string;

  @OneToMany(() => Consideration, (c) => c.recommendation)
  considerations?: Consideration[];
}
