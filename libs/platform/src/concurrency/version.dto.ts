import { IsInt, IsOptional, Min } from 'class-validator';

/** The body of an action that needs nothing but the version it is based on. */
export class VersionOnlyDto {
  /** Optional here: the version the action is based on (or If-Match). */
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
