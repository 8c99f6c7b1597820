import type { RouteDef } from '../app/router';
import type { Role } from '../app/session';
import { workbenchRoute } from './cycles/workbench-route';
import { lazyPage } from './lazy-page';

const signedIn = 'signed-in' as const;
const secretariat: Role[] = ['secretariat'];
const focalPoint: Role[] = ['focal_point'];
const expert: Role[] = ['expert'];

/** Everything under /workspace: signed in only, and gated by role in the UI (the API is the real gate). */
export const workspaceRoutes: RouteDef[] = [
  { path: '/workspace', page: lazyPage('WorkspaceHomePage'), access: signedIn },
  { path: '/workspace/organisation', page: lazyPage('MyOrganisationPage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/pledges', page: lazyPage('MyPledgesPage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/pledges/new', page: lazyPage('NewPledgePage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/pledges/:id', page: lazyPage('PledgePage'), access: signedIn, roles: [...focalPoint, ...secretariat] },
  { path: '/workspace/pledges/:id/edit', page: lazyPage('EditPledgePage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/pledges/:id/updates/:cycle', page: lazyPage('UpdatePage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/review', page: lazyPage('ReviewQueuePage'), access: signedIn, roles: secretariat },
  { path: '/workspace/review/pledges/:id', page: lazyPage('ReviewPledgePage'), access: signedIn, roles: secretariat },
  { path: '/workspace/review/updates/:id', page: lazyPage('ReviewUpdatePage'), access: signedIn, roles: secretariat },
  { path: '/workspace/review/expert-reports', page: lazyPage('ExpertReviewPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/reports', page: lazyPage('ReportRunsPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/reports/versions/:id/editorial', page: lazyPage('ReportEditorialPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/queues', page: lazyPage('QueueMonitorPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/cycles', page: lazyPage('CyclesPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/team', page: lazyPage('TeamPage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/organisations/:id/team', page: lazyPage('TeamPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/approvals', page: lazyPage('ApprovalsPage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/approvals/:id', page: lazyPage('ApprovalPage'), access: signedIn, roles: focalPoint },
  { path: '/workspace/extensions', page: lazyPage('ExtensionsPage'), access: signedIn, roles: [...focalPoint, ...secretariat] },
  workbenchRoute,
  { path: '/workspace/organisations', page: lazyPage('OrganisationsPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/organisations/new', page: lazyPage('NewOrganisationPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/organisations/:id', page: lazyPage('OrganisationEditPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/users', page: lazyPage('UsersPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/users/invite', page: lazyPage('InviteUserPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/users/:id', page: lazyPage('UserPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/audit', page: lazyPage('AuditPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/sso', page: lazyPage('SsoProvidersPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/sso/new', page: lazyPage('NewSsoProviderPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/sso/:id', page: lazyPage('SsoProviderPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework', page: lazyPage('FrameworkPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework/recommendations/new', page: lazyPage('RecommendationEditPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework/recommendations/:paragraph', page: lazyPage('RecommendationEditPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/expert-reports', page: lazyPage('MyExpertReportsPage'), access: signedIn, roles: expert },
  { path: '/workspace/expert-reports/new', page: lazyPage('NewExpertReportPage'), access: signedIn, roles: expert },
  { path: '/workspace/expert-reports/:id', page: lazyPage('ExpertReportPage'), access: signedIn, roles: expert },
  { path: '/workspace/framework/objectives/:number', page: lazyPage('ObjectiveThemesPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework/round-tables/:code/questions', page: lazyPage('GuidingQuestionsPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework/imports', page: lazyPage('PracticeImportsPage'), access: signedIn, roles: secretariat },
  { path: '/workspace/framework/imports/:id', page: lazyPage('PracticeImportsPage'), access: signedIn, roles: secretariat },
];
