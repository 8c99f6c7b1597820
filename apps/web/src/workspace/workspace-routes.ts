import type { RouteDef } from '../app/router';
import { AuditPage } from './audit.page';
import { FrameworkPage } from './framework.page';
import { WorkspaceHomePage } from './home.page';
import { MyOrganisationPage } from './my-organisation.page';
import { ObjectiveThemesPage } from './objective-themes.page';
import { NewOrganisationPage, OrganisationEditPage } from './organisation-edit.page';
import { OrganisationsPage } from './organisations.page';
import { RecommendationEditPage } from './recommendation-edit.page';
import { InviteUserPage } from './user-invite.page';
import { UserPage } from './user.page';
import { UsersPage } from './users.page';

const signedIn = 'signed-in' as const;
const secretariat: RouteDef['roles'] = ['secretariat'];
const focalPoint: RouteDef['roles'] = ['focal_point'];

/** Everything under /workspace: signed in only, and gated by role in the UI (the API is the real gate). */
export const workspaceRoutes: RouteDef[] = [
  { path: '/workspace', page: WorkspaceHomePage, access: signedIn },
  { path: '/workspace/organisation', page: MyOrganisationPage, access: signedIn, roles: focalPoint },
  { path: '/workspace/organisations', page: OrganisationsPage, access: signedIn, roles: secretariat },
  { path: '/workspace/organisations/new', page: NewOrganisationPage, access: signedIn, roles: secretariat },
  { path: '/workspace/organisations/:id', page: OrganisationEditPage, access: signedIn, roles: secretariat },
  { path: '/workspace/users', page: UsersPage, access: signedIn, roles: secretariat },
  { path: '/workspace/users/invite', page: InviteUserPage, access: signedIn, roles: secretariat },
  { path: '/workspace/users/:id', page: UserPage, access: signedIn, roles: secretariat },
  { path: '/workspace/audit', page: AuditPage, access: signedIn, roles: secretariat },
  { path: '/workspace/framework', page: FrameworkPage, access: signedIn, roles: secretariat },
  { path: '/workspace/framework/recommendations/new', page: RecommendationEditPage, access: signedIn, roles: secretariat },
  { path: '/workspace/framework/recommendations/:paragraph', page: RecommendationEditPage, access: signedIn, roles: secretariat },
  { path: '/workspace/framework/objectives/:number', page: ObjectiveThemesPage, access: signedIn, roles: secretariat },
];
