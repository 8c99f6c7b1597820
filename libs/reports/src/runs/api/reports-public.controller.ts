import { Controller, Get, Header, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiFileResponse, LOCALES, OptionalAuth, ParamIntPipe, ParamPatternPipe, ParamUuidPipe } from '@gcm/platform';
import { REPORT_KINDS } from '../../model/report-kind.types';
import type { Request, Response } from 'express';
import { REPORT_FORMATS, ReportFormat } from '../../renderers/render-report';
import { PublicReportQueryDto } from '../dto/report-query.dto';
import { ReportCitationView, ReportVersionPage, ReportVersionView } from '../report.view';
import { ReportVersionsService } from '../report-versions.service';

const FORMAT_PIPE = new ParamPatternPipe('format', new RegExp(`^(${REPORT_FORMATS.join('|')})$`), REPORT_FORMATS.join(', '));

/**
 * Published reports for everyone. A signed-in secretariat user may also read
 * and download unpublished versions; to anyone else they do not exist (404).
 */
/**
 * The HTML edition is a static document: its own <style> and style attributes
 * (the bars), no script, no outside resource, not framed, no form.
 */
const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

@ApiTags('reports')
@OptionalAuth()
@Controller('api/v1/reports')
export class ReportsPublicController {
  constructor(private readonly versions: ReportVersionsService) {}

  /**
   * Published report versions, newest first, with a download link per format
   * and the languages each report exists in (`languages`, a version per
   * language); `language` lists one language's editions only.
   */
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query() q: PublicReportQueryDto): Promise<ReportVersionPage> {
    return this.versions.list(q, true);
  }

  /**
   * An edition at its permanent address: kind, scope, cycles (`2026-H1`, or
   * `2025-H2+2026-H1`), language and version number. The same answer as the
   * version by id.
   */
  @Get('editions/:kind/:scope/:cycleKey/:language/:number')
  edition(
    @Param('kind', new ParamPatternPipe('kind', new RegExp(`^(${REPORT_KINDS.join('|')})$`), REPORT_KINDS.join(', '))) kind: string,
    @Param('scope', new ParamPatternPipe('scope', /^[A-Za-z0-9_-]{1,40}$/, 'a report scope such as FRA, 8, T2, RT2 or global')) scope: string,
    @Param('cycleKey', new ParamPatternPipe('cycleKey', /^\d{4}-[A-Za-z0-9]{1,8}(\+\d{4}-[A-Za-z0-9]{1,8}){0,19}$/, 'cycle codes joined by +, such as 2026-H1')) cycleKey: string,
    @Param('language', new ParamPatternPipe('language', new RegExp(`^(${LOCALES.join('|')})$`), LOCALES.join(', '))) language: string,
    @Param('number', new ParamIntPipe('number')) number: number,
    @CurrentUser() user?: AuthUser,
  ): Promise<ReportVersionView> {
    return this.versions.edition(kind, scope, cycleKey, language, number, user?.role === 'secretariat');
  }

  /** "Cite this": a suggested citation in the edition's language, CSL-JSON and BibTeX, each naming the data snapshot. */
  @Get(':versionId/cite')
  cite(@Param('versionId', new ParamUuidPipe('versionId')) id: string, @CurrentUser() user?: AuthUser): Promise<ReportCitationView> {
    return this.versions.cite(id, user?.role === 'secretariat');
  }

  /** The BibTeX entry alone, as a .bib file. */
  @Get(':versionId/cite.bib')
  @ApiFileResponse('A BibTeX @techreport entry.', ['application/x-bibtex'])
  async citeBib(@Param('versionId', new ParamUuidPipe('versionId')) id: string, @CurrentUser() user?: AuthUser): Promise<StreamableFile> {
    const { bibtex } = await this.versions.cite(id, user?.role === 'secretariat');
    const bytes = Buffer.from(`${bibtex}\n`, 'utf8');
    return new StreamableFile(bytes, { type: 'application/x-bibtex; charset=utf-8', length: bytes.length, disposition: `attachment; filename="gcm-report-${id}.bib"` });
  }

  /** One report version with its download links (unpublished: secretariat only). */
  @Get(':versionId')
  get(@Param('versionId', new ParamUuidPipe('versionId')) id: string, @CurrentUser() user?: AuthUser): Promise<ReportVersionView> {
    return this.versions.get(id, user?.role === 'secretariat');
  }

  /** One format of a version: json, html, pdf, csv (data annex) or xlsx (data annex). */
  @Get(':versionId/download.:format')
  @ApiFileResponse('The rendered file; `ETag` is its SHA-256.', ['application/json', 'text/html', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
  async download(
    @Param('versionId', new ParamUuidPipe('versionId')) id: string,
    @Param('format', FORMAT_PIPE) format: ReportFormat,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user?: AuthUser,
  ): Promise<StreamableFile | undefined> {
    const file = await this.versions.download(id, format, user?.role === 'secretariat');
    const etag = `"${file.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Content-Language', file.language);
    res.setHeader('Cache-Control', file.published ? 'public, max-age=3600, immutable' : 'private, no-store');
    if (req.headers['if-none-match'] === etag) {
      res.status(304);
      return undefined;
    }
    // The HTML edition is read in the browser; the others are files to save.
    const inline = format === 'html';
    if (inline) res.setHeader('Content-Security-Policy', REPORT_HTML_CSP);
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `${inline ? 'inline' : 'attachment'}; filename="${file.filename}"`,
    });
  }
}
