import { IsString, Matches } from 'class-validator';

export class ReminderLinkTokenDto {
  /** The token from the link's fragment (#token=…). */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token must be the token of a reminder link' })
  token: string;
}
