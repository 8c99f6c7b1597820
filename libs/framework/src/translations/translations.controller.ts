import { Body, Controller, Get, Header, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiFileResponse, DomainError, ErrorCode, Roles } from '@gcm/platform';
import { TranslationImportDto } from '../dto/translation-import.dto';
import { FrameworkEditService } from '../edit/framework-edit.service';
import { FrameworkService } from '../framework.service';
import { TranslationImportView } from '../framework.view';
import { sourceTexts } from '../i18n/catalogue-i18n';
import { exportWorkbook, parseWorkbook, XLSX_TYPE } from './translation-workbook';

/** Workbooks are small (a few hundred texts); 5 MB is ample and bounds what is parsed. */
const upload = FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });

/** Catalogue translations by workbook (secretariat): export the English source, import the filled workbook. */
@ApiTags('framework')
@Roles('secretariat')
@Controller('api/v1/framework/translations')
export class TranslationsController {
  constructor(
    private readonly framework: FrameworkService,
    private readonly edits: FrameworkEditService,
  ) {}

  /** The English source of every catalogue text as XLSX, one column per language, filled with today's translations. */
  @Get('workbook')
  @Header('Content-Type', XLSX_TYPE)
  @Header('Content-Disposition', 'attachment; filename="gcm-catalogue-translations.xlsx"')
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse('The translation workbook (sheet Translations: kind, code, field, en, ar, zh, fr, ru, es)', [XLSX_TYPE])
  async exportWorkbook(): Promise<StreamableFile> {
    const { snapshot, version } = await this.framework.catalogue();
    const bytes = await exportWorkbook(sourceTexts(snapshot), snapshot.translations ?? []);
    return new StreamableFile(bytes, { type: XLSX_TYPE, disposition: `attachment; filename="gcm-catalogue-translations-v${version}.xlsx"` });
  }

  /**
   * Imports a filled workbook: checked cell by cell first (unknown language column, extra or missing key,
   * changed English, placeholders that differ); any problem answers 400 with one `details` entry per cell
   * (`field` is the cell, e.g. `F12`) and writes nothing. Otherwise a new framework version, audited.
   */
  @Post('workbook')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        source: { type: 'string', enum: ['official', 'unofficial'] },
        frameworkVersion: { type: 'integer' },
        note: { type: 'string' },
      },
    },
  })
  @ApiErrorResponses({ 409: '`version_conflict`: the catalogue changed since `frameworkVersion`' })
  async importWorkbook(@UploadedFile() file: { buffer?: Buffer } | undefined, @Body() dto: TranslationImportDto): Promise<TranslationImportView> {
    if (!file?.buffer?.length) throw DomainError.invalid('file', 'attach the filled workbook as the form field file');
    const source = dto.source ?? 'official';
    const { snapshot } = await this.framework.catalogue();
    const parsed = await parseWorkbook(file.buffer, sourceTexts(snapshot), source);
    if (parsed.errors.length) {
      throw new DomainError(ErrorCode.ValidationFailed, `The workbook has ${parsed.errors.length} problem(s); nothing was written`, parsed.errors);
    }
    return this.edits.importTranslations(parsed.rows, source, dto.frameworkVersion, dto.note);
  }
}
