import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamPatternPipe, Public } from '@gcm/platform';
import { PracticeQueryDto } from './dto/practice-query.dto';
import { PracticesService } from './practices.service';

@ApiTags('practices')
@Public()
@Controller('api/v1/practices')
export class PracticesController {
  constructor(private readonly practices: PracticesService) {}

  /** Search and filter the innovative practices (IDM 2022, Red Book No. 33). */
  @Get()
  @Header('Cache-Control', 'public, max-age=60')
  list(@Query() query: PracticeQueryDto) {
    return this.practices.list(query);
  }

  /** The 7 dialogue sessions with the GCM objectives each quotes. */
  @Get('sessions')
  @Header('Cache-Control', 'public, max-age=300')
  sessions() {
    return this.practices.sessions();
  }

  @Get(':code')
  @Header('Cache-Control', 'public, max-age=60')
  get(@Param('code', new ParamPatternPipe('code', /^\d{1,2}\.\d{1,2}\.\d{1,3}$/, 'a practice number such as 2.1.9')) code: string) {
    return this.practices.get(code);
  }
}
