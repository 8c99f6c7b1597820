import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, ApiFileResponse, ParamPatternPipe, ParamUuidPipe, Roles, sendVersion } from '@gcm/platform';
import type { Response } from 'express';
import { REPORT_FORMATS, ReportFormat } from '../renderers/render-report';
import { CarryForwardDto, SaveEditorialDto } from './editorial.dto';
import { EditorialRevisionPage, ReportEditorialView } from './editorial.view';
import { ReportEditorialService } from './report-editorial.service';

const FORMAT_PIPE = new ParamPatternPipe('format', new RegExp(`^(${REPORT_FORMATS.join('|')})$`), REPORT_FORMATS.join(', '));
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** The secretariat's editorial desk for one report version: write, preview, carry forward (publishing is on the version). */
@ApiTags('reports (secretariat)')
@Roles('secretariat')
@Controller('api/v1/reports/versions/:versionId/editorial')
export class ReportEditorialController {
  constructor(private readonly editorial: ReportEditorialService) {}

  /** The introduction and the commentary of every section, with an offer to carry forward an earlier version's text. `ETag` is the version. */
  @Get()
  async get(@Param('versionId', new ParamUuidPipe('versionId')) id: string, @Res({ passthrough: true }) res: Response): Promise<ReportEditorialView> {
    const view = await this.editorial.get(id);
    sendVersion(res, view);
    // The ETag names the text's version, which publishing does not change: a revalidated copy would hide that it is frozen.
    res.setHeader('Cache-Control', 'private, no-store');
    return view;
  }

  /**
   * Saves the text (sanitised: no script, no image, links http/https only) as
   * a new revision. Needs If-Match (or `version`; 0 for the first save): 409
   * when someone saved in between; 409 once the version is published.
   */
  @Put()
  @ApiErrorResponses({ 409: 'Saved by someone else in between, or the version is published' })
  async save(
    @Param('versionId', new ParamUuidPipe('versionId')) id: string,
    @Body() dto: SaveEditorialDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportEditorialView> {
    const view = await this.editorial.save(id, dto, ifMatch, user.id);
    sendVersion(res, view);
    return view;
  }

  /** Copies the editorial text of an earlier version of the same report (a rebuild) as a new revision of this one. */
  @Post('carry-forward')
  @HttpCode(200)
  @ApiErrorResponses({ 409: 'Saved by someone else in between, or the version is published' })
  async carryForward(
    @Param('versionId', new ParamUuidPipe('versionId')) id: string,
    @Body() dto: CarryForwardDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportEditorialView> {
    const view = await this.editorial.carryForward(id, dto, ifMatch, user.id);
    sendVersion(res, view);
    return view;
  }

  /** Every saved revision, newest first. */
  @Get('revisions')
  revisions(@Param('versionId', new ParamUuidPipe('versionId')) id: string): Promise<EditorialRevisionPage> {
    return this.editorial.revisions(id);
  }

  /** The edition as it would be published with the current text, in one format (never stored). */
  @Get('preview.:format')
  @ApiFileResponse('The edition rendered with the current editorial text.', ['application/json', 'text/html', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
  async preview(
    @Param('versionId', new ParamUuidPipe('versionId')) id: string,
    @Param('format', FORMAT_PIPE) format: ReportFormat,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.editorial.preview(id, format);
    res.setHeader('Cache-Control', 'private, no-store');
    if (format === 'html') res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `${format === 'html' ? 'inline' : 'attachment'}; filename="preview-${id}.${file.extension}"`,
    });
  }
}
