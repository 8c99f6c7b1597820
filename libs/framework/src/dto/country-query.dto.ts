import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class CountryQueryDto {
  /** M49 region by name (`Africa`) or code (`002`). */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  region?: string;

  /** M49 sub-region by name (`Western Africa`) or code (`011`). */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  subregion?: string;

  @IsOptional()
  @IsIn(['member', 'observer'])
  status?: 'member' | 'observer';
}
