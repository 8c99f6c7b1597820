import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParamPatternPipe, Public } from '@gcm/platform';
import type { Request, Response } from 'express';
import { PublicJsonResponder } from '../http/public-json.responder';
import { StatsService } from '../stats/stats.service';
import { RelatedPractices, RelatedPracticesQueryDto } from './related-practices.dto';

const referencePipe = new ParamPatternPipe('reference', /^[A-Za-z0-9-]{5,24}$/, 'a pledge reference such as GCM-P-2026-00042');

@ApiTags('pledges')
@Public()
@Controller('api/v1/pledges')
export class RelatedPracticesController {
  constructor(
    private readonly stats: StatsService,
    private readonly responder: PublicJsonResponder,
  ) {}

  /**
   * Innovative practices related to a published pledge: those whose dialogue
   * session quotes the pledge's objectives first (most shared objectives
   * first), then by text similarity with the pledge's title and description.
   */
  @Get(':reference/related-practices')
  @ApiOkResponse({ type: RelatedPractices })
  related(
    @Param('reference', referencePipe) reference: string,
    @Query() q: RelatedPracticesQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const ref = reference.toUpperCase();
    const limit = q.limit ?? 5;
    return this.responder.send(req, res, () => this.stats.relatedPractices(ref, limit));
  }
}
