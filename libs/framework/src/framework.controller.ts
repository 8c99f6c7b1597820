import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamIntPipe, ParamPatternPipe, Public } from '@gcm/platform';
import type { Response } from 'express';
import { CountryQueryDto } from './dto/country-query.dto';
import { FrameworkService } from './framework.service';
import {
  CommitmentView, CountryView, FrameworkVersionView, ObjectiveView, PrincipleView, RecommendationView, RoundTableView, ThemeView,
} from './framework.view';

const CACHE = 'public, max-age=300, stale-while-revalidate=60';

/** The GCM framework catalogue, read-only and public. ETag/304 come from Express on every GET. */
@ApiTags('framework')
@Public()
@Controller('api/v1/framework')
export class FrameworkController {
  constructor(private readonly framework: FrameworkService) {}

  private async versioned(res: Response) {
    res.setHeader('X-Framework-Version', String((await this.framework.catalogue()).version));
  }

  /** The current framework catalogue version (it grows with every secretariat edit). */
  @Get('version')
  @Header('Cache-Control', 'no-cache')
  async version(): Promise<FrameworkVersionView> {
    return { version: await this.framework.currentVersion() };
  }

  /** The 23 GCM objectives with round table, themes (primary marked) and linked SG recommendations. */
  @Get('objectives')
  @Header('Cache-Control', CACHE)
  async objectives(@Res({ passthrough: true }) res: Response): Promise<ObjectiveView[]> {
    await this.versioned(res);
    return this.framework.objectives();
  }

  /** One GCM objective with its round table, themes and SG recommendations. */
  @Get('objectives/:number')
  @Header('Cache-Control', CACHE)
  objective(@Param('number', new ParamIntPipe('number', 999)) number: number): Promise<ObjectiveView> {
    return this.framework.objective(number);
  }

  /** The 10 guiding principles (a–j). */
  @Get('principles')
  @Header('Cache-Control', CACHE)
  principles(): Promise<PrincipleView[]> {
    return this.framework.principles();
  }

  /** One guiding principle, by letter (a–j). */
  @Get('principles/:key')
  @Header('Cache-Control', CACHE)
  principle(@Param('key', new ParamPatternPipe('key', /^[a-zA-Z]$/, 'a single letter')) key: string): Promise<PrincipleView> {
    return this.framework.principle(key);
  }

  /** The five ICMPD thematic objectives with their actionable commitments. */
  @Get('themes')
  @Header('Cache-Control', CACHE)
  themes(): Promise<ThemeView[]> {
    return this.framework.themes();
  }

  /** One ICMPD theme with its commitments and objectives, by number or code (T2). */
  @Get('themes/:key')
  @Header('Cache-Control', CACHE)
  theme(@Param('key', new ParamPatternPipe('key', /^(T|t)?\d{1,2}$/, 'a theme number or code such as T2')) key: string): Promise<ThemeView> {
    return this.framework.theme(key);
  }

  /** Every ICMPD actionable commitment, with its theme. */
  @Get('commitments')
  @Header('Cache-Control', CACHE)
  commitments(): Promise<CommitmentView[]> {
    return this.framework.commitments();
  }

  /** One ICMPD actionable commitment, by code (T2.C4). */
  @Get('commitments/:code')
  @Header('Cache-Control', CACHE)
  commitment(@Param('code', new ParamPatternPipe('code', /^[Tt]\d{1,2}\.[Cc]\d{1,3}$/, 'a code such as T2.C4')) code: string): Promise<CommitmentView> {
    return this.framework.commitment(code);
  }

  /** Secretary-General recommendations (A/76/642) with their considerations. */
  @Get('recommendations')
  @Header('Cache-Control', CACHE)
  recommendations(): Promise<RecommendationView[]> {
    return this.framework.recommendations();
  }

  /** One SG recommendation with its considerations, by paragraph. */
  @Get('recommendations/:paragraph')
  @Header('Cache-Control', CACHE)
  recommendation(@Param('paragraph', new ParamIntPipe('paragraph', 9999)) paragraph: number): Promise<RecommendationView> {
    return this.framework.recommendation(paragraph);
  }

  /** IMRF 2022 round tables and their objectives. */
  @Get('round-tables')
  @Header('Cache-Control', CACHE)
  roundTables(): Promise<RoundTableView[]> {
    return this.framework.roundTables();
  }

  /** One IMRF round table with its objectives, by code (RT2). */
  @Get('round-tables/:code')
  @Header('Cache-Control', CACHE)
  roundTable(@Param('code', new ParamPatternPipe('code', /^(RT|rt)?\d{1,2}$/, 'a code such as RT2')) code: string): Promise<RoundTableView> {
    return this.framework.roundTable(code);
  }

  /** UN Member and observer States, filterable by M49 region and sub-region. */
  @Get('countries')
  @Header('Cache-Control', CACHE)
  countries(@Query() query: CountryQueryDto): Promise<CountryView[]> {
    return this.framework.countries(query);
  }

  /** One State, by ISO alpha-3, alpha-2 or M49 code. */
  @Get('countries/:code')
  @Header('Cache-Control', CACHE)
  country(@Param('code', new ParamPatternPipe('code', /^([A-Za-z]{2,3}|\d{1,3})$/, 'an ISO alpha-2/alpha-3 or M49 code')) code: string): Promise<CountryView> {
    return this.framework.country(code);
  }
}
