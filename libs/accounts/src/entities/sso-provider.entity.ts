import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * An OpenID Connect provider the secretariat configured. The client secret is
 * stored encrypted (AES-256-GCM under a key derived from AUTH_SECRET) and never
 * leaves the API.
 */
@Entity('sso_provider')
export class SsoProvider {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What the sign-in button says, e.g. "UN Migration Network (Entra ID)". */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ type: 'varchar', length: 200 })
  clientId: string;

  @Column({ type: 'text' })
  clientSecretEncrypted: string;

  /** Lower-case domains; an e-mail outside them is refused. Empty: any domain. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allowedDomains: string[];

  /** Whether a signed-in stranger gets an account (with no role until the secretariat gives one). */
  @Column({ type: 'boolean', default: false })
  allowAccountCreation: boolean;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
