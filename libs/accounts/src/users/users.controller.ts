import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ParamUuidPipe, Roles } from '@gcm/platform';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { InviteUserDto, UpdateUserDto, UserQueryDto } from '../dto/user.dto';
import { InvitationsService } from './invitations.service';
import { InvitationView, UserPage, UserView } from '../accounts.view';
import { UsersService } from './users.service';

/** User management: the secretariat only. */
@ApiTags('users')
@Roles('secretariat')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  /** Users, filtered by role, organisation, status and text. */
  @Get()
  list(@Query() query: UserQueryDto): Promise<UserPage> {
    return this.users.list(query);
  }

  /** Invites by e-mail; the link (also returned as inviteUrl) lets the invitee set a password once. */
  @Post('invitations')
  invite(@Body() dto: InviteUserDto, @CurrentUser() caller: AuthUser): Promise<InvitationView> {
    return this.invitations.invite(dto, caller);
  }

  /** One user. */
  @Get(':id')
  get(@Param('id', new ParamUuidPipe()) id: string): Promise<UserView> {
    return this.users.get(id);
  }

  /** Edits name, role, organisation or active flag; a stale `version` gets 409. */
  @Patch(':id')
  update(@Param('id', new ParamUuidPipe()) id: string, @Body() dto: UpdateUserDto, @CurrentUser() caller: AuthUser): Promise<UserView> {
    return this.users.update(id, dto, caller);
  }

  /** Their tokens stop working at once. */
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', new ParamUuidPipe()) id: string, @CurrentUser() caller: AuthUser): Promise<UserView> {
    return this.users.deactivate(id, caller);
  }
}
