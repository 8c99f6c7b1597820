import { Organisation } from '@gcm/accounts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

/** A partner of a published pledge: a registered organisation or, failing that, a name. */
@Entity('pledge_partner')
@Index(['pledgeId', 'position'], { unique: true })
@Index(['organisationId'])
@Check('ck_pledge_partner_org_or_name', '("organisation_id" IS NULL) <> ("name" IS NULL)')
export class PledgePartner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pledgeId: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 300, nullable: true })
  name: string | null;
}
