import { Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, ParamUuidPipe, Roles } from '@gcm/platform';
import { PledgeImportService, UploadedSheet } from './pledge-import.service';
import { PledgeImportResult } from './pledge-import.view';

/** Beyond 5 MB, one file and two parts, multer answers 413. */
const upload = FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 2 } });

@ApiTags('pledges')
@Controller('api/v1/organisations/:id/pledges')
export class PledgeImportController {
  constructor(private readonly imports: PledgeImportService) {}

  /** Bulk import of an organisation's pledges as drafts (CSV, or the "Pledges" sheet of an XLSX): every cell checked, all or nothing; the same file twice changes nothing. */
  @Roles('secretariat')
  @Post('import')
  @HttpCode(200)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'A .csv or .xlsx file' } } } })
  @ApiErrorResponses({ 400: 'The report: `details.issues` lists each problem by sheet, row, column and heading; nothing was written', 404: 'No such organisation' })
  import(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @UploadedFile() file: UploadedSheet | undefined): Promise<PledgeImportResult> {
    return this.imports.import(user, id, file);
  }
}
