import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class BulkNoChangeDto {
  /** Pledges of the organisation to reconfirm: each becomes its own submitted "no change" update. All or none. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  pledgeIds: string[];
}
