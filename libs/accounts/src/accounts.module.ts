import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './auth/access.guard';
import { AccessTokenService } from './auth/access-token.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { AuditController } from './audit/audit.controller';
import { AuditQueryService } from './audit/audit-query.service';
import { CredentialsService } from './auth/credentials.service';
import { RateLimitService } from './auth/rate-limit.service';
import { SessionService } from './auth/session.service';
import { UserTokenService } from './auth/user-token.service';
import { ACCOUNTS_ENTITIES } from './entities';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { StateOrganisationsSeeder } from './organisations/state-organisations.seeder';
import { RetentionPruneHandler } from './retention/retention-prune.handler';
import { RetentionService } from './retention/retention.service';
import { InvitationsService } from './users/invitations.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { SsoController, SsoProvidersController } from './sso/sso.controller';
import { loadSsoConfig, SsoConfig } from './sso/sso-config';
import { SsoProvidersService } from './sso/sso-providers.service';
import { SsoService } from './sso/sso.service';

const SERVICES = [
  AccessTokenService, AuthService, AuditQueryService, CredentialsService, InvitationsService, OrganisationsService, RateLimitService,
  SessionService, UserTokenService, StateOrganisationsSeeder, UsersService, RetentionService, RetentionPruneHandler, SsoProvidersService, SsoService,
];

/** Organisations, users, sessions and tokens: the tables and the services over them, without routes or guard. */
@Module({
  imports: [TypeOrmModule.forFeature(ACCOUNTS_ENTITIES)],
  providers: [...SERVICES, { provide: SsoConfig, useFactory: () => loadSsoConfig() }],
  exports: [...SERVICES, TypeOrmModule],
})
export class AccountsCoreModule {}

/**
 * The accounts routes, and the guard that every route of the app passes through (APP_GUARD): an app that
 * serves feature routes must import this module, and one that serves none (the worker) has no use for it.
 */
@Module({
  imports: [AccountsCoreModule],
  controllers: [AuthController, OrganisationsController, UsersController, AuditController, SsoController, SsoProvidersController],
  providers: [AccessGuard, { provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AccountsHttpModule {}
