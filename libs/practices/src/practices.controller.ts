import { Body, Controller, Get, Header, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamPatternPipe, Public, Roles } from '@gcm/platform';
import { PracticeAdminService } from './admin/practice-admin.service';
import { PracticeContactPatchDto, PracticeContactView } from './dto/practice-contact.dto';
import { PracticeQueryDto } from './dto/practice-query.dto';
import { PracticePage, PracticeSessionView, PracticeView } from './practice.view';
import { PracticesService } from './practices.service';

const codePipe = () => new ParamPatternPipe('code', /^\d{1,2}\.\d{1,2}\.\d{1,3}$/, 'a practice number such as 2.1.9');

@ApiTags('practices')
@Public()
@Controller('api/v1/practices')
export class PracticesController {
  constructor(
    private readonly practices: PracticesService,
    private readonly admin: PracticeAdminService,
  ) {}

  /** Search and filter the innovative practices (IDM 2022, Red Book No. 33). */
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query() query: PracticeQueryDto): Promise<PracticePage> {
    return this.practices.list(query);
  }

  /** The 7 dialogue sessions with the GCM objectives each quotes. */
  @Get('sessions')
  @Header('Cache-Control', 'public, max-age=300')
  sessions(): Promise<PracticeSessionView[]> {
    return this.practices.sessions();
  }

  /** One practice card by number (2.1.9); the contact only when public. */
  @Get(':code')
  @Header('Cache-Control', 'public, max-age=60')
  get(@Param('code', codePipe()) code: string): Promise<PracticeView> {
    return this.practices.get(code);
  }

  /** Secretariat: the card's contact (public or not), its visibility flag and version. */
  @Get(':code/contact')
  @Roles('secretariat')
  @Header('Cache-Control', 'private, no-store')
  contact(@Param('code', codePipe()) code: string): Promise<PracticeContactView> {
    return this.admin.contact(code);
  }

  /** Secretariat: show or hide the card's contact to the public. Audited; a stale `version` gets 409. */
  @Patch(':code')
  @Roles('secretariat')
  update(@Param('code', codePipe()) code: string, @Body() dto: PracticeContactPatchDto): Promise<PracticeContactView> {
    return this.admin.setContactPublic(code, dto);
  }
}
