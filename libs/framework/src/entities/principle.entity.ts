import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('principle')
export class Principle {
  @PrimaryColumn({ type: 'char', length: 1 })
  key: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  gist: string;
}
