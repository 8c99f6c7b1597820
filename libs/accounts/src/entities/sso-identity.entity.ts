import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/** A user's subject at a provider (issuer + sub), remembered at the first SSO sign-in so a changed e-mail still matches. */
@Entity('sso_identity')
@Index('uq_sso_identity_issuer_subject', ['issuer', 'subject'], { unique: true })
export class SsoIdentity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
