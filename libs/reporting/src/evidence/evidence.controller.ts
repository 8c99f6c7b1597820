import {
  Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Res, StreamableFile, UploadedFile as File, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiFileResponse, OptionalAuth, ParamUuidPipe, Roles } from '@gcm/platform';
import { EVIDENCE_TYPES } from '../domain/evidence-file';
import type { Response } from 'express';
import { attachmentDisposition } from '../domain/evidence-file';
import { UploadEvidenceDto } from '../dto/progress-update.dto';
import { EvidenceView } from '../reporting.view';
import { EvidenceService, UploadedFile } from './evidence.service';

/** Size and part limits come from ReportingHttpModule's MulterModule (EVIDENCE_MAX_BYTES): beyond them, 413. */
const upload = FileInterceptor('file');

@ApiTags('progress updates')
@Controller('api/v1/updates/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** Uploads an evidence file (PDF, PNG, JPEG, DOCX, XLSX, CSV or TXT; 10 MB by default); answers with its SHA-256. Honours Idempotency-Key. */
  @Roles('focal_point')
  @Post('files')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'title'],
      properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string' }, version: { type: 'integer' } },
    },
  })
  uploadFile(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @File() file: UploadedFile | undefined,
    @Body() dto: UploadEvidenceDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<EvidenceView> {
    return this.evidence.upload(user, id, file, dto, ifMatch, key);
  }

  /** Removes an evidence item from a draft or returned update. */
  @Roles('focal_point')
  @Delete(':evidenceId')
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Param('evidenceId', new ParamUuidPipe('evidenceId')) evidenceId: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.evidence.remove(user, id, evidenceId, ifMatch);
  }

  /** The file itself; public once the update is validated. X-Content-SHA256 carries its hash. */
  @OptionalAuth()
  @Get(':evidenceId/file')
  @ApiFileResponse('The file as uploaded, in its checked media type.', Object.keys(EVIDENCE_TYPES))
  async download(
    @CurrentUser() user: AuthUser | undefined,
    @Param('id', new ParamUuidPipe()) id: string,
    @Param('evidenceId', new ParamUuidPipe('evidenceId')) evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidence.download(user, id, evidenceId);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('Cache-Control', 'private, max-age=0');
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: attachmentDisposition(file.fileName),
      length: file.content.length,
    });
  }
}
