import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Recommendation } from './recommendation.entity';

/** A "way forward" listed under a recommendation (e.g. IOM's, seed 000). */
@Entity('consideration')
@Index(['recommendationParagraph', 'position'], { unique: true })
export class Consideration {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  recommendationParagraph: number;

  @ManyToOne(() => Recommendation, (r) => r.considerations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_paragraph', referencedColumnName: 'paragraph' })
  recommendation?: Recommendation;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 100 })
  source: string;
}
