import { IsIn, IsOptional } from 'class-validator';
import { CYCLE_STATUSES, CycleStatus } from '../domain/lifecycle';

export class CycleQueryDto {
  @IsOptional()
  @IsIn(CYCLE_STATUSES)
  status?: CycleStatus;
}
