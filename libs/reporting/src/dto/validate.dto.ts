import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { trim } from '@gcm/platform';

export class ValidateDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  /** Optional note kept with the review (visible to the owner organisation only). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 4000)
  comment?: string;
}
