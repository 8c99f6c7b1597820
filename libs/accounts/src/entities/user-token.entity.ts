import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

export type UserTokenPurpose = 'invitation' | 'password_reset';

/** One-time, expiring tokens (invitation, password reset), stored as sha256 only. */
@Entity('user_token')
@Index(['userId', 'purpose'])
@Check('ck_user_token_purpose', `"purpose" IN ('invitation', 'password_reset')`)
export class UserToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  purpose: UserTokenPurpose;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Who issued it (the inviting secretariat member); null for self-service resets. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
