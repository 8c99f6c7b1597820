import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PUBLICATION_KINDS, type PublicationKind } from '../publications.service';

export class CreateWebhookDto {
  /** Where deliveries are POSTed: https (http only for a loopback receiver). */
  @IsString()
  @MaxLength(2000)
  url: string;

  /** The publication kinds to deliver. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PUBLICATION_KINDS.length)
  @ArrayUnique()
  @IsIn(PUBLICATION_KINDS, { each: true })
  events: PublicationKind[];

  /** Lets deliveries reach private, loopback or link-local addresses (an internal receiver). Off unless set. */
  @IsOptional()
  @IsBoolean()
  allowPrivateNetwork?: boolean;
}
