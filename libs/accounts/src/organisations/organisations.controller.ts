import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, Authenticated, OptionalAuth, ParamUuidPipe, Roles } from '@gcm/platform';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import {
  CreateOrganisationDto, OrganisationQueryDto, UpdateOrganisationDto, UpdateOwnOrganisationDto,
} from '../dto/organisation.dto';
import { OrganisationPage, OrganisationView } from '../accounts.view';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** The directory of pledging organisations: every State plus stakeholders. Contact e-mails only for the secretariat. */
  @OptionalAuth()
  @Get()
  list(@Query() query: OrganisationQueryDto, @CurrentUser() user?: AuthUser): Promise<OrganisationPage> {
    return this.organisations.list(query, user);
  }

  /** The caller's own organisation with its private contact; 404 when the caller has none. */
  @Authenticated()
  @Get('mine')
  @ApiErrorResponses({ 404: '`not_found`: the caller belongs to no organisation' })
  mine(@CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.mine(user);
  }

  /** A focal point keeps their own organisation's contact details current. */
  @Roles('focal_point')
  @Patch('mine')
  @ApiErrorResponses({ 404: '`not_found`: the caller belongs to no organisation' })
  updateMine(@Body() dto: UpdateOwnOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.updateMine(dto, user);
  }

  /** One organisation; the contact e-mail only for the secretariat and its own users. */
  @OptionalAuth()
  @Get(':id')
  get(@Param('id', new ParamUuidPipe()) id: string, @CurrentUser() user?: AuthUser): Promise<OrganisationView> {
    return this.organisations.get(id, user);
  }

  /** A stakeholder organisation (States come from the country list). */
  @Roles('secretariat')
  @Post()
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.create(dto);
  }

  /** Edits an organisation (secretariat); a stale `version` gets 409. */
  @Roles('secretariat')
  @Patch(':id')
  update(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: UpdateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.update(id, dto);
  }
}
