import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiFileResponse, OptionalAuth, Public, sendVersion } from '@gcm/platform';
import type { Response } from 'express';
import { ExportQueryDto, PledgeQueryDto, PledgersQueryDto, PledgeUpdatesQueryDto } from '../dto/pledge-query.dto';
import { pledgeKeyPipe } from '../pledge-params';
import { PledgeWorkspaceService } from '../workspace/pledge-workspace.service';
import { PledgeExportService } from './pledge-export.service';
import { PledgePublicService } from './pledge-public.service';
import { PublicCountedUpdatePage, PublicPledgeDetail, PublicPledgePage, PublicPledgerPage } from './public-pledge.view';
import { PledgeWorkspaceResponse } from '../workspace/pledge-workspace-response.view';

const exportHeaders = (res: Response, type: string, ext: string) => (total: number) => {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="gcm-pledges.${ext}"`);
  res.setHeader('X-Total-Count', String(total));
  res.setHeader('Cache-Control', 'public, max-age=60');
};

@ApiTags('pledges')
@Controller('api/v1/pledges')
export class PledgesPublicController {
  constructor(
    private readonly pledges: PledgePublicService,
    private readonly exports: PledgeExportService,
    private readonly workspace: PledgeWorkspaceService,
  ) {}

  /** Published (and withdrawn) pledges, filtered, searched, sorted and paginated (limit ≤ 100). */
  @Public()
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query() query: PledgeQueryDto): Promise<PublicPledgePage> {
    return this.pledges.list(query);
  }

  /**
   * The lead organisations of the pledges the list's filters select, by name, each with how many of
   * them it leads: with pledgerKind=state and a cycle population (cycle or cycles, reported), the States
   * a report counts as "States with pledges" (reported=owed) or "reporting States" (reported=counted).
   */
  @Public()
  @Get('pledgers')
  @Header('Cache-Control', 'public, max-age=60')
  pledgers(@Query() query: PledgersQueryDto): Promise<PublicPledgerPage> {
    return this.pledges.pledgers(query);
  }

  /**
   * The progress updates a report counts, of the pledges the list's filters select, in the cycle (or
   * cycles): reported=counted (default; submitted or validated), validated or late. A submitted update
   * is listed as counted with no content; only validated ones show their status and percent.
   */
  @Public()
  @Get('updates')
  @Header('Cache-Control', 'public, max-age=60')
  updates(@Query() query: PledgeUpdatesQueryDto): Promise<PublicCountedUpdatePage> {
    return this.pledges.updates(query);
  }

  /** The same rows as the list with the same filters and order, as CSV (all matching rows up to 10,000 unless limit is given). */
  @Public()
  @Get('export.csv')
  @ApiFileResponse('The pledges as CSV; `X-Total-Count` is the number of rows.', ['text/csv'])
  async exportCsv(@Query() query: ExportQueryDto, @Res() res: Response): Promise<void> {
    await this.exports.csv(query, res, exportHeaders(res, 'text/csv; charset=utf-8', 'csv'));
  }

  /** The same rows as the list, as an Excel workbook. */
  @Public()
  @Get('export.xlsx')
  @ApiFileResponse('The pledges as an Excel workbook.', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
  async exportXlsx(@Query() query: ExportQueryDto, @Res() res: Response): Promise<void> {
    await this.exports.xlsx(query, res, exportHeaders(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'));
  }

  /**
   * One pledge, by public reference or by id.
   *
   * By reference: the published record with its timeline of validated progress
   * updates. By id: the same, except that the owner organisation and the
   * secretariat get the working copy (drafts, reviews, contact) instead.
   */
  @OptionalAuth()
  @Get(':id')
  @ApiExtraModels(PublicPledgeDetail, PledgeWorkspaceResponse)
  @ApiOkResponse({
    description: 'The published record (PublicPledgeDetail), or for its owner and the secretariat by id the working copy (PledgeWorkspaceResponse).',
    schema: { oneOf: [{ $ref: getSchemaPath(PublicPledgeDetail) }, { $ref: getSchemaPath(PledgeWorkspaceResponse) }] },
  })
  async get(@Param('id', pledgeKeyPipe()) key: string, @CurrentUser() user: AuthUser | undefined, @Res({ passthrough: true }) res: Response): Promise<PublicPledgeDetail | PledgeWorkspaceResponse> {
    const byReference = key.toUpperCase().startsWith('GCM-P-');
    if (byReference) {
      res.setHeader('Cache-Control', 'public, max-age=60');
      return this.pledges.detail(key.toUpperCase());
    }
    // The same URL answers the owner and the public differently: never from a shared cache.
    res.setHeader('Vary', 'Authorization');
    res.setHeader('Cache-Control', 'private, no-cache');
    const own = await this.workspace.view(user, key);
    if (own) {
      sendVersion(res, own);
      return own;
    }
    return this.pledges.detail(key);
  }
}
