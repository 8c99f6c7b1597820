import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class StatsCycleQueryDto {
  /** Reporting cycle code such as 2026-H1; default: the open cycle, or else the latest one opened. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,16}$/, { message: 'cycle must be a reporting cycle code such as 2026-H1' })
  cycle?: string;
}

export class PledgesByQueryDto {
  /**
   * `primary`: each pledge once, under its primary objective or theme; `all`:
   * under every objective or theme it addresses. Default: `all` for
   * objectives, `primary` for themes (the ICMPD roll-up rule). Regions always
   * count a pledge in every region it concerns; kinds and forms once.
   */
  @IsOptional()
  @IsIn(['primary', 'all'])
  count?: 'primary' | 'all';
}

export class GapsQueryDto {
  /** List items with fewer than this many public pledges (1 = only those with none). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  threshold?: number = 3;
}
