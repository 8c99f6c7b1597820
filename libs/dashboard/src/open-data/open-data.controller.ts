import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, Public } from '@gcm/platform';
import type { Request, Response } from 'express';
import { DatasetName } from './dataset';
import { PublicJsonResponder } from '../http/public-json.responder';
import { DataPackage, OpenDataDictionary } from './open-data.dto';
import { OpenDataService } from './open-data.service';
import { OpenDataFormat } from './open-data.writer';

/** A JSON array of records whose columns the dictionary documents (they differ per dataset). */
const JSON_RECORDS = {
  description: 'A JSON array of records with exactly the columns of the dictionary.',
  content: { 'application/json': { schema: { type: 'array' as const, items: { type: 'object' as const, additionalProperties: true } } } },
};

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * Bulk downloads of all public data, streamed. Each record keeps a stable id
 * (pledge reference, update id, practice code) so downloads can be compared
 * over time. The dictionary documents every column.
 */
@ApiTags('open-data')
@Public()
@Controller('api/v1/open-data')
export class OpenDataController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly responder: PublicJsonResponder,
  ) {}

  /**
   * Every file as a Frictionless Data Package, with the snapshot the files
   * are served from (`provenance`): the same as each download's
   * X-Snapshot-Id and X-Data-As-Of headers while nothing is published.
   */
  @Get('datapackage.json')
  @ApiOkResponse({ type: DataPackage })
  datapackage(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.responder.send(req, res, () => this.openData.datapackage());
  }

  /** Every column of every file: name, type and meaning, plus the file conventions. */
  @Get('dictionary')
  @ApiOkResponse({ type: OpenDataDictionary })
  dictionary(@Res({ passthrough: true }) res: Response): OpenDataDictionary {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    return this.openData.dictionary();
  }

  /** Published pledges (withdrawn ones with their reason), one row per pledge, by reference. */
  @Get('pledges.csv')
  @ApiFileResponse('CSV with a header row; columns as in the dictionary.', ['text/csv'])
  pledgesCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('pledges', 'csv', req, res);
  }

  /** Published pledges as a JSON array with the dictionary's columns. */
  @Get('pledges.json')
  @ApiOkResponse(JSON_RECORDS)
  pledgesJson(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('pledges', 'json', req, res);
  }

  /** Validated progress updates of published pledges, one row per update. */
  @Get('updates.csv')
  @ApiFileResponse('CSV with a header row; columns as in the dictionary.', ['text/csv'])
  updatesCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('updates', 'csv', req, res);
  }

  /** Validated progress updates as a JSON array. */
  @Get('updates.json')
  @ApiOkResponse(JSON_RECORDS)
  updatesJson(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('updates', 'json', req, res);
  }

  /** The innovative practice cards; contacts only where made public. */
  @Get('practices.csv')
  @ApiFileResponse('CSV with a header row; columns as in the dictionary.', ['text/csv'])
  practicesCsv(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('practices', 'csv', req, res);
  }

  /** The practice cards as a JSON array. */
  @Get('practices.json')
  @ApiOkResponse(JSON_RECORDS)
  practicesJson(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.download('practices', 'json', req, res);
  }

  private async download(name: DatasetName, format: OpenDataFormat, req: Request, res: Response): Promise<void> {
    const provenance = await this.openData.provenance();
    res.setHeader('ETag', this.openData.etag(name, format, provenance));
    // The snapshot the file is read from, where a CSV parser never sees it (the JSON array stays an array).
    res.setHeader('X-Snapshot-Id', provenance.snapshotId);
    res.setHeader('X-Data-As-Of', provenance.dataAsOf);
    res.setHeader('Link', '</api/v1/open-data/datapackage.json>; rel="describedby"; type="application/json"');
    res.setHeader('Cache-Control', 'public, max-age=300');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="gcm-tracker-${name}.${format}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await this.openData.stream(name, format, res);
  }
}
