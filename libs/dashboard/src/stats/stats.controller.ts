import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParamIntPipe, ParamPatternPipe, Public } from '@gcm/platform';
import type { Request, Response } from 'express';
import { PublicJsonResponder } from '../http/public-json.responder';
import { StatsCycleQueryDto, GapsQueryDto, PledgesByQueryDto } from './stats-query.dto';
import {
  CountryAdoption, CountrySummary, CoverageStats, GapsStats, HeadlineStats, MapStats, ObjectiveSummary, PledgesByStats, StatusStats, StatusTrendStats,
} from './stats-response.dto';
import { countModeFor, StatsService } from './stats.service';
import { Dimension, DIMENSIONS } from './sql/pledges-by.sql';

const dimensionPipe = new ParamPatternPipe('dimension', new RegExp(`^(${DIMENSIONS.join('|')})$`), `one of ${DIMENSIONS.join(', ')}`);
const alpha3Pipe = new ParamPatternPipe('alpha3', /^[A-Za-z]{3}$/, 'an ISO 3166 alpha-3 code such as FRA');

/**
 * Aggregates behind the public dashboards. Only published, non-withdrawn
 * pledges and their reporting count. Responses carry an ETag (304 on
 * If-None-Match) and are cached until public data changes (see StatsCache).
 */
@ApiTags('stats')
@Public()
@Controller('api/v1/stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly responder: PublicJsonResponder,
  ) {}

  /** Pledges, pledgers, States reporting in the cycle and the share achieved. */
  @Get('headline')
  @ApiOkResponse({ type: HeadlineStats })
  headline(@Query() q: StatsCycleQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.headline(q.cycle));
  }

  /** Public pledges by objective, theme, region, pledger kind or form; every category listed, zeros included. */
  @Get('pledges-by/:dimension')
  @ApiParam({ name: 'dimension', enum: DIMENSIONS })
  @ApiOkResponse({ type: PledgesByStats })
  pledgesBy(
    @Param('dimension', dimensionPipe) dimension: Dimension,
    @Query() q: PledgesByQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const mode = countModeFor(dimension, q.count);
    return this.responder.send(req, res, () => this.stats.pledgesBy(dimension, mode));
  }

  /** Implementation status distribution in a cycle (default: the current one). */
  @Get('status')
  @ApiOkResponse({ type: StatusStats })
  status(@Query() q: StatsCycleQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.status(q.cycle));
  }

  /** Status distribution per cycle, oldest first. */
  @Get('status-trend')
  @ApiOkResponse({ type: StatusTrendStats })
  statusTrend(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.statusTrend());
  }

  /** M49 regions × the 23 objectives: public pledges in each cell. */
  @Get('coverage')
  @ApiOkResponse({ type: CoverageStats })
  coverage(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.coverage());
  }

  /** Objectives, themes and SG recommendations with fewer than `threshold` public pledges. */
  @Get('gaps')
  @ApiOkResponse({ type: GapsStats })
  gaps(@Query() q: GapsQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const threshold = q.threshold ?? 3;
    return this.responder.send(req, res, () => this.stats.gaps(threshold));
  }

  /** Every State with its public pledges and reporting status in the cycle, for the world map. */
  @Get('map')
  @ApiOkResponse({ type: MapStats })
  map(@Query() q: StatsCycleQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.map(q.cycle));
  }

  /** Summary for the page of one GCM objective. */
  @Get('objectives/:number')
  @ApiOkResponse({ type: ObjectiveSummary })
  objective(@Param('number', new ParamIntPipe('number', 99)) n: number, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.stats.objective(n));
  }

  /** Summary for the page of one State. */
  @Get('countries/:alpha3')
  @ApiOkResponse({ type: CountrySummary })
  country(@Param('alpha3', alpha3Pipe) alpha3: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const code = alpha3.toUpperCase();
    return this.responder.send(req, res, () => this.stats.country(code));
  }

  /** Progressive adoption across the five ICMPD themes: per opened cycle, the themes and share of actionable commitments the State's pledges address. */
  @Get('countries/:alpha3/adoption')
  @ApiOkResponse({ type: CountryAdoption })
  countryAdoption(@Param('alpha3', alpha3Pipe) alpha3: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const code = alpha3.toUpperCase();
    return this.responder.send(req, res, () => this.stats.countryAdoption(code));
  }
}
