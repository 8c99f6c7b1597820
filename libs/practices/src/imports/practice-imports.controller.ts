import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamUuidPipe, Roles } from '@gcm/platform';
import { PracticeImportPage, PracticeImportsQueryDto, PracticeImportView } from './practice-import.dto';
import { PracticeImportsService } from './practice-imports.service';

/**
 * Secretariat: the practices import runs and their warnings (e.g. the report's
 * session 1.1 quoting objective 4 under objective 5's title), which otherwise
 * reach only the server log.
 */
@ApiTags('practices')
@Roles('secretariat')
@Controller('api/v1/practices/imports')
export class PracticeImportsController {
  constructor(private readonly imports: PracticeImportsService) {}

  /** Import runs, newest first, with how many warnings each raised. */
  @Get()
  @Header('Cache-Control', 'private, no-store')
  list(@Query() query: PracticeImportsQueryDto): Promise<PracticeImportPage> {
    return this.imports.list(query);
  }

  /** The newest import run with its warnings; 404 before the first import. */
  @Get('latest')
  @Header('Cache-Control', 'private, no-store')
  latest(): Promise<PracticeImportView> {
    return this.imports.latest();
  }

  /** One import run with its warnings. */
  @Get(':id')
  @Header('Cache-Control', 'private, no-store')
  get(@Param('id', new ParamUuidPipe()) id: string): Promise<PracticeImportView> {
    return this.imports.get(id);
  }
}
