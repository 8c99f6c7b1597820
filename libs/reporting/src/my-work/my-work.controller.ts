import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { Roles } from '@gcm/platform';
import { MyWorkService } from './my-work.service';
import { MyWorkView } from './my-work.view';

@ApiTags('my work')
@Controller('api/v1/my/work')
export class MyWorkController {
  constructor(private readonly work: MyWorkService) {}

  /** What is due in the open cycle(s) with deadlines and days left, and what the secretariat returned with its comments. */
  @Roles('focal_point')
  @Get()
  @Header('Cache-Control', 'private, no-cache')
  get(@CurrentUser() user: AuthUser): Promise<MyWorkView> {
    return this.work.work(user);
  }
}
