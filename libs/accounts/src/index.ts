export * from './accounts.module';
export * from './entities';
export type { AuthUser } from './auth/auth-user';
export { CurrentUser } from './auth/current-user.decorator';
export { AccessTokenService } from './auth/access-token.service';
export { StateOrganisationsSeeder } from './organisations/state-organisations.seeder';
export type { UserView } from './users/user.view';
export { UsersService } from './users/users.service';
export type { OrganisationView } from './organisations/organisation.view';
