import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ParamUuidPipe, Roles } from '@gcm/platform';
import { ReturnDto } from '@gcm/pledges';
import { UpdateQueueDto } from '../dto/progress-update.dto';
import { ValidateDto } from '../dto/validate.dto';
import { ProgressUpdateResponse, UpdateQueuePage } from '../reporting.view';
import { UpdateReviewService } from './update-review.service';

@ApiTags('review')
@Roles('secretariat')
@Controller('api/v1')
export class UpdateReviewController {
  constructor(private readonly review: UpdateReviewService) {}

  /** Submitted progress updates awaiting validation, oldest first; late ones flagged. */
  @Get('review/updates')
  queue(@Query() query: UpdateQueueDto): Promise<UpdateQueuePage> {
    return this.review.queue(query);
  }

  /** Validates: the update becomes public and the pledge takes the status of its latest validated update. */
  @Post('updates/:id/validate')
  @HttpCode(200)
  validate(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: ValidateDto, @Headers('if-match') ifMatch?: string): Promise<ProgressUpdateResponse> {
    return this.review.validate(user, id, dto, ifMatch);
  }

  /** Returns the update to its owner with a comment they will see. */
  @Post('updates/:id/return')
  @HttpCode(200)
  return(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: ReturnDto, @Headers('if-match') ifMatch?: string): Promise<ProgressUpdateResponse> {
    return this.review.return(user, id, dto, ifMatch);
  }
}
