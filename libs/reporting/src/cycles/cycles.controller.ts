import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ParamPatternPipe, Public, Roles, sendReplayed, VersionOnlyDto } from '@gcm/platform';
import type { Response } from 'express';
import { CreateCycleDto, CYCLE_CODE, GenerateCyclesDto } from '../dto/cycle.dto';
import { CycleQueryDto } from '../dto/cycle-query.dto';
import { CycleView, GeneratedCycles } from '../reporting.view';
import { CyclesService } from './cycles.service';

const codePipe = () => new ParamPatternPipe('code', CYCLE_CODE, 'a cycle code such as 2026-H1');

@ApiTags('reporting cycles')
@Controller('api/v1/cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  /** Every reporting cycle with its period, submission window, deadline and status. */
  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query() query: CycleQueryDto): Promise<CycleView[]> {
    return this.cycles.list(query.status);
  }

  /** One reporting cycle by code (2026-H1). */
  @Public()
  @Get(':code')
  get(@Param('code', codePipe()) code: string): Promise<CycleView> {
    return this.cycles.get(code);
  }

  /** Creates one cycle by hand; window and deadline default from configuration. Honours Idempotency-Key. */
  @Roles('secretariat')
  @Post()
  async create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCycleDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CycleView> {
    const { value, replayed } = await this.cycles.create(user, dto, key);
    sendReplayed(res, replayed);
    return value;
  }

  /** Creates the year's cycles under the configured cadence (CYCLE_CADENCE); running it again creates nothing. */
  @Roles('secretariat')
  @Post('generate')
  @HttpCode(200)
  generate(@CurrentUser() user: AuthUser, @Body() dto: GenerateCyclesDto): Promise<GeneratedCycles> {
    return this.cycles.generate(user, dto.year);
  }

  /** Opens a scheduled cycle for reporting; a stale `version` gets 409. */
  @Roles('secretariat')
  @Post(':code/open')
  @HttpCode(200)
  open(@Param('code', codePipe()) code: string, @Body() dto: VersionOnlyDto, @Headers('if-match') ifMatch: string | undefined): Promise<CycleView> {
    return this.cycles.open(code, dto, ifMatch);
  }

  /** Closes the cycle: no more updates are written, and the report flow is started (onCycleClosed). */
  @Roles('secretariat')
  @Post(':code/close')
  @HttpCode(200)
  close(@Param('code', codePipe()) code: string, @Body() dto: VersionOnlyDto, @Headers('if-match') ifMatch: string | undefined): Promise<CycleView> {
    return this.cycles.close(code, dto, ifMatch);
  }
}
