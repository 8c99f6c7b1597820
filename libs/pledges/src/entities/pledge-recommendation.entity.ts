import { Recommendation } from '@gcm/framework';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

@Entity('pledge_recommendation')
@Index(['recommendationParagraph'])
export class PledgeRecommendation {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'int' })
  recommendationParagraph: number;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Recommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_paragraph', referencedColumnName: 'paragraph' })
  recommendation?: Recommendation;
}
