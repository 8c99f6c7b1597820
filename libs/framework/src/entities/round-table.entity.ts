import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('round_table')
export class RoundTable {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code: string;

  @Column({ type: 'smallint' })
  number: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'smallint' })
  year: number;
}
