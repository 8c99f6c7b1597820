import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A UN Member or observer State with its ISO 3166 codes and UN M49 geography. */
@Entity('country')
@Index(['regionM49'])
@Index(['subregionM49'])
export class Country {
  @PrimaryColumn({ type: 'char', length: 3 })
  alpha3: string;

  @Column({ type: 'char', length: 2, unique: true })
  alpha2: string;

  @Column({ type: 'char', length: 3, unique: true })
  m49: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  region: string;

  @Column({ type: 'char', length: 3 })
  regionM49: string;

  @Column({ type: 'varchar', length: 60 })
  subregion: string;

  @Column({ type: 'char', length: 3 })
  subregionM49: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  intermediateRegion: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  intermediateRegionM49: string | null;

  @Column({ type: 'varchar', length: 10 })
  unStatus: 'member' | 'observer';
}
