import { IsBoolean, IsOptional } from 'class-validator';
import { QueryBoolean } from '@gcm/platform';

export class WorkbookUploadQueryDto {
  /** Submit the imported updates for validation instead of keeping them as drafts. */
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  submit?: boolean;
}
