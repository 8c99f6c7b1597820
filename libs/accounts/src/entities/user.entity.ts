import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import type { Role } from '@gcm/platform';
import { Organisation } from './organisation.entity';

/** `user` is reserved in PostgreSQL, hence app_user. E-mails are stored lower-cased. */
@Entity('app_user')
@Check('ck_app_user_role', `"role" IS NULL OR "role" IN ('secretariat', 'focal_point', 'expert')`)
@Check('ck_app_user_focal_point_organisation', `"role" <> 'focal_point' OR "organisation_id" IS NOT NULL`)
@Check('ck_app_user_email_lower', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Null for an account single sign-on created: it can sign in but do nothing until the secretariat gives it a role. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  role: Role | null;

  /** A focal point's one organisation; optional for experts (their agency or NGO) and the secretariat. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** scrypt; null until the invitation is accepted. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** The user's language for e-mail (one of the six); null follows the organisation's, then English. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
