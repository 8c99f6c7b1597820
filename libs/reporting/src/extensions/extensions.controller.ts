import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gcm/accounts';
import { ApiErrorResponses, ParamPatternPipe, ParamUuidPipe, Roles } from '@gcm/platform';
import { CYCLE_CODE } from '../dto/cycle.dto';
import { DeclineExtensionDto, ExtensionQueryDto, GrantExtensionDto, RequestExtensionDto } from '../dto/extension.dto';
import { ExtensionPage, ExtensionView } from './extension.view';
import { ExtensionsService } from './extensions.service';

@ApiTags('deadline extensions')
@Controller('api/v1')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  /** Asks for more time in an open cycle for the caller's organisation; a closed cycle answers 409 with the reason. */
  @Roles('focal_point')
  @Post('cycles/:code/extensions')
  @ApiErrorResponses({ 404: 'No such cycle', 409: 'The cycle is not open, or the organisation already has a live extension' })
  request(
    @CurrentUser() user: AuthUser,
    @Param('code', new ParamPatternPipe('code', CYCLE_CODE, 'a cycle code such as 2026-H1')) code: string,
    @Body() dto: RequestExtensionDto,
  ): Promise<ExtensionView> {
    return this.extensions.request(user, code, dto);
  }

  /** Extensions: all of them for the secretariat, the own organisation's for a focal point. */
  @Roles('secretariat', 'focal_point')
  @Get('extensions')
  list(@CurrentUser() user: AuthUser, @Query() query: ExtensionQueryDto): Promise<ExtensionPage> {
    return this.extensions.list(user, query);
  }

  /** Grants a requested extension with the organisation's new deadline; its late flags are re-derived. */
  @Roles('secretariat')
  @Post('extensions/:id/grant')
  @HttpCode(200)
  @ApiErrorResponses({ 404: 'No such extension', 409: 'Already decided, stale version, or the cycle is not open' })
  grant(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: GrantExtensionDto): Promise<ExtensionView> {
    return this.extensions.grant(user, id, dto);
  }

  /** Declines a requested extension, with the reason the focal point will read. */
  @Roles('secretariat')
  @Post('extensions/:id/decline')
  @HttpCode(200)
  @ApiErrorResponses({ 404: 'No such extension', 409: 'Already decided, stale version, or the cycle is not open' })
  decline(@CurrentUser() user: AuthUser, @Param('id', new ParamUuidPipe()) id: string, @Body() dto: DeclineExtensionDto): Promise<ExtensionView> {
    return this.extensions.decline(user, id, dto);
  }
}
