import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@gcm/platform';
import { AuditQueryDto } from '../dto/audit-query.dto';
import { AuditPage } from '../accounts.view';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Roles('secretariat')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  /** The append-only audit log, newest first; pass `nextCursor` back as `cursor` for the next page. */
  @Get()
  @Header('Cache-Control', 'no-store')
  page(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.page(query);
  }
}
