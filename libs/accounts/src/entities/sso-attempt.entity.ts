import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SsoProvider } from './sso-provider.entity';

/**
 * One trip to a provider: the state (sha256 only), nonce and PKCE verifier it
 * must come back with. `usedAt` is set by the first callback, so a replayed
 * state is told apart from an unknown one.
 */
@Entity('sso_attempt')
export class SsoAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  stateHash: string;

  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => SsoProvider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id' })
  provider?: SsoProvider;

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier: string;

  @Column({ type: 'varchar', length: 600 })
  redirectUri: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
