import { IsUUID, ValidateIf } from 'class-validator';

export class SetApproverDto {
  /** One of the organisation's active focal points, or null for no approver. */
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  userId: string | null;
}

export class HandoverDto {
  /** The departing focal point: their pledges move to `toUserId`, their account is deactivated. */
  @IsUUID()
  fromUserId: string;

  @IsUUID()
  toUserId: string;
}

export class HandoverPreviewQueryDto {
  /** The departing focal point whose pledges would move. */
  @IsUUID()
  fromUserId: string;
}
