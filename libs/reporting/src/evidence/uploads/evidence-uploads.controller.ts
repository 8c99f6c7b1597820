import { Controller, Delete, Head, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ParamUuidPipe, RawBody, Roles } from '@gcm/platform';
import { EvidenceUploadsService, UploadRequest } from './evidence-uploads.service';

const TUS = { name: 'Tus-Resumable', required: true, description: 'The tus protocol version: 1.0.0', schema: { type: 'string', enum: ['1.0.0'] } };
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Resumable evidence uploads, the tus 1.0 protocol (core, creation, termination,
 * expiration): create with POST, send the bytes with PATCH from the offset a HEAD
 * answers, again after a dropped connection, on any API replica. When the last
 * byte arrives the file is checked and attached as a one-request upload is.
 */
@ApiTags('progress updates')
@Roles('focal_point')
@Controller('api/v1/updates/:id/evidence/uploads')
export class EvidenceUploadsController {
  constructor(private readonly uploads: EvidenceUploadsService) {}

  private async pass(user: AuthUser, updateId: string, uploadId: string | undefined, req: UploadRequest, res: ServerResponse): Promise<void> {
    // Checked before @tus/server sees the request, on every request.
    if (uploadId !== undefined && !UPLOAD_ID.test(uploadId)) uploadId = '-';
    await this.uploads.authorise(user, updateId, uploadId);
    req.tusUser = user;
    req.tusUpdateId = updateId;
    req.tusUploadId = uploadId;
    await this.uploads.handle(req, res);
  }

  /** Starts an upload. Upload-Length ≤ EVIDENCE_MAX_BYTES (else 413); Upload-Metadata carries filename, filetype and title (base64), checked against the accepted types (else 400). */
  @Post()
  @ApiHeader(TUS)
  @ApiHeader({ name: 'Upload-Length', required: true, description: 'Size of the file in bytes', schema: { type: 'integer' } })
  @ApiHeader({ name: 'Upload-Metadata', required: true, description: 'tus metadata: `filename <b64>,filetype <b64>,title <b64>`', schema: { type: 'string' } })
  @ApiResponse({
    status: 201,
    description: 'Created, no body.',
    headers: {
      Location: { description: 'The upload\'s URL (relative): HEAD, PATCH and DELETE it', schema: { type: 'string' } },
      'Upload-Expires': { description: 'When the unfinished upload lapses (EVIDENCE_UPLOAD_EXPIRY_HOURS)', schema: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 400, description: 'Metadata missing, or a type or name that is not accepted.' })
  @ApiResponse({ status: 404, description: 'No such update, or not one the caller may edit.' })
  @ApiResponse({ status: 409, description: 'The update cannot take evidence now (submitted, cycle closed).' })
  @ApiResponse({ status: 413, description: 'Upload-Length above EVIDENCE_MAX_BYTES.' })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Req() req: UploadRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    return this.pass(user, id, undefined, req, res);
  }

  /** How much of the upload is stored: Upload-Offset and Upload-Length. Resume with a PATCH from that offset. */
  @Head(':uploadId')
  @ApiHeader(TUS)
  @ApiResponse({
    status: 200,
    description: 'No body; Cache-Control: no-store.',
    headers: {
      'Upload-Offset': { description: 'Bytes stored so far', schema: { type: 'integer' } },
      'Upload-Length': { description: 'Size declared at creation', schema: { type: 'integer' } },
    },
  })
  @ApiResponse({ status: 404, description: 'No such upload for this caller and update, or it expired.' })
  offset(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: UploadRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    return this.pass(user, id, uploadId, req, res);
  }

  /** Appends bytes (Content-Type: application/offset+octet-stream) at Upload-Offset. The last byte attaches the file after the evidence checks. */
  @Patch(':uploadId')
  @RawBody('application/offset+octet-stream')
  @ApiHeader(TUS)
  @ApiHeader({ name: 'Upload-Offset', required: true, description: 'Where these bytes start: the offset HEAD answered', schema: { type: 'integer' } })
  @ApiResponse({ status: 204, description: 'Stored; Upload-Offset is the new offset.' })
  @ApiResponse({ status: 400, description: 'The finished file failed the evidence checks (content not of its type, empty …); nothing attached, the upload deleted.' })
  @ApiResponse({ status: 404, description: 'No such upload for this caller and update, or it expired.' })
  @ApiResponse({ status: 409, description: 'Upload-Offset is not the stored offset, or the update cannot take evidence now.' })
  @ApiResponse({ status: 423, description: 'Another request is writing to this upload; retry.' })
  append(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: UploadRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    return this.pass(user, id, uploadId, req, res);
  }

  /** Cancels an upload and deletes what it stored. */
  @Delete(':uploadId')
  @ApiHeader(TUS)
  @ApiResponse({ status: 204, description: 'Cancelled.' })
  @ApiResponse({ status: 404, description: 'No such upload for this caller and update.' })
  @ApiResponse({ status: 423, description: 'Another request is writing to this upload; retry.' })
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParamUuidPipe()) id: string,
    @Param('uploadId') uploadId: string,
    @Req() req: UploadRequest,
    @Res() res: ServerResponse,
  ): Promise<void> {
    return this.pass(user, id, uploadId, req, res);
  }
}
