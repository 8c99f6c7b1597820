import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CYCLE_CODE } from '@gcm/reporting';
import { ApiErrorResponses, ParamPatternPipe, Public } from '@gcm/platform';
import { CycleDigestView } from './cycle-digest.view';
import { CycleDigestService } from './cycle-digest.service';

@ApiTags('subscriptions')
@Public()
@Controller('api/v1/digests')
export class DigestsController {
  constructor(private readonly digests: CycleDigestService) {}

  /** What moved in a compiled cycle: the dashboard's figures beside the previous cycle's, and the reports published for it. */
  @Get(':code')
  @ApiErrorResponses({ 404: 'No such cycle, or not compiled yet' })
  get(@Param('code', new ParamPatternPipe('code', CYCLE_CODE, 'a cycle code such as 2026-H1')) code: string): Promise<CycleDigestView> {
    return this.digests.get(code);
  }
}
