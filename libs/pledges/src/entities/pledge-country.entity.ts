import { Country } from '@gcm/framework';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Pledge } from './pledge.entity';

@Entity('pledge_country')
@Index(['countryAlpha3'])
export class PledgeCountry {
  @PrimaryColumn({ type: 'uuid' })
  pledgeId: string;

  @PrimaryColumn({ type: 'char', length: 3 })
  countryAlpha3: string;

  @ManyToOne(() => Pledge, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pledge_id' })
  pledge?: Pledge;

  @ManyToOne(() => Country, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'country_alpha3', referencedColumnName: 'alpha3' })
  country?: Country;
}
