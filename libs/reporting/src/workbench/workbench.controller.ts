import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, ApiFileResponse, ParamPatternPipe, Roles, sendReplayed } from '@gcm/platform';
import type { Response } from 'express';
import { CYCLE_CODE } from '../dto/cycle.dto';
import { WorkbookUploadQueryDto } from '../workbook/workbook.dto';
import { UploadedWorkbook, WorkbookService } from '../workbook/workbook.service';
import { WorkbookImportResult } from '../workbook/workbook.view';
import { BulkNoChangeDto } from './workbench.dto';
import { WorkbenchService } from './workbench.service';
import { BulkNoChangeResult, WorkbenchView } from './workbench.view';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const codePipe = () => new ParamPatternPipe('code', CYCLE_CODE, 'a cycle code such as 2026-H1');
/** Size and part limits come from ReportingHttpModule's MulterModule: beyond them, 413. */
const upload = FileInterceptor('file');
const FILE_BODY: ApiBodyOptions = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The filled cycle workbook (.xlsx)' } } },
};
const REPORT = 'The report: `details.issues` lists each problem by sheet, row, column and heading, in words; nothing was written';

/** The signed-in focal point's organisation, one cycle at a time: the workbench and the offline workbook. */
@ApiTags('cycle workbench')
@Controller('api/v1/workspace/cycles/:code')
export class WorkbenchController {
  constructor(
    private readonly workbench: WorkbenchService,
    private readonly workbook: WorkbookService,
  ) {}

  /** Every pledge of the organisation owing the cycle an update, last cycle's values beside this cycle's, its state and the days to the deadline. */
  @Roles('focal_point')
  @Get()
  @Header('Cache-Control', 'private, no-cache')
  view(@CurrentUser() user: AuthUser, @Param('code', codePipe()) code: string): Promise<WorkbenchView> {
    return this.workbench.view(user, code);
  }

  /** "No change since last cycle" for several pledges in one action: each becomes its own submitted, reconfirmed, audited update; all or none. Honours Idempotency-Key. */
  @Roles('focal_point')
  @Post('no-change')
  @HttpCode(200)
  async noChange(
    @CurrentUser() user: AuthUser,
    @Param('code', codePipe()) code: string,
    @Body() dto: BulkNoChangeDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BulkNoChangeResult> {
    const { value, replayed } = await this.workbench.noChange(user, code, dto, key);
    sendReplayed(res, replayed);
    return value;
  }

  /** The cycle as a workbook to fill offline: instructions, pledges, measurements, evidence links; last cycle's values filled in. */
  @Roles('focal_point')
  @Get('workbook.xlsx')
  @ApiFileResponse('The cycle workbook.', [XLSX])
  async download(@CurrentUser() user: AuthUser, @Param('code', codePipe()) code: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, fileName } = await this.workbook.download(user, code);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file, { type: XLSX, disposition: `attachment; filename="${fileName}"`, length: file.length });
  }

  /** Imports a filled workbook: every cell checked first, all or nothing; updates become drafts (or submitted with `submit=true`). The same file twice changes nothing. */
  @Roles('focal_point')
  @Post('workbook')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiErrorResponses({ 400: REPORT, 403: 'A workbook of another organisation', 409: 'Stale rows (`version_conflict`, listed in `details.issues`), or the cycle is not open' })
  import(
    @CurrentUser() user: AuthUser,
    @Param('code', codePipe()) code: string,
    @Query() query: WorkbookUploadQueryDto,
    @UploadedFile() file: UploadedWorkbook | undefined,
  ): Promise<WorkbookImportResult> {
    return this.workbook.import(user, code, file, query.submit ?? false);
  }

  /** The same check as the import, answered as the uploaded workbook with each problem noted on its cell and a Problems sheet. Writes nothing. */
  @Roles('focal_point')
  @Post('workbook/annotated')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiFileResponse('The annotated workbook.', [XLSX])
  @ApiErrorResponses({ 403: 'A workbook of another organisation' })
  async annotated(
    @CurrentUser() user: AuthUser,
    @Param('code', codePipe()) code: string,
    @UploadedFile() file: UploadedWorkbook | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const out = await this.workbook.annotated(user, code, file);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(out, { type: XLSX, disposition: `attachment; filename="gcm-${code}-problems.xlsx"`, length: out.length });
  }
}
