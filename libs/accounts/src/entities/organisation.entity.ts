import {
  Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import { Country } from '@gcm/framework';

export const ORGANISATION_KINDS = [
  'state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** Kinds the secretariat creates; States come from the country list. */
export const STAKEHOLDER_KINDS = ORGANISATION_KINDS.filter((k) => k !== 'state') as Exclude<OrganisationKind, 'state'>[];

/** A pledger: one per UN Member or observer State, or a stakeholder organisation. */
@Entity('organisation')
@Check('ck_organisation_kind', `"kind" IN ('state', 'un_entity', 'civil_society', 'private_sector', 'academia', 'local_authority', 'other')`)
@Check('ck_organisation_state_country', `("kind" = 'state') = ("country_alpha3" IS NOT NULL)`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 300, unique: true })
  name: string;

  @Column({ type: 'char', length: 3, nullable: true, unique: true })
  countryAlpha3: string | null;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_alpha3', referencedColumnName: 'alpha3' })
  country?: Country;

  /** Private: shown to the secretariat and the organisation's own users only. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  /**
   * The optional in-country approver: one of the organisation's focal points. When set, the others' progress
   * updates go to them first (awaiting_approval) and reach the secretariat once approved.
   */
  @Column({ type: 'uuid', nullable: true })
  approverId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approver_id' })
  approver?: unknown;
  /** BCP 47 tag of the language the organisation writes in: the default of its pledges, updates and users' e-mail. */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  language: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
